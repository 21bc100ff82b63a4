import Foundation
import Testing

/// The result of running the `hanzi` executable.
struct HanziRun {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
    var text: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs the `hanzi` built beside the test bundle with `arguments` and `input` on standard input.
func hanzi(_ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:]) throws -> HanziRun {
    try run(hanziExecutable, arguments, input: input, environment: environment)
}

/// Runs `executable` with `arguments` and `input` on standard input. A private dictionary
/// cache keeps tests from touching the user's.
func run(_ executable: URL, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:]) throws -> HanziRun {
    _ = ignoreBrokenPipes
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["HANZI_CACHE_DIR"] = env["HANZI_CACHE_DIR"] ?? NSTemporaryDirectory() + "hanzikit-test-cache"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Feed stdin and drain both outputs concurrently so large payloads cannot deadlock; the
    // group's wait orders the readers' writes before the reads below.
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
        // A command that fails early stops reading; the rest of the input is simply not needed.
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()
    }
    nonisolated(unsafe) var errorData = Data()
    DispatchQueue.global().async(group: group) { errorData = stderr.fileHandleForReading.readDataToEndOfFile() }
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    group.wait()
    return HanziRun(status: process.terminationStatus, stdout: Array(output), stderr: String(decoding: errorData, as: UTF8.self))
}

/// Commands that reject their input exit before reading all of it. Without this, feeding them
/// would kill the whole test process with SIGPIPE instead of failing the write.
private let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

func hanzi(_ arguments: [String], input: String, environment: [String: String] = [:]) throws -> HanziRun {
    try hanzi(arguments, input: Array(input.utf8), environment: environment)
}

/// `hanzi` sits beside the test bundle in the build products directory.
let hanziExecutable: URL = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = bundle.deletingLastPathComponent()
    while directory.path != "/" && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("hanzi").path) {
        directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("hanzi")
}()

/// The directory that holds every test's temporary directory, removed when the test process
/// exits so that test runs leave nothing behind.
private let temporaryRoot: URL = {
    atexit { try? FileManager.default.removeItem(at: testProcessDirectory()) }
    return testProcessDirectory()
}()

private func testProcessDirectory() -> URL {
    URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("hanzikit-cli-tests-\(getpid())")
}

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL {
    let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A private cache directory, warmed from the shared test cache when there is one (so that
/// jieba's dictionary need not be compiled again in a debug build), then used once.
func warmCache() throws -> URL {
    let cache = try temporaryDirectory().appendingPathComponent("cache")
    let shared = NSTemporaryDirectory() + "hanzikit-test-cache"
    try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
    // File by file: other tests may be writing to the shared cache (temporary files come
    // and go); whatever cannot be copied is compiled again.
    for name in (try? FileManager.default.contentsOfDirectory(atPath: shared)) ?? []
    where !name.contains(".tmp-") && (name.hasSuffix(".hzlex") || name.hasSuffix(".hzhmm") || name.hasSuffix(".digest")) {
        try? FileManager.default.copyItem(atPath: shared + "/" + name, toPath: cache.path + "/" + name)
    }
    let segment = try hanzi(["segment"], input: "我來到北京清華大學\n", environment: ["HANZI_CACHE_DIR": cache.path])
    #expect(segment.text == "我 / 來到 / 北京 / 清華大學\n", "\(segment.stderr)")
    let convert = try hanzi(["convert", "-c", "s2t"], input: "后来\n", environment: ["HANZI_CACHE_DIR": cache.path])
    #expect(convert.text == "後來\n", "\(convert.stderr)")
    return cache
}

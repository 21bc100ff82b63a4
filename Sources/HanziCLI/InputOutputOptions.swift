import ArgumentParser
import HanziKit
#if canImport(Glibc)
import Glibc
#endif

/// The input and output options of the text-processing commands.
struct InputOutputOptions: ParsableArguments {
    @Option(name: [.customShort("i"), .customLong("input")], help: ArgumentHelp("Read this file (same as a FILE argument).", valueName: "file"))
    var input: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output; it is replaced atomically when the command succeeds.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write one output per FILE into this directory, under the FILE's name.", valueName: "dir"))
    var outputDirectory: String?

    @Flag(name: .customLong("in-place"), help: "Rewrite each FILE with its result, keeping the original as FILE.orig.")
    var inPlace = false

    @Flag(name: .customLong("no-backup"), help: "With --in-place, keep no FILE.orig.")
    var noBackup = false

    @Flag(name: [.short, .customLong("quiet")], help: "Draw no progress bar (it is drawn only on a terminal, for inputs over 4 MB).")
    var quiet = false

    @Argument(help: "Files to read (default: standard input).")
    var files: [String] = []

    /// The inputs in order: -i first, then FILE arguments; standard input when there are none.
    var inputs: [InputFile] {
        let paths = (input.map { [$0] } ?? []) + files
        return paths.isEmpty ? [InputFile(path: nil, showsProgress: !quiet)] : paths.map { InputFile(path: $0, showsProgress: !quiet) }
    }

    func validate() throws {
        if [inPlace, output != nil, outputDirectory != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --output, --output-dir and --in-place")
        }
        if (inPlace || outputDirectory != nil) && inputs.contains(where: { $0.path == nil }) {
            throw ValidationError("--in-place and --output-dir need FILE arguments")
        }
        if noBackup && !inPlace { throw ValidationError("--no-backup goes with --in-place") }
    }

    /// Runs `body` for each input with the output it should write to, committing outputs only
    /// when everything succeeded: `-o FILE` and `--in-place` write to a temporary file renamed
    /// into place at the end, so a failure leaves no partial file.
    func process(_ body: (InputFile, FileOutput) throws -> Void) throws {
        if inPlace || outputDirectory != nil {
            if let outputDirectory {
                do { try FileBytes.makeDirectories(outputDirectory) } catch let error as LexiconError {
                    throw InputError.unreadable(outputDirectory, error.description)
                }
            }
            for input in inputs {
                let path = input.path!
                let destination = outputDirectory.map { $0 + "/" + (path.split(separator: "/").last.map(String.init) ?? path) } ?? path
                let staged = try StagedFile(replacing: destination)
                do {
                    try body(input, staged.output)
                    try staged.commit(backup: inPlace && !noBackup ? path + ".orig" : nil)
                } catch {
                    staged.discard()
                    throw error
                }
            }
        } else if let output {
            let staged = try StagedFile(replacing: output)
            do {
                for input in inputs { try body(input, staged.output) }
                try staged.commit(backup: nil)
            } catch {
                staged.discard()
                throw error
            }
        } else {
            let stdout = FileOutput(fd: 1)
            defer { stdout.flush() }
            for input in inputs { try body(input, stdout) }
        }
    }
}

/// A temporary file beside its destination, renamed over it on success.
struct StagedFile {
    let destination: String
    let temporary: String
    let output: FileOutput

    init(replacing destination: String) throws {
        self.destination = destination
        temporary = destination + ".hanzi-tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputError.unreadable(destination, "cannot write: \(String(cString: strerror(errno)))") }
        output = FileOutput(fd: fd, closesOnFlushAndDeinit: true)
    }

    func commit(backup: String?) throws {
        output.close()
        if let reason = output.writeError {
            unlink(temporary)
            throw InputError.unreadable(destination, "cannot write: \(reason)")
        }
        if let backup, link(destination, backup) != 0 && rename(destination, backup) != 0 {
            throw InputError.unreadable(destination, "cannot keep a backup at \(backup): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, destination) == 0 else {
            throw InputError.unreadable(destination, "cannot write: \(String(cString: strerror(errno)))")
        }
    }

    func discard() {
        output.close()
        unlink(temporary)
    }
}

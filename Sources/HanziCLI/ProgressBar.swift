#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error for long runs: bytes done, throughput and time left.
/// It draws only when standard error is a terminal, so piped or redirected runs never see it.
final class ProgressBar {
    /// Inputs smaller than this finish too fast for a progress line to help.
    static let minimumSize = 4 << 20

    private let total: Int?
    private let label: String
    private let start = ProgressBar.now()
    private var lastDraw = 0.0
    private var drawn = false

    /// A progress bar for `input`, or nil when there is nothing worth showing.
    static func make(for input: InputFile, fd: Int32) -> ProgressBar? {
        guard input.showsProgress, isatty(2) == 1 else { return nil }
        var info = stat()
        let size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        if let size, size < minimumSize { return nil }
        return ProgressBar(total: size, label: input.displayName)
    }

    private init(total: Int?, label: String) {
        self.total = total
        self.label = label
    }

    /// Reports that `done` bytes of the input have been processed; redraws at most 10 times a second.
    func update(_ done: Int) {
        let now = Self.now()
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now - start, 1e-6)
        let rate = Double(done) / elapsed
        var line = "\r\(label) "
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            line += "\(Int(fraction * 100))%  \(Self.megabytes(done))/\(Self.megabytes(total)) MB"
            let left = rate > 0 ? Double(total - done) / rate : 0
            line += "  \(Self.megabytes(Int(rate))) MB/s  \(Int(left) / 60):\(String(Int(left) % 60).leftPadded(2)) left"
        } else {
            line += "\(Self.megabytes(done)) MB  \(Self.megabytes(Int(rate))) MB/s"
        }
        FileOutput.standardError.write(Array((line + "\u{1B}[K").utf8))
        drawn = true
    }

    /// Erases the progress line.
    func finish() {
        if drawn { FileOutput.standardError.write(Array("\r\u{1B}[K".utf8)) }
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = bytes * 10 / (1 << 20)
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

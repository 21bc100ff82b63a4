import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `--jobs` option of the commands that process lines in parallel.
struct ParallelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Threads processing lines (default: the number of processors); output stays in input order.", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The number of threads to use: --jobs, else one per processor.
    var threads: Int { jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

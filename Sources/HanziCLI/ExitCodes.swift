import ArgumentParser
import HanziKit

/// The exit codes documented in `hanzi --help`.
enum HanziExit {
    /// `--check` found something to change.
    static let found = ExitCode(1)
    /// Unreadable or invalid input.
    static let inputError = ExitCode(3)
    /// A dictionary is missing or corrupt.
    static let dictionaryError = ExitCode(4)
}

/// Prints `message` to standard error as `hanzi: message`.
func printError(_ message: String) {
    var stderr = StandardError()
    print("hanzi: \(message)", to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileOutput.standardError.write(Array(string.utf8))
    }
}

/// Runs a command's body, turning its failures into a message on standard error and the
/// documented exit code: input errors 3, dictionary errors 4.
func withExitCodes<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        printError(error.description)
        throw HanziExit.inputError
    } catch let error as LexiconError {
        printError(error.description)
        throw HanziExit.dictionaryError
    }
}

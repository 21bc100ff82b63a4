import Foundation

/// A fresh directory for one test under the system's temporary directory, removed with
/// everything in it once the test lets go of it, so test runs leave nothing behind.
final class TestDirectory: Sendable {
    /// The directory's path, without a trailing slash.
    let path: String

    /// Creates the directory; `label` says which test made it should it ever be left behind.
    init(_ label: String) throws {
        path = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("hanzikit-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

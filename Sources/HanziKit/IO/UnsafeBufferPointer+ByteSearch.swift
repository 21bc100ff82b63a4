#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `byte` in `start..<end`, or `end` when there is none. (`memchr`
    /// reads a word at a time: the command's line splitting and the repairer look for line
    /// feeds and quotes in every byte.)
    package func index(of byte: UInt8, from start: Int, to end: Int) -> Int {
        guard let base = baseAddress, start < end, let found = memchr(base + start, Int32(byte), end - start) else {
            return end
        }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

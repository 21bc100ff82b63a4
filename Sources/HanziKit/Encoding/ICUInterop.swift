import CICU

// Internal helpers shared by the Encoding types: C tuple/string conversions and the
// "fill a caller buffer, report the required size" protocol of CICU.

/// Reads a NUL-terminated C string stored in a fixed-size C array (imported as a tuple).
func stringFromCArray<T>(_ array: T) -> String {
    withUnsafeBytes(of: array) { raw in
        let bytes = raw.prefix { $0 != 0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The bytes of a fixed-size C `uint8_t` array (imported as a tuple), first `count` only.
func bytesFromCArray<T>(_ array: T, count: Int) -> [UInt8] {
    withUnsafeBytes(of: array) { Array($0.prefix(max(0, count))) }
}

/// ICU's name for a raw UErrorCode.
func icuErrorName(_ status: Int32) -> String {
    guard let name = cicu_icu_error_name(status) else { return "ICU error \(status)" }
    return String(cString: name)
}

/// Status codes of CICU as Swift `Int32`s.
enum CICUStatus {
    static let ok = Int32(CICU_OK)
    static let bufferOverflow = Int32(CICU_BUFFER_OVERFLOW)
    static let invalidSequence = Int32(CICU_INVALID_SEQUENCE)
    static let unmappable = Int32(CICU_UNMAPPABLE)
    static let unknownCharset = Int32(CICU_UNKNOWN_CHARSET)
    static let icuFailure = Int32(CICU_ICU_FAILURE)
    static let invalidArgument = Int32(CICU_INVALID_ARGUMENT)
}

/// Builds a String by letting `fill` write UTF-8 into fresh storage of `estimate` bytes.
/// `fill(buffer)` returns a CICU status and the required size; on `bufferOverflow` it is
/// called once more with exactly the required capacity. Returns the string and the final
/// status (the string is empty unless the status is `ok`).
func makeString(
    estimate: Int,
    _ fill: (UnsafeMutableBufferPointer<UInt8>) -> (status: Int32, required: Int)
) -> (String, Int32) {
    var status = CICUStatus.ok
    var required = 0
    var capacity = max(estimate, 1)
    for _ in 0..<2 {
        let result = String(unsafeUninitializedCapacity: capacity) { buffer in
            (status, required) = fill(buffer)
            return status == CICUStatus.ok ? min(required, buffer.count) : 0
        }
        if status != CICUStatus.bufferOverflow { return (result, status) }
        capacity = max(required, 1)
    }
    return ("", status)
}

/// Builds a `[UInt8]` the same way as ``makeString(estimate:_:)``.
func makeBytes(
    estimate: Int,
    _ fill: (UnsafeMutableBufferPointer<UInt8>) -> (status: Int32, required: Int)
) -> ([UInt8], Int32) {
    var status = CICUStatus.ok
    var required = 0
    var capacity = max(estimate, 1)
    for _ in 0..<2 {
        let result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            (status, required) = fill(buffer)
            count = status == CICUStatus.ok ? min(required, buffer.count) : 0
        }
        if status != CICUStatus.bufferOverflow { return (result, status) }
        capacity = max(required, 1)
    }
    return ([], status)
}

/// Appends the output of `fill` to `output` (growing it to the estimate, then trimming).
func appendBytes(
    to output: inout [UInt8],
    estimate: Int,
    _ fill: (UnsafeMutableBufferPointer<UInt8>) -> (status: Int32, required: Int)
) -> Int32 {
    let start = output.count
    var capacity = max(estimate, 1)
    var status = CICUStatus.ok
    for _ in 0..<2 {
        output.append(contentsOf: repeatElement(0, count: capacity))
        var required = 0
        output.withUnsafeMutableBufferPointer { all in
            let tail = UnsafeMutableBufferPointer(rebasing: all[start...])
            (status, required) = fill(tail)
        }
        if status == CICUStatus.ok {
            output.removeLast(capacity - min(required, capacity))
            return status
        }
        output.removeLast(capacity)
        if status != CICUStatus.bufferOverflow { return status }
        capacity = max(required, 1)
    }
    return status
}

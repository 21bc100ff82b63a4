import CICU

extension Charset {
    // MARK: Encoding UTF-8 to charset bytes

    /// Encodes `text` into this charset.
    ///
    /// - Parameter mode: ``Mode/strict`` (default) throws for the first character the charset
    ///   cannot represent; ``Mode/substitute`` writes ICU's substitution bytes instead (see
    ///   ``Mode/substitute`` for which bytes).
    /// - Throws: ``EncodingError/unmappable(offset:scalar:charset:)`` with the UTF-8 byte offset
    ///   of the character in `text`.
    public func encode(_ text: String, mode: Mode = .strict) throws -> [UInt8] {
        var text = text
        return try text.withUTF8 { try encode(utf8: $0, mode: mode) }
    }

    /// Encodes UTF-8 bytes into this charset.
    ///
    /// - Throws: ``EncodingError/unmappable(offset:scalar:charset:)`` as ``encode(_:mode:)``;
    ///   in strict mode, ill-formed UTF-8 input throws
    ///   ``EncodingError/invalidSequence(offset:bytes:charset:)`` with charset `"UTF-8"`
    ///   (substitute mode reads it as U+FFFD).
    public func encode(utf8 bytes: UnsafeBufferPointer<UInt8>, mode: Mode = .strict) throws -> [UInt8] {
        var error = cicu_conversion_error()
        let (result, status) = makeBytes(estimate: encodeEstimate(bytes.count)) { buffer in
            encodeRaw(bytes, into: buffer, mode: mode, error: &error)
        }
        guard status == CICUStatus.ok else { throw encodingError(status, error) }
        return result
    }

    /// Encodes a sequence of UTF-8 bytes into this charset. See ``encode(utf8:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
    @inlinable
    public func encode(utf8 bytes: some Sequence<UInt8>, mode: Mode = .strict) throws -> [UInt8] {
        if let result = try bytes.withContiguousStorageIfAvailable({ try encode(utf8: $0, mode: mode) }) {
            return result
        }
        return try Array(bytes).withUnsafeBufferPointer { try encode(utf8: $0, mode: mode) }
    }

    /// Encodes UTF-8 bytes and appends the result to `output` (reuse one buffer for many small
    /// spans). On error `output` is left as it was. Errors as ``encode(utf8:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
    public func encode(utf8 bytes: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8],
                       mode: Mode = .strict) throws {
        var error = cicu_conversion_error()
        let status = appendBytes(to: &output, estimate: 4 * bytes.count + 16) { buffer in
            encodeRaw(bytes, into: buffer, mode: mode, error: &error)
        }
        guard status == CICUStatus.ok else { throw encodingError(status, error) }
    }

    /// Lowest-level encode: writes into caller memory, no allocation.
    ///
    /// - Returns: The number of bytes the result needs. If larger than `output.count`, the
    ///   content of `output` is unspecified: call again with at least that many bytes.
    ///   `4 * bytes.count + 16` suffices except for escape-based charsets (ISO-2022-*, HZ).
    /// - Throws: As ``encode(utf8:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
    public func encode(utf8 bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
                       mode: Mode = .strict) throws -> Int {
        var error = cicu_conversion_error()
        let (status, required) = encodeRaw(bytes, into: output, mode: mode, error: &error)
        guard status == CICUStatus.ok || status == CICUStatus.bufferOverflow else {
            throw encodingError(status, error)
        }
        return required
    }

    /// Whether every character of `text` can be encoded in this charset (strict mode).
    /// Allocates nothing.
    public func canEncode(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var error = cicu_conversion_error()
            let (status, _) = encodeRaw(utf8, into: UnsafeMutableBufferPointer(start: nil, count: 0),
                                        mode: .strict, error: &error)
            return status == CICUStatus.ok || status == CICUStatus.bufferOverflow
        }
    }

    // MARK: Internals

    func encodeEstimate(_ count: Int) -> Int {
        count <= 65_536 ? 4 * count + 16 : count * min(max(storage.maxBytesPerChar, 1), 2) + 64
    }

    func encodeRaw(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
                   mode: Mode, error: inout cicu_conversion_error) -> (status: Int32, required: Int) {
        let storage = self.storage
        var required = 0
        let flags = UInt32(mode == .strict ? CICU_STRICT : CICU_SUBSTITUTE)
        let status = storage.cName.withUnsafeBufferPointer { name in
            storage.trapBytes.withUnsafeBufferPointer { trapBytes in
                storage.trapUnits.withUnsafeBufferPointer { trapUnits in
                    cicu_encode(name.baseAddress, bytes.baseAddress, bytes.count, flags,
                                trapBytes.baseAddress, trapUnits.baseAddress, Int32(trapBytes.count),
                                output.baseAddress, output.count, &required, &error)
                }
            }
        }
        return (status, required)
    }

    func encodingError(_ status: Int32, _ error: cicu_conversion_error) -> EncodingError {
        switch status {
        case CICUStatus.invalidSequence:
            return .invalidSequence(offset: Int(error.offset),
                                    bytes: bytesFromCArray(error.bytes, count: Int(error.length)),
                                    charset: "UTF-8")
        case CICUStatus.unmappable:
            return .unmappable(offset: Int(error.offset),
                               scalar: Unicode.Scalar(error.scalar) ?? "\u{FFFD}",
                               charset: name)
        case CICUStatus.unknownCharset:
            return .unknownCharset(name)
        default:
            return .icuFailure(operation: "encoding \(name)",
                               status: error.icu_status != 0 ? icuErrorName(error.icu_status) : "status \(status)")
        }
    }
}

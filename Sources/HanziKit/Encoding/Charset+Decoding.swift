import CICU

extension Charset {
    // MARK: Decoding bytes to UTF-8

    /// Decodes `bytes` in this charset to a String.
    ///
    /// - Parameters:
    ///   - bytes: The encoded bytes. A BOM is consumed only by BOM-detecting charsets (``utf16``).
    ///   - mode: ``Mode/strict`` (default) throws on the first problem; ``Mode/substitute``
    ///     replaces each invalid sequence with U+FFFD and never throws for bad bytes.
    /// - Throws: ``EncodingError/invalidSequence(offset:bytes:charset:)`` with the byte offset
    ///   of the first invalid sequence (strict mode only).
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>, mode: Mode = .strict) throws -> String {
        if bytes.isEmpty { return try decodeEmpty() }
        var error = cicu_conversion_error()
        let (string, status) = makeString(estimate: Self.decodeEstimate(bytes.count)) { buffer in
            decodeRaw(bytes, into: buffer, mode: mode, error: &error)
        }
        guard status == CICUStatus.ok else { throw decodingError(status, error) }
        return string
    }

    /// Decodes raw memory in this charset to a String. See ``decode(_:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
    public func decode(_ bytes: UnsafeRawBufferPointer, mode: Mode = .strict) throws -> String {
        try decode(bytes.assumingMemoryBound(to: UInt8.self), mode: mode)
    }

    /// Decodes a byte sequence (an `[UInt8]`, `ArraySlice`, `Data`, …) in this charset to a String.
    /// Contiguous collections are read in place. See ``decode(_:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
    @inlinable
    public func decode(_ bytes: some Sequence<UInt8>, mode: Mode = .strict) throws -> String {
        if let result = try bytes.withContiguousStorageIfAvailable({ try decode($0, mode: mode) }) {
            return result
        }
        return try Array(bytes).withUnsafeBufferPointer { try decode($0, mode: mode) }
    }

    /// Decodes `bytes` in this charset and returns the UTF-8 bytes of the text.
    /// Same rules and errors as ``decode(_:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
    public func decodeToUTF8(_ bytes: UnsafeBufferPointer<UInt8>, mode: Mode = .strict) throws -> [UInt8] {
        if bytes.isEmpty { _ = try decodeEmpty(); return [] }
        var error = cicu_conversion_error()
        let (result, status) = makeBytes(estimate: Self.decodeEstimate(bytes.count)) { buffer in
            decodeRaw(bytes, into: buffer, mode: mode, error: &error)
        }
        guard status == CICUStatus.ok else { throw decodingError(status, error) }
        return result
    }

    /// Decodes a byte sequence in this charset and returns the UTF-8 bytes of the text.
    /// Same rules and errors as ``decode(_:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
    @inlinable
    public func decodeToUTF8(_ bytes: some Sequence<UInt8>, mode: Mode = .strict) throws -> [UInt8] {
        if let result = try bytes.withContiguousStorageIfAvailable({ try decodeToUTF8($0, mode: mode) }) {
            return result
        }
        return try Array(bytes).withUnsafeBufferPointer { try decodeToUTF8($0, mode: mode) }
    }

    /// Decodes `bytes` and appends the UTF-8 result to `output` — reuse one buffer to decode many
    /// small spans without allocating. On error `output` is left as it was.
    /// Same rules and errors as ``decode(_:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8],
                       mode: Mode = .strict) throws {
        if bytes.isEmpty { _ = try decodeEmpty(); return }
        var error = cicu_conversion_error()
        let status = appendBytes(to: &output, estimate: 3 * bytes.count + 16) { buffer in
            decodeRaw(bytes, into: buffer, mode: mode, error: &error)
        }
        guard status == CICUStatus.ok else { throw decodingError(status, error) }
    }

    /// Lowest-level decode: writes the UTF-8 result into caller memory, no allocation.
    ///
    /// - Returns: The number of bytes the UTF-8 result needs. If it is larger than
    ///   `output.count`, the content of `output` is unspecified: call again with a buffer of at
    ///   least that size. `3 * bytes.count + 16` always suffices for the CJK legacy charsets,
    ///   single-byte charsets and the UTFs.
    /// - Throws: As ``decode(_:mode:)-(UnsafeBufferPointer<UInt8>,_)``.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
                       mode: Mode = .strict) throws -> Int {
        var error = cicu_conversion_error()
        let (status, required) = decodeRaw(bytes, into: output, mode: mode, error: &error)
        guard status == CICUStatus.ok || status == CICUStatus.bufferOverflow else {
            throw decodingError(status, error)
        }
        return required
    }

    /// Whether `bytes` decode without error in strict mode. Allocates nothing.
    public func canDecode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var error = cicu_conversion_error()
        let (status, _) = decodeRaw(bytes, into: UnsafeMutableBufferPointer(start: nil, count: 0),
                                    mode: .strict, error: &error)
        return status == CICUStatus.ok || status == CICUStatus.bufferOverflow
    }

    /// Whether a byte sequence decodes without error in strict mode.
    @inlinable
    public func canDecode(_ bytes: some Sequence<UInt8>) -> Bool {
        if let result = bytes.withContiguousStorageIfAvailable({ canDecode($0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { canDecode($0) }
    }

    // MARK: Internals

    /// Initial output estimate: generous for small spans (no second pass), tight for big inputs
    /// (GBK/Big5/UTF-16 need at most 1.5 bytes of UTF-8 per input byte; others retry once).
    static func decodeEstimate(_ count: Int) -> Int {
        count <= 65_536 ? 3 * count + 16 : count + count / 2 + 64
    }

    private func decodeEmpty() throws -> String {
        var error = cicu_conversion_error()
        let (status, _) = decodeRaw(UnsafeBufferPointer(start: nil, count: 0),
                                    into: UnsafeMutableBufferPointer(start: nil, count: 0),
                                    mode: .strict, error: &error)
        guard status == CICUStatus.ok else { throw decodingError(status, error) }
        return ""
    }

    func decodeRaw(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
                   mode: Mode, error: inout cicu_conversion_error) -> (status: Int32, required: Int) {
        let storage = self.storage
        var required = 0
        let flags = UInt32(mode == .strict ? CICU_STRICT : CICU_SUBSTITUTE)
        let status = storage.cName.withUnsafeBufferPointer { name in
            storage.trapBytes.withUnsafeBufferPointer { trapBytes in
                storage.trapUnits.withUnsafeBufferPointer { trapUnits in
                    cicu_decode(name.baseAddress, bytes.baseAddress, bytes.count, flags,
                                trapBytes.baseAddress, trapUnits.baseAddress, Int32(trapBytes.count),
                                output.baseAddress, output.count, &required, &error)
                }
            }
        }
        return (status, required)
    }

    func decodingError(_ status: Int32, _ error: cicu_conversion_error) -> EncodingError {
        switch status {
        case CICUStatus.invalidSequence:
            return .invalidSequence(offset: Int(error.offset),
                                    bytes: bytesFromCArray(error.bytes, count: Int(error.length)),
                                    charset: name)
        case CICUStatus.unknownCharset:
            return .unknownCharset(name)
        default:
            return .icuFailure(operation: "decoding \(name)",
                               status: error.icu_status != 0 ? icuErrorName(error.icu_status) : "status \(status)")
        }
    }
}

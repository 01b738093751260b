/// Writes the DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 section 2.2.3) that OpenSSL's
/// verifier takes, from JOSE's raw 32-byte r and s.
///
/// Written by hand rather than with `ECDSA_SIG_new` + `BN_bin2bn` + `i2d_ECDSA_SIG` because that route costs 16
/// heap allocations per verification on OpenSSL 3.0 (measured), more than the rest of our verify path together;
/// the encoding of two positive integers below 2^256 is short and fixed in shape. Allocates nothing.
enum ECDSASignatureDER {
    /// The longest encoding: SEQUENCE header (2) + 2 × INTEGER (tag, length, 0x00 pad, 32 bytes).
    static let maximumByteCount = 72

    /// Encodes r and s (each exactly 32 big-endian bytes) into `output`; returns the number of bytes written, or nil
    /// if the input sizes are wrong or `output` is shorter than ``maximumByteCount``.
    static func encode(
        r: UnsafeRawBufferPointer,
        s: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) -> Int? {
        guard r.count == P256.scalarByteCount, s.count == P256.scalarByteCount, output.count >= maximumByteCount
        else { return nil }
        var cursor = 2
        unsafe writeInteger(r, into: output, at: &cursor)
        unsafe writeInteger(s, into: output, at: &cursor)
        // Content is at most 70 bytes, so the short length form always applies.
        unsafe output[0] = 0x30
        unsafe output[1] = UInt8(cursor - 2)
        return cursor
    }

    /// Appends `INTEGER` for the unsigned big-endian `value`: leading zero bytes dropped (one kept for zero) and a
    /// 0x00 byte prepended when the top bit is set, so the integer stays positive (X.690 section 8.3).
    private static func writeInteger(
        _ value: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        at cursor: inout Int
    ) {
        var start = 0
        while unsafe start < value.count - 1 && value[start] == 0 {
            start += 1
        }
        let needsPad = unsafe value[start] & 0x80 != 0
        let length = value.count - start + (needsPad ? 1 : 0)
        unsafe output[cursor] = 0x02
        unsafe output[cursor + 1] = UInt8(length)
        cursor += 2
        if needsPad {
            unsafe output[cursor] = 0x00
            cursor += 1
        }
        for index in start..<value.count {
            unsafe output[cursor] = value[index]
            cursor += 1
        }
    }
}

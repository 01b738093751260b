/// Writes and reads the DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 section 2.2.3) that
/// OpenSSL speaks, from and to JOSE's raw 32-byte r and s.
///
/// Written by hand rather than with `ECDSA_SIG_new` + `BN_bin2bn` + `i2d_ECDSA_SIG` because that route costs 16
/// heap allocations per verification on OpenSSL 3.0 (measured), more than the rest of our verify path together, and
/// `d2i_ECDSA_SIG` + `BN_bn2binpad` cost 5 per signature; the encoding of two positive integers below 2^256 is short
/// and fixed in shape. Allocates nothing.
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

    /// Reads a DER signature into `raw` (64 bytes: r then s, each left-padded to 32 bytes). Strict: exactly one
    /// SEQUENCE of two minimal, positive INTEGERs of at most 32 significant bytes, nothing after it. Returns false for
    /// anything else, or if `raw` is not 64 bytes.
    static func decode(_ der: UnsafeRawBufferPointer, into raw: UnsafeMutableRawBufferPointer) -> Bool {
        guard raw.count == 2 * P256.scalarByteCount, der.count >= 8, der.count <= maximumByteCount,
            unsafe der[0] == 0x30, unsafe Int(der[1]) == der.count - 2
        else { return false }
        var cursor = 2
        guard unsafe readInteger(der, at: &cursor, into: raw, slot: 0),
            unsafe readInteger(der, at: &cursor, into: raw, slot: P256.scalarByteCount)
        else { return false }
        return cursor == der.count
    }

    /// Reads one INTEGER at `cursor` into the 32-byte slot of `raw` starting at `slot`, right-aligned.
    private static func readInteger(
        _ der: UnsafeRawBufferPointer,
        at cursor: inout Int,
        into raw: UnsafeMutableRawBufferPointer,
        slot: Int
    ) -> Bool {
        guard cursor + 2 <= der.count, unsafe der[cursor] == 0x02 else { return false }
        let length = unsafe Int(der[cursor + 1])
        var start = cursor + 2
        let end = start + length
        guard length >= 1, length <= P256.scalarByteCount + 1, end <= der.count else { return false }
        // Positive (top bit clear) and minimal: a leading 0x00 only where the next byte's top bit is set.
        guard unsafe der[start] & 0x80 == 0 else { return false }
        if unsafe der[start] == 0, length > 1 {
            guard unsafe der[start + 1] & 0x80 != 0 else { return false }
            start += 1
        }
        let significant = end - start
        guard significant <= P256.scalarByteCount else { return false }
        let padding = P256.scalarByteCount - significant
        for index in 0..<padding {
            unsafe raw[slot + index] = 0
        }
        for index in 0..<significant {
            unsafe raw[slot + padding + index] = der[start + index]
        }
        cursor = end
        return true
    }
}

/// Writes and reads the DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 section 2.2.3) that
/// OpenSSL speaks, from and to JOSE's raw fixed-width r and s (32, 48 or 66 bytes each).
///
/// Written by hand rather than with `ECDSA_SIG_new` + `BN_bin2bn` + `i2d_ECDSA_SIG` because that route costs 16
/// heap allocations per verification on OpenSSL 3.0 (measured), more than the rest of our verify path together, and
/// `d2i_ECDSA_SIG` + `BN_bn2binpad` cost 5 per signature; the encoding of two positive integers below the group
/// order is short and fixed in shape. Allocates nothing.
enum ECDSASignatureDER {
    /// The longest encoding for any supported curve (P-521): SEQUENCE header (3: the content is over 127 bytes) +
    /// 2 × INTEGER (tag, length, 0x00 pad, 66 bytes).
    static let maximumByteCount = maximumByteCount(scalarByteCount: 66)

    /// The longest encoding for scalars of `scalarByteCount` bytes: 72 for P-256, 104 for P-384, 141 for P-521.
    static func maximumByteCount(scalarByteCount: Int) -> Int {
        let content = 2 * (2 + scalarByteCount + 1)
        return (content < 0x80 ? 2 : 3) + content
    }

    /// Encodes r and s (big-endian, of equal length: 32, 48 or 66 bytes) into `output`; returns the number of bytes
    /// written, or nil if the input sizes are wrong or `output` is shorter than the maximum for that size.
    static func encode(
        r: UnsafeRawBufferPointer,
        s: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) -> Int? {
        guard r.count == s.count, [32, 48, 66].contains(r.count),
            output.count >= maximumByteCount(scalarByteCount: r.count)
        else { return nil }
        let contentLength = unsafe integerLength(r) + integerLength(s)
        // Content over 127 bytes (only possible for P-521) takes the two-byte long length form 0x81 nn (X.690 8.1.3).
        var cursor = contentLength < 0x80 ? 2 : 3
        unsafe output[0] = 0x30
        if contentLength < 0x80 {
            unsafe output[1] = UInt8(contentLength)
        } else {
            unsafe output[1] = 0x81
            unsafe output[2] = UInt8(contentLength)
        }
        unsafe writeInteger(r, into: output, at: &cursor)
        unsafe writeInteger(s, into: output, at: &cursor)
        return cursor
    }

    /// The first significant byte of `value` (one zero byte is kept for zero) and whether it needs a 0x00 pad.
    private static func significantStart(_ value: UnsafeRawBufferPointer) -> (start: Int, needsPad: Bool) {
        var start = 0
        while unsafe start < value.count - 1 && value[start] == 0 {
            start += 1
        }
        return unsafe (start, value[start] & 0x80 != 0)
    }

    /// The bytes `INTEGER` takes for the unsigned big-endian `value`, tag and length included.
    private static func integerLength(_ value: UnsafeRawBufferPointer) -> Int {
        let (start, needsPad) = unsafe significantStart(value)
        return 2 + value.count - start + (needsPad ? 1 : 0)
    }

    /// Appends `INTEGER` for the unsigned big-endian `value`: leading zero bytes dropped (one kept for zero) and a
    /// 0x00 byte prepended when the top bit is set, so the integer stays positive (X.690 section 8.3).
    private static func writeInteger(
        _ value: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        at cursor: inout Int
    ) {
        let (start, needsPad) = unsafe significantStart(value)
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

    /// Reads a DER signature into `raw` (r then s, each left-padded to half of `raw`, which must be 64, 96 or 132
    /// bytes). Strict: exactly one SEQUENCE with a minimal length of two minimal, positive INTEGERs of at most half of
    /// `raw` significant bytes, nothing after it. Returns false for anything else.
    static func decode(_ der: UnsafeRawBufferPointer, into raw: UnsafeMutableRawBufferPointer) -> Bool {
        let scalarByteCount = raw.count / 2
        guard raw.count.isMultiple(of: 2), [32, 48, 66].contains(scalarByteCount), der.count >= 8,
            der.count <= maximumByteCount(scalarByteCount: scalarByteCount), unsafe der[0] == 0x30
        else { return false }
        var cursor: Int
        if unsafe der[1] < 0x80 {
            guard unsafe Int(der[1]) == der.count - 2 else { return false }
            cursor = 2
        } else {
            // The long form is minimal only for lengths of 128 and more (X.690 10.1).
            guard unsafe der[1] == 0x81, unsafe der[2] >= 0x80, unsafe Int(der[2]) == der.count - 3 else {
                return false
            }
            cursor = 3
        }
        guard unsafe readInteger(der, at: &cursor, into: raw, slot: 0, width: scalarByteCount),
            unsafe readInteger(der, at: &cursor, into: raw, slot: scalarByteCount, width: scalarByteCount)
        else { return false }
        return cursor == der.count
    }

    /// Reads one INTEGER at `cursor` into the `width`-byte slot of `raw` starting at `slot`, right-aligned.
    private static func readInteger(
        _ der: UnsafeRawBufferPointer,
        at cursor: inout Int,
        into raw: UnsafeMutableRawBufferPointer,
        slot: Int,
        width: Int
    ) -> Bool {
        guard cursor + 2 <= der.count, unsafe der[cursor] == 0x02 else { return false }
        let length = unsafe Int(der[cursor + 1])
        var start = cursor + 2
        let end = start + length
        guard length >= 1, length <= width + 1, end <= der.count else { return false }
        // Positive (top bit clear) and minimal: a leading 0x00 only where the next byte's top bit is set.
        guard unsafe der[start] & 0x80 == 0 else { return false }
        if unsafe der[start] == 0, length > 1 {
            guard unsafe der[start + 1] & 0x80 != 0 else { return false }
            start += 1
        }
        let significant = end - start
        guard significant <= width else { return false }
        let padding = width - significant
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

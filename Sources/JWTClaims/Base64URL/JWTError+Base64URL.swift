extension JWTError {
    /// Padding (`=`) in Base64URL text, which JWS omits (RFC 7515 section 2).
    ///
    /// Code ``Code/invalidBase64URL``; reason such as "byte 0x3D ('=') at offset 4 is padding, which unpadded
    /// Base64URL never contains".
    @inline(never)
    static func base64URLPadding(at offset: Int, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(
            code: .invalidBase64URL,
            reason: "\(describe(byte: UInt8(ascii: "="))) at offset \(offset) is padding, "
                + "which unpadded Base64URL never contains",
            offset: offset,
            fileID: fileID,
            line: line
        )
    }

    /// A byte of Base64URL text that is neither in the alphabet nor padding.
    ///
    /// Code ``Code/invalidBase64URL``; reason such as "byte 0x2B ('+') at offset 5 is not in the Base64URL alphabet".
    /// Bytes that are not printable ASCII are named by their hex value only.
    @inline(never)
    static func base64URLByteOutsideAlphabet(
        _ byte: UInt8,
        at offset: Int,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .invalidBase64URL,
            reason: "\(describe(byte: byte)) at offset \(offset) is not in the Base64URL alphabet",
            offset: offset,
            fileID: fileID,
            line: line
        )
    }

    /// Base64URL text whose length is one more than a multiple of 4, which no byte string encodes to.
    ///
    /// Code ``Code/invalidBase64URL``, at the offset of the lone last character; reason such as "length 5 is
    /// impossible: ...".
    @inline(never)
    static func base64URLImpossibleLength(
        _ length: Int,
        at offset: Int,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .invalidBase64URL,
            reason: "length \(length) is impossible: it leaves a lone last character at offset \(offset), "
                + "whose 6 bits cannot make a byte (Base64URL lengths are never 1 more than a multiple of 4)",
            offset: offset,
            fileID: fileID,
            line: line
        )
    }

    /// A last Base64URL character whose unused low bits are not zero, so the text is not the canonical encoding of
    /// the bytes it would decode to.
    ///
    /// Code ``Code/invalidBase64URL``, at the offset of that character; the reason names it and the character the
    /// canonical encoding has in its place.
    @inline(never)
    static func base64URLNonCanonical(
        _ character: UInt8,
        canonical: UInt8,
        unusedBitCount: Int,
        at offset: Int,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        JWTError(
            code: .invalidBase64URL,
            reason: "last character '\(Unicode.Scalar(character))' at offset \(offset) has non-zero unused bits "
                + "(its low \(unusedBitCount) bits must be 0), so the text is not canonical: the canonical encoding "
                + "ends in '\(Unicode.Scalar(canonical))'",
            offset: offset,
            fileID: fileID,
            line: line
        )
    }

    /// `byte 0x2B ('+')` for printable ASCII, `byte 0x0A` for anything else.
    private static func describe(byte: UInt8) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        let hex = String(decoding: [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]], as: UTF8.self)
        if (0x20...0x7E).contains(byte) {
            return "byte 0x\(hex) ('\(Unicode.Scalar(byte))')"
        }
        return "byte 0x\(hex)"
    }
}

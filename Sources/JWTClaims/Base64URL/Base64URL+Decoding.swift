extension Base64URL {
    /// The number of bytes that text of `encodedCount` characters decodes to, or `nil` when no canonical text has
    /// that length (one more than a multiple of 4, or negative).
    ///
    /// - Parameter encodedCount: The number of characters (bytes) of Base64URL text.
    /// - Returns: `3 * (encodedCount / 4)` plus 1 or 2 for a final 2 or 3 characters.
    static func decodedLength(of encodedCount: Int) -> Int? {
        guard encodedCount >= 0, encodedCount % 4 != 1 else { return nil }
        return encodedCount / 4 * 3 + max(encodedCount % 4 - 1, 0)
    }

    /// Decodes canonical, unpadded Base64URL text in place, such as one segment of a token buffer, without copying it.
    ///
    /// - Parameters:
    ///   - buffer: The ASCII bytes of the text.
    ///   - startOffset: The offset of `buffer`'s first byte in the caller's input, added to the offset (and the
    ///     reason) of any error, so that errors can point into a whole token. 0 by default.
    /// - Returns: The decoded bytes.
    /// - Throws: ``JWTError`` with code ``JWTError/Code/invalidBase64URL``, as ``Base64URL/decode(_:)-(String)``
    ///   describes.
    static func decode(
        _ buffer: UnsafeRawBufferPointer,
        reportingOffsetsFrom startOffset: Int = 0
    ) throws(JWTError) -> [UInt8] {
        try unsafe decodeResult(buffer, startOffset: startOffset).get()
    }

    /// The decoder behind every `decode` entry point.
    ///
    /// It returns its error rather than throwing it because it runs inside `withUTF8` and
    /// `withContiguousStorageIfAvailable`, whose `rethrows` would widen `JWTError` to `any Error`.
    static func decodeResult(_ input: UnsafeRawBufferPointer, startOffset: Int) -> Result<[UInt8], JWTError> {
        let count = input.count
        guard count > 0 else { return .success([]) }
        // The tail of a length 1 mod 4 yields no byte; that length is an error, found once the bytes are checked.
        let outputCount = count / 4 * 3 + max(count % 4 - 1, 0)
        var failure: JWTError?
        // One byte more than the output, so that every full block can be written with one 4-byte store whose last
        // byte the next block overwrites (or that lies beyond the initialized count).
        let bytes = unsafe [UInt8](unsafeUninitializedCapacity: outputCount + 1) { buffer, initializedCount in
            failure = unsafe decode(input, into: UnsafeMutableRawBufferPointer(buffer), startOffset: startOffset)
            initializedCount = failure == nil ? outputCount : 0
        }
        if let failure {
            return .failure(failure)
        }
        return .success(bytes)
    }

    /// Decodes all of `input` into the start of `output`, which must hold at least 3 bytes per 4 characters plus 1.
    ///
    /// - Returns: `nil` on success, or the error for the first problem.
    private static func decode(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        startOffset: Int
    ) -> JWTError? {
        unsafe Base64URLTables.decoding.withUnsafeBufferPointer { table in
            let invalid = Base64URLTables.invalid
            let count = input.count
            let blockEnd = count & ~3
            var inputOffset = 0
            var outputOffset = 0
            while inputOffset < blockEnd {
                // In bounds: inputOffset is a multiple of 4 below blockEnd, so inputOffset + 3 < blockEnd <= count.
                // outputOffset is 3 * (inputOffset / 4), so the 4-byte store ends at or before
                // 3 * (blockEnd / 4) + 1 <= output.count. Every table index is a UInt8, below table.count == 256.
                let first = unsafe table[Int(input[inputOffset])]
                let second = unsafe table[Int(input[inputOffset + 1])]
                let third = unsafe table[Int(input[inputOffset + 2])]
                let fourth = unsafe table[Int(input[inputOffset + 3])]
                guard (first | second | third | fourth) & invalid == 0 else {
                    return unsafe firstInvalidByte(in: input, from: inputOffset, count: 4, startOffset: startOffset)
                }
                let value = UInt32(first) << 26 | UInt32(second) << 20 | UInt32(third) << 14 | UInt32(fourth) << 8
                unsafe output.storeBytes(of: value.bigEndian, toByteOffset: outputOffset, as: UInt32.self)
                inputOffset += 4
                outputOffset += 3
            }
            // In bounds below: the tail holds count - blockEnd characters at blockEnd..<count, and writes
            // count - blockEnd - 1 bytes at outputOffset..., within the output length computed for this count.
            switch count - blockEnd {
            case 1:
                let character = unsafe input[blockEnd]
                guard unsafe table[Int(character)] & invalid == 0 else {
                    return unsafe firstInvalidByte(in: input, from: blockEnd, count: 1, startOffset: startOffset)
                }
                return JWTError.base64URLImpossibleLength(count, at: startOffset + blockEnd)
            case 2:
                let first = unsafe table[Int(input[blockEnd])]
                let second = unsafe table[Int(input[blockEnd + 1])]
                guard (first | second) & invalid == 0 else {
                    return unsafe firstInvalidByte(in: input, from: blockEnd, count: 2, startOffset: startOffset)
                }
                // 12 bits make one byte: the low 4 bits of the second character are unused and must be zero.
                guard second & 0x0F == 0 else {
                    return unsafe nonCanonical(in: input, at: blockEnd + 1, value: second, unusedBitCount: 4, startOffset)
                }
                unsafe output[outputOffset] = first << 2 | second >> 4
            case 3:
                let first = unsafe table[Int(input[blockEnd])]
                let second = unsafe table[Int(input[blockEnd + 1])]
                let third = unsafe table[Int(input[blockEnd + 2])]
                guard (first | second | third) & invalid == 0 else {
                    return unsafe firstInvalidByte(in: input, from: blockEnd, count: 3, startOffset: startOffset)
                }
                // 18 bits make two bytes: the low 2 bits of the third character are unused and must be zero.
                guard third & 0x03 == 0 else {
                    return unsafe nonCanonical(in: input, at: blockEnd + 2, value: third, unusedBitCount: 2, startOffset)
                }
                unsafe output[outputOffset] = first << 2 | second >> 4
                unsafe output[outputOffset + 1] = second << 4 | third >> 2
            default:
                break
            }
            return nil
        }
    }

    /// The error for the first byte outside the alphabet among `count` bytes from `start`, of which the caller has
    /// seen that at least one is outside it.
    @inline(never)
    private static func firstInvalidByte(
        in input: UnsafeRawBufferPointer,
        from start: Int,
        count: Int,
        startOffset: Int
    ) -> JWTError {
        // If none of the first count - 1 bytes is outside the alphabet, the last one is.
        var offset = start
        while offset < start + count - 1 {
            // In bounds: the caller passes a range within input.
            if unsafe Base64URLTables.decoding[Int(input[offset])] & Base64URLTables.invalid != 0 {
                break
            }
            offset += 1
        }
        let byte = unsafe input[offset]
        if byte == UInt8(ascii: "=") {
            return JWTError.base64URLPadding(at: startOffset + offset)
        }
        return JWTError.base64URLByteOutsideAlphabet(byte, at: startOffset + offset)
    }

    /// The error for a last character at `offset` whose low `unusedBitCount` bits are not zero.
    @inline(never)
    private static func nonCanonical(
        in input: UnsafeRawBufferPointer,
        at offset: Int,
        value: UInt8,
        unusedBitCount: Int,
        _ startOffset: Int
    ) -> JWTError {
        let usedBits = value & ~(1 << unusedBitCount - 1)
        return JWTError.base64URLNonCanonical(
            unsafe input[offset],
            canonical: Base64URLTables.alphabet[Int(usedBits)],
            unusedBitCount: unusedBitCount,
            at: startOffset + offset
        )
    }
}

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
    ///   - startOffset: The offset of `buffer`'s first byte in the caller's input. It is added to the offset of any
    ///     error (in ``JWTError/offset`` and in the reason), so that errors can point into a whole token. 0 by default.
    /// - Returns: The decoded bytes.
    /// - Throws: ``JWTError`` with code ``JWTError/Code/invalidBase64URL``, as ``Base64URL`` describes.
    static func decode(
        _ buffer: UnsafeRawBufferPointer,
        reportingOffsetsFrom startOffset: Int = 0
    ) throws(JWTError) -> [UInt8] {
        try finish(unsafe decodeResult(buffer), startOffset: startOffset)
    }

    /// The decoded bytes, or the error for the failure with its offsets moved by `startOffset`.
    static func finish(_ result: Result<[UInt8], DecodingFailure>, startOffset: Int = 0) throws(JWTError) -> [UInt8] {
        switch result {
        case .success(let bytes):
            return bytes
        case .failure(let failure):
            throw failure.error(startOffset: startOffset)
        }
    }

    /// The decoder behind every `decode` entry point.
    ///
    /// It returns its failure rather than throwing it because it runs inside `withUTF8` and
    /// `withContiguousStorageIfAvailable`, whose `rethrows` would widen a typed error to `any Error`.
    static func decodeResult(_ input: UnsafeRawBufferPointer) -> Result<[UInt8], DecodingFailure> {
        let count = input.count
        guard count > 0 else { return .success([]) }
        // A tail of 1 character yields no byte; that length is an error, reported once the bytes are checked.
        let outputCount = count / 4 * 3 + max(count % 4 - 1, 0)
        var failure: DecodingFailure?
        // Two bytes more than the output: the loops write whole 4- and 8-byte words, and the last word of a run may
        // reach up to 2 bytes past the last decoded byte, into this slack, which is never part of the result.
        let bytes = unsafe [UInt8](unsafeUninitializedCapacity: outputCount + 2) { buffer, initializedCount in
            failure = unsafe decode(input, into: UnsafeMutableRawBufferPointer(buffer))
            initializedCount = failure == nil ? outputCount : 0
        }
        if let failure {
            return .failure(failure)
        }
        return .success(bytes)
    }

    /// Decodes all of `input` into the start of `output`, which must hold `decodedLength(of: input.count) + 2` bytes
    /// (for a length 1 mod 4, the count of the whole blocks' bytes + 2).
    ///
    /// - Returns: `nil` on success, or the first problem in the text.
    private static func decode(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) -> DecodingFailure? {
        let count = input.count
        let blockEnd = count & ~3
        var inputOffset = 0
        var outputOffset = 0
        #if _endian(little)
        // 16 characters at a time while they last. A run with any byte outside the alphabet leaves the loop early,
        // and the block loop below goes over it again to find and name that byte.
        while inputOffset + 16 <= blockEnd {
            // In bounds: inputOffset + 16 <= blockEnd <= count. The 8-byte stores end at outputOffset + 14, and
            // outputOffset + 12 == 3 * (inputOffset + 16) / 4 <= the output count, 2 less than output.count.
            let characters = unsafe input.loadUnaligned(fromByteOffset: inputOffset, as: CharacterVector.self)
            let values = sextets(of: characters)
            guard allValid(values, characters: characters) else { break }
            let (first, second) = packed(values)
            unsafe output.storeBytes(of: first.bigEndian, toByteOffset: outputOffset, as: UInt64.self)
            unsafe output.storeBytes(of: second.bigEndian, toByteOffset: outputOffset + 6, as: UInt64.self)
            inputOffset += 16
            outputOffset += 12
        }
        #endif
        return unsafe Base64URLTables.decoding.withUnsafeBufferPointer { table in
            let invalid = Base64URLTables.invalid
            while inputOffset < blockEnd {
                // In bounds: inputOffset is a multiple of 4 below blockEnd, so inputOffset + 3 < blockEnd <= count.
                // outputOffset is 3 * (inputOffset / 4), so the 4-byte store ends at or before 3 * (blockEnd / 4) + 1,
                // within output.count. Every table index is a UInt8, below table.count == 256.
                let first = unsafe table[Int(input[inputOffset])]
                let second = unsafe table[Int(input[inputOffset + 1])]
                let third = unsafe table[Int(input[inputOffset + 2])]
                let fourth = unsafe table[Int(input[inputOffset + 3])]
                guard (first | second | third | fourth) & invalid == 0 else {
                    return unsafe firstInvalidByte(in: input, from: inputOffset, count: 4)
                }
                let value = UInt32(first) << 26 | UInt32(second) << 20 | UInt32(third) << 14 | UInt32(fourth) << 8
                unsafe output.storeBytes(of: value.bigEndian, toByteOffset: outputOffset, as: UInt32.self)
                inputOffset += 4
                outputOffset += 3
            }
            // In bounds below: the tail is the count - blockEnd characters at blockEnd..<count, and it writes
            // count - blockEnd - 1 bytes from outputOffset, the last bytes of the output count.
            switch count - blockEnd {
            case 1:
                guard unsafe table[Int(input[blockEnd])] & invalid == 0 else {
                    return unsafe firstInvalidByte(in: input, from: blockEnd, count: 1)
                }
                return .impossibleLength(length: count, offset: blockEnd)
            case 2:
                let first = unsafe table[Int(input[blockEnd])]
                let second = unsafe table[Int(input[blockEnd + 1])]
                guard (first | second) & invalid == 0 else {
                    return unsafe firstInvalidByte(in: input, from: blockEnd, count: 2)
                }
                // 12 bits make one byte: the low 4 bits of the second character are unused and must be zero.
                guard second & 0x0F == 0 else {
                    return unsafe nonCanonical(in: input, at: blockEnd + 1, value: second, unusedBitCount: 4)
                }
                unsafe output[outputOffset] = first << 2 | second >> 4
            case 3:
                let first = unsafe table[Int(input[blockEnd])]
                let second = unsafe table[Int(input[blockEnd + 1])]
                let third = unsafe table[Int(input[blockEnd + 2])]
                guard (first | second | third) & invalid == 0 else {
                    return unsafe firstInvalidByte(in: input, from: blockEnd, count: 3)
                }
                // 18 bits make two bytes: the low 2 bits of the third character are unused and must be zero.
                guard third & 0x03 == 0 else {
                    return unsafe nonCanonical(in: input, at: blockEnd + 2, value: third, unusedBitCount: 2)
                }
                unsafe output[outputOffset] = first << 2 | second >> 4
                unsafe output[outputOffset + 1] = second << 4 | third >> 2
            default:
                break
            }
            return nil
        }
    }

    /// The failure for the first byte outside the alphabet among the `count` bytes from `start`, of which the caller
    /// has seen that at least one is outside it.
    @inline(never)
    private static func firstInvalidByte(
        in input: UnsafeRawBufferPointer,
        from start: Int,
        count: Int
    ) -> DecodingFailure {
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
            return .padding(offset: offset)
        }
        return .outsideAlphabet(byte: byte, offset: offset)
    }

    /// The failure for a last character at `offset`, of 6-bit value `value`, whose low `unusedBitCount` bits are not
    /// all zero.
    @inline(never)
    private static func nonCanonical(
        in input: UnsafeRawBufferPointer,
        at offset: Int,
        value: UInt8,
        unusedBitCount: Int
    ) -> DecodingFailure {
        let usedBits = value & ~(1 << unusedBitCount - 1)
        return .nonCanonical(
            character: unsafe input[offset],
            canonical: Base64URLTables.alphabet[Int(usedBits)],
            unusedBitCount: unusedBitCount,
            offset: offset
        )
    }
}

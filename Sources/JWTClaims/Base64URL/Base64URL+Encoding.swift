extension Base64URL {
    /// The number of characters that `byteCount` bytes encode to, without padding.
    ///
    /// - Parameter byteCount: The number of bytes to encode: the count of a buffer in memory, so at most a small
    ///   fraction of `Int.max` and the result cannot overflow.
    /// - Returns: `4 * (byteCount / 3)` plus 2 or 3 for a final 1 or 2 bytes.
    static func encodedLength(of byteCount: Int) -> Int {
        let remainder = byteCount % 3
        return byteCount / 3 * 4 + (remainder == 0 ? 0 : remainder + 1)
    }

    /// Appends the Base64URL encoding of `buffer` to `output`, such as one segment of a token being assembled.
    ///
    /// - Parameters:
    ///   - buffer: The bytes to encode. They must not lie in `output`'s storage, which appending may move.
    ///   - output: The bytes to append the ASCII characters to.
    static func encode(_ buffer: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
        let start = output.count
        let length = encodedLength(of: buffer.count)
        output.append(contentsOf: repeatElement(0, count: length))
        unsafe output.withUnsafeMutableBytes { bytes in
            unsafe encode(buffer, into: UnsafeMutableRawBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// The encoding of `input` as a `String`, written straight into the string's storage.
    static func encodeToString(_ input: UnsafeRawBufferPointer) -> String {
        let length = encodedLength(of: input.count)
        return unsafe String(unsafeUninitializedCapacity: length) { buffer in
            unsafe encode(input, into: UnsafeMutableRawBufferPointer(buffer))
            return length
        }
    }

    /// The encoding of `input` as ASCII bytes.
    static func encodeToArray(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        let length = encodedLength(of: input.count)
        return unsafe [UInt8](unsafeUninitializedCapacity: length) { buffer, initializedCount in
            unsafe encode(input, into: UnsafeMutableRawBufferPointer(buffer))
            initializedCount = length
        }
    }

    /// Encodes all of `input` into the start of `output`, which must hold at least `encodedLength(of: input.count)`
    /// bytes.
    private static func encode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        unsafe Base64URLTables.encodingPairs.withUnsafeBufferPointer { pairs in
            let count = input.count
            let groupEnd = count - count % 3
            var inputOffset = 0
            var outputOffset = 0
            while inputOffset < groupEnd {
                // In bounds: inputOffset is a multiple of 3 below groupEnd, so inputOffset + 2 < groupEnd <= count;
                // outputOffset is 4 * (inputOffset / 3), so the store ends at or before 4 * (groupEnd / 3), within
                // encodedLength(of: count). Each pair index is a 12-bit value, below pairs.count == 4096.
                let group =
                    unsafe UInt32(input[inputOffset]) << 16 | UInt32(input[inputOffset + 1]) << 8
                    | UInt32(input[inputOffset + 2])
                let first = unsafe pairs[Int(group >> 12)]
                let second = unsafe pairs[Int(group & 0xFFF)]
                let characters = UInt32(first) | UInt32(second) << 16
                unsafe output.storeBytes(of: characters.littleEndian, toByteOffset: outputOffset, as: UInt32.self)
                inputOffset += 3
                outputOffset += 4
            }
            // In bounds below: 1 or 2 bytes remain at groupEnd..<count, and encodedLength(of: count) leaves room for
            // 2 or 3 characters at outputOffset. Alphabet indexes are 6-bit values, below alphabet.count == 64.
            let alphabet = Base64URLTables.alphabet
            switch count - groupEnd {
            case 1:
                let byte = unsafe input[groupEnd]
                unsafe output[outputOffset] = alphabet[Int(byte >> 2)]
                unsafe output[outputOffset + 1] = alphabet[Int(byte & 0x03) << 4]
            case 2:
                let high = unsafe input[groupEnd]
                let low = unsafe input[groupEnd + 1]
                unsafe output[outputOffset] = alphabet[Int(high >> 2)]
                unsafe output[outputOffset + 1] = alphabet[Int(high & 0x03) << 4 | Int(low >> 4)]
                unsafe output[outputOffset + 2] = alphabet[Int(low & 0x0F) << 2]
            default:
                break
            }
        }
    }
}

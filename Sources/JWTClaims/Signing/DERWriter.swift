/// Writes the few DER structures this library exports (X.690): SEQUENCEs of unsigned INTEGERs, an OCTET STRING and a
/// BIT STRING around them, into one buffer sized in advance, so that a secret's bytes are copied once, into the
/// result, and never into an intermediate array.
///
/// Sizes are computed first (``Node/byteCount``), then the bytes are appended; nothing can fail.
enum DERWriter {
    /// One DER element to write.
    indirect enum Node {
        /// `INTEGER` of an unsigned big-endian value (public bytes).
        case integer([UInt8])
        /// `INTEGER` of an unsigned big-endian secret value.
        case secretInteger(SecretBytes)
        /// `SEQUENCE` of the elements.
        case sequence([Node])
        /// `OCTET STRING` holding the element's encoding.
        case octetString(Node)
        /// `BIT STRING` (no unused bits) holding the element's encoding.
        case bitString(Node)
        /// Bytes written as they are (a fixed, already encoded element such as an AlgorithmIdentifier).
        case raw([UInt8])

        /// The bytes the element takes, header included.
        var byteCount: Int {
            if case .raw(let bytes) = self { return bytes.count }
            return DERWriter.headerByteCount(contentByteCount: contentByteCount) + contentByteCount
        }

        /// The bytes of the element's content.
        var contentByteCount: Int {
            switch self {
            case .integer(let value): DERWriter.integerContentByteCount(value)
            case .secretInteger(let value):
                (try? unsafe value.withUnsafeBytes { (bytes) throws(JWTError) in
                    unsafe DERWriter.integerContentByteCount(bytes)
                }) ?? 0
            case .sequence(let elements): elements.reduce(0) { $0 + $1.byteCount }
            case .octetString(let element): element.byteCount
            case .bitString(let element): 1 + element.byteCount
            case .raw(let bytes): bytes.count
            }
        }
    }

    /// The encoding of `node`, in one allocation.
    static func encode(_ node: Node) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(node.byteCount)
        append(node, to: &output)
        return output
    }

    private static func append(_ node: Node, to output: inout [UInt8]) {
        switch node {
        case .integer(let value):
            appendHeader(tag: 0x02, contentByteCount: node.contentByteCount, to: &output)
            appendUnsigned(value, to: &output)
        case .secretInteger(let value):
            appendHeader(tag: 0x02, contentByteCount: node.contentByteCount, to: &output)
            try? unsafe value.withUnsafeBytes { (bytes) throws(JWTError) in unsafe appendUnsigned(bytes, to: &output) }
        case .sequence(let elements):
            appendHeader(tag: 0x30, contentByteCount: node.contentByteCount, to: &output)
            for element in elements {
                append(element, to: &output)
            }
        case .octetString(let element):
            appendHeader(tag: 0x04, contentByteCount: node.contentByteCount, to: &output)
            append(element, to: &output)
        case .bitString(let element):
            appendHeader(tag: 0x03, contentByteCount: node.contentByteCount, to: &output)
            output.append(0x00)
            append(element, to: &output)
        case .raw(let bytes):
            output += bytes
        }
    }

    /// The bytes of a tag and a definite length for `contentByteCount` bytes of content.
    static func headerByteCount(contentByteCount: Int) -> Int {
        var count = 2
        var rest = contentByteCount
        if rest >= 0x80 {
            while rest > 0 {
                count += 1
                rest >>= 8
            }
        }
        return count
    }

    private static func appendHeader(tag: UInt8, contentByteCount: Int, to output: inout [UInt8]) {
        output.append(tag)
        guard contentByteCount >= 0x80 else {
            output.append(UInt8(contentByteCount))
            return
        }
        var lengthBytes: [UInt8] = []
        var rest = contentByteCount
        while rest > 0 {
            lengthBytes.insert(UInt8(truncatingIfNeeded: rest), at: 0)
            rest >>= 8
        }
        output.append(0x80 | UInt8(lengthBytes.count))
        output += lengthBytes
    }

    /// Content bytes of the unsigned big-endian `value` as an INTEGER: leading zeros dropped (one kept for zero),
    /// and a 0x00 byte when the top bit is set, so the integer stays positive (X.690 section 8.3).
    static func integerContentByteCount(_ value: some Collection<UInt8>) -> Int {
        // Counted without copying: the value may be secret.
        let significant = value.drop { $0 == 0 }
        guard let first = significant.first else { return 1 }
        return significant.count + (first & 0x80 != 0 ? 1 : 0)
    }

    private static func appendUnsigned(_ value: some Collection<UInt8>, to output: inout [UInt8]) {
        let significant = value.drop { $0 == 0 }
        guard let first = significant.first else {
            output.append(0)
            return
        }
        if first & 0x80 != 0 { output.append(0) }
        output += significant
    }
}

/// The one key block of a PEM text (RFC 7468): its label and the bytes of the block, armour included, ready for
/// OpenSSL's PEM decoder.
///
/// Strict: only whitespace may surround the block, `BEGIN` and `END` must name the same label, and there must be
/// exactly one block, except that an `EC PARAMETERS` block may come before an `EC PRIVATE KEY` block (that is what
/// `openssl ecparam -genkey` writes); the parameters block is then ignored, since the key names its curve itself.
struct PEMDocument {
    /// The label between `-----BEGIN ` and `-----`, such as `PUBLIC KEY`.
    let label: String
    /// The block's UTF-8 bytes from `-----BEGIN` to the end of its `-----END …-----` line.
    let block: [UInt8]

    private static let beginMarker = Array("-----BEGIN ".utf8)
    private static let endMarker = Array("-----END ".utf8)
    private static let dashes = Array("-----".utf8)

    /// Finds the key block in `text`.
    /// - Throws: ``JWTError/Code/invalidKey`` if the text is not a single well-formed PEM block.
    init(parsing text: String) throws(JWTError) {
        let bytes = Array(text.utf8)
        var blocks: [(label: String, range: Range<Int>)] = []
        var index = 0
        while true {
            index = Self.skipWhitespace(in: bytes, from: index)
            if index == bytes.count { break }
            guard Self.matches(Self.beginMarker, in: bytes, at: index) else {
                throw .invalidKey(
                    blocks.isEmpty
                        ? "the text is not PEM: it must start with \"-----BEGIN \" (offset \(index))"
                        : "the PEM text has something other than whitespace after its END line (offset \(index))"
                )
            }
            let start = index
            let labelStart = index + Self.beginMarker.count
            guard let labelEnd = Self.find(Self.dashes, in: bytes, from: labelStart) else {
                throw .invalidKey("the PEM BEGIN line has no closing \"-----\"")
            }
            guard bytes[labelStart..<labelEnd].allSatisfy({ (0x20...0x7E).contains($0) }) else {
                throw .invalidKey("the PEM BEGIN line's label is not printable ASCII on one line")
            }
            let label = String(decoding: bytes[labelStart..<labelEnd], as: UTF8.self)
            let endLine = Self.endMarker + Array(label.utf8) + Self.dashes
            guard let endStart = Self.find(endLine, in: bytes, from: labelEnd + Self.dashes.count) else {
                throw .invalidKey(
                    "the PEM block \(JWTError.quoted(label)) has no matching "
                        + "\(JWTError.quoted("-----END \(label)-----")) line"
                )
            }
            index = endStart + endLine.count
            blocks.append((label, start..<index))
        }
        let chosen: (label: String, range: Range<Int>)
        switch blocks.count {
        case 1:
            chosen = blocks[0]
        case 2 where blocks[0].label == "EC PARAMETERS" && blocks[1].label == "EC PRIVATE KEY":
            chosen = blocks[1]
        case 0:
            throw .invalidKey("the text is empty: no PEM block")
        default:
            throw .invalidKey(
                "the PEM text holds \(blocks.count) blocks (\(JWTError.quotedList(blocks.map(\.label)))); "
                    + "give exactly one key"
            )
        }
        label = chosen.label
        block = Array(bytes[chosen.range])
        if Self.find(Array("ENCRYPTED".utf8), in: block, from: 0) != nil {
            throw .unsupportedKey("encrypted PEM keys are not supported; decrypt the key first")
        }
    }

    /// The error for a PEM block whose label is not the one this import wants.
    ///
    /// - Parameters:
    ///   - label: the block's label.
    ///   - expected: the labels the import takes, for the message (`"\"PUBLIC KEY\""`).
    ///   - importer: the namespace importing, for the message (`"ES256"`).
    ///   - requirement: what the import needs, for the message (`"ES256 needs an EC P-256 key"`).
    ///   - familyLabels: the type-specific labels of the importer's own key type (`EC PRIVATE KEY`, or
    ///     `RSA PRIVATE KEY` and `RSA PUBLIC KEY`): such a block is the right kind of key in the wrong role.
    /// - Returns: ``JWTError/Code/invalidKey`` for a private key where a public one is wanted or the other way
    ///   round; ``JWTError/Code/unsupportedKey`` for another key type, a certificate or an unknown label.
    static func wrongLabelError(
        _ label: String,
        expected: String,
        importer: String,
        requirement: String,
        familyLabels: Set<String> = []
    ) -> JWTError {
        let isPrivateLabel = label == "PRIVATE KEY" || label.hasSuffix(" PRIVATE KEY")
        let isOwnKind = label == "PRIVATE KEY" || label == "PUBLIC KEY" || familyLabels.contains(label)
        if isOwnKind {
            return isPrivateLabel
                ? .invalidKey(
                    "the PEM block is a private key (\(label)); import it as \(importer).PrivateKey and use its publicKey"
                )
                : .invalidKey("the PEM block is a public key (\(label)), not a private key")
        }
        switch label {
        case "RSA PRIVATE KEY", "RSA PUBLIC KEY":
            return .unsupportedKey("the PEM block is an RSA key (\(label)); \(requirement)")
        case "EC PRIVATE KEY":
            return .unsupportedKey("the PEM block is an EC key (\(label)); \(requirement)")
        case "CERTIFICATE":
            return .unsupportedKey("the PEM block is a certificate; import its public key (\"PUBLIC KEY\") instead")
        default:
            return .unsupportedKey("the PEM block is labelled \(JWTError.quoted(label)); expected \(expected)")
        }
    }

    private static func skipWhitespace(in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
            index += 1
        }
        return index
    }

    private static func matches(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        index + pattern.count <= bytes.count && bytes[index..<index + pattern.count].elementsEqual(pattern)
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if matches(pattern, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}

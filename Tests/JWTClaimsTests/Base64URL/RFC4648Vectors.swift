import Testing

/// The Base64 vectors of `Resources/rfc/rfc4648-base64.json` (RFC 4648 sections 9 and 10, RFC 7515 appendix C and
/// cases constructed for base64url; see `Resources/rfc/README.md`).
enum RFC4648Vectors {
    /// A byte string and its encoding, as the file gives them.
    struct Valid: Sendable, CustomTestStringConvertible {
        let bytes: [UInt8]
        let base64URL: String
        let source: String
        var testDescription: String { "\"\(base64URL.prefix(24))\" (\(bytes.count) bytes; \(source.prefix(40)))" }
    }

    /// A text a strict decoder must reject, with the file's reason and level (`required` or `strict`).
    struct Invalid: Sendable, CustomTestStringConvertible {
        let text: String
        let reason: String
        let level: String
        let lenientBytes: [UInt8]?
        var testDescription: String { "\(text.debugDescription) (\(level): \(reason))" }
    }

    /// An RFC 4648 section 10 BASE64 vector: ASCII input and padded output.
    struct Section10: Sendable, CustomTestStringConvertible {
        let input: String
        let output: String
        var testDescription: String { "BASE64(\"\(input)\") = \"\(output)\"" }
    }

    /// An RFC 4648 section 9 example in the standard alphabet.
    struct Section9: Sendable, CustomTestStringConvertible {
        let bytes: [UInt8]
        let output: String
        var testDescription: String { "\"\(output)\"" }
    }

    static let path = "rfc/rfc4648-base64.json"

    static func valid() throws -> [Valid] {
        try file().base64urlValid.map { entry in
            Valid(bytes: try #require([UInt8](hex: entry.bytesHex)), base64URL: entry.base64url, source: entry.source)
        }
    }

    static func invalid() throws -> [Invalid] {
        try file().base64urlInvalid.map { entry in
            let lenient = try entry.lenientDecodeHex.map { try #require([UInt8](hex: $0)) }
            return Invalid(text: entry.input, reason: entry.reason, level: entry.level, lenientBytes: lenient)
        }
    }

    static func section10() throws -> [Section10] {
        try file().rfc4648Section10.base64.map { Section10(input: $0.input, output: $0.output) }
    }

    static func section9() throws -> [Section9] {
        try file().rfc4648Section9ExamplesBase64.map { entry in
            Section9(bytes: try #require([UInt8](hex: entry.inputHex)), output: entry.output)
        }
    }

    private static func file() throws -> File {
        try Vectors.decode(File.self, from: path)
    }

    /// The parts of the file the tests read, spelled as the file spells them.
    private struct File: Decodable {
        struct Pair: Decodable {
            let input: String
            let output: String
        }
        struct Section10Groups: Decodable {
            let base64: [Pair]
            enum CodingKeys: String, CodingKey {
                case base64 = "BASE64"
            }
        }
        struct Example: Decodable {
            let inputHex: String
            let output: String
        }
        struct ValidEntry: Decodable {
            let bytesHex: String
            let base64url: String
            let source: String
        }
        struct InvalidEntry: Decodable {
            let input: String
            let reason: String
            let level: String
            let lenientDecodeHex: String?
        }

        let rfc4648Section10: Section10Groups
        let rfc4648Section9ExamplesBase64: [Example]
        let base64urlValid: [ValidEntry]
        let base64urlInvalid: [InvalidEntry]

        enum CodingKeys: String, CodingKey {
            case rfc4648Section10 = "rfc4648_section10"
            case rfc4648Section9ExamplesBase64 = "rfc4648_section9_examples_base64"
            case base64urlValid = "base64url_valid"
            case base64urlInvalid = "base64url_invalid"
        }
    }
}

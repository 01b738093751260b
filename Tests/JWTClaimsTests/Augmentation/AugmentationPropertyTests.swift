import JWTClaims
import Testing

/// For random original claim sets and random attributes that name no existing or protected claim, the augmented
/// token decodes to exactly the originals followed by the attributes, byte for byte.
@Suite("Augmentation property")
struct AugmentationPropertyTests {
    struct Seed: CustomTestStringConvertible, Sendable {
        let value: UInt64
        var testDescription: String { "seed \(value)" }
    }

    @Test("decode(augment(t, a)) == claims(t) followed by a", arguments: (1...40).map { Seed(value: UInt64($0)) })
    func originalsThenAttributes(_ seed: Seed) throws {
        var random = SplitMix64(seed: seed.value)
        let key = try ClaimsAugmenterTests.issuer.get()
        let augmenter = ClaimsAugmenter(verifier: JWTVerifier(key: key.publicKey), signer: JWTSigner(key: key))
        for _ in 0..<5 {
            var originals = JSONObject()
            for index in 0..<Int.random(in: 0...12, using: &random) {
                originals["o\(index)_\(RandomJSON.name(using: &random))"] = RandomJSON.value(depth: 3, using: &random)
            }
            var attributes = JSONObject()
            for index in 0..<Int.random(in: 0...6, using: &random) {
                // Attribute names must pass the policy's name rules (no control characters); original names need not.
                attributes["a\(index)_\(RandomJSON.attributeName(using: &random))"] = RandomJSON.value(
                    depth: 3,
                    using: &random
                )
            }
            let token = try JWTSigner(key: key).sign(ClaimSet(originals))
            let result = try augmenter.augment(token, with: attributes, now: NumericDate(secondsSince1970: 0))
            var expected = originals
            for (name, value) in attributes { try expected.append(name: name, value: value) }
            let decoded = try UnverifiedJWT(decoding: result.token).claims
            #expect(decoded.object == expected)
            #expect(decoded.serialized() == expected.serialized())
            #expect(result.report.added == attributes.names)
        }
    }
}

/// Random JSON values covering the shapes that lossy libraries break: big and negative integers, fractions and
/// exponents in several spellings, unicode (including non-BMP and control characters), nesting, empty containers.
enum RandomJSON {
    static let numberTexts = [
        "0", "-0", "1", "-1", "125", "1599181203", "9223372036854775807", "-9223372036854775808",
        "18446744073709551615", "123456789012345678901234567890", "1.5", "1.5e3", "1.5E+3", "15e2", "-0.0",
        "6.02214076e23", "1e-7", "0.1",
    ]
    static let strings = ["", "admin", "é", "日本語", "😀", "a\"b\\c", "line\nbreak", "\u{0}", "\u{7F}", "x/y"]

    static func name(using random: inout SplitMix64) -> String {
        strings.randomElement(using: &random) ?? "x"
    }

    static func attributeName(using random: inout SplitMix64) -> String {
        strings.filter { !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }.randomElement(
            using: &random
        )
            ?? "x"
    }

    static func value(depth: Int, using random: inout SplitMix64) -> JSONValue {
        let choice = Int.random(in: 0..<(depth > 0 ? 7 : 5), using: &random)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2, 3:
            let text = numberTexts.randomElement(using: &random) ?? "0"
            return JSONNumber(text).map { .number($0) } ?? .null
        case 4: return .string(strings.randomElement(using: &random) ?? "")
        case 5:
            return .array(
                (0..<Int.random(in: 0...3, using: &random)).map { _ in value(depth: depth - 1, using: &random) }
            )
        default:
            var object = JSONObject()
            for index in 0..<Int.random(in: 0...3, using: &random) {
                object["k\(index)\(name(using: &random))"] = value(depth: depth - 1, using: &random)
            }
            return .object(object)
        }
    }
}

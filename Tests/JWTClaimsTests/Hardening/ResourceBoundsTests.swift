import JWTClaims
import Testing

/// Hostile sizes, each refused early with `limitExceeded` (`attributesTooLarge` or `tokenTooLarge` for the
/// augmentation policy's own limits) and a reason that names the limit, and each limit shown to be the knob: raising
/// it lets the same input through (to the next check, or all the way). The "admitted" halves are the complexity
/// checks: they must finish, which a quadratic path at these sizes would not do in a test run.
@Suite("Resource bounds")
struct ResourceBoundsTests {
    static let now = NumericDate(secondsSince1970: 1_700_000_000)

    // MARK: - Tokens

    @Test("a 1 MiB token is refused by its size before it is copied or decoded")
    func oneMebibyteToken() throws {
        let key = try ES256.PrivateKey()
        let token = try Self.token(payloadBytes: 1 << 20, key: key)
        #expect(token.utf8.count > 1 << 20)

        let verifyError = #expect(throws: JWTError.self) {
            _ = try JWTVerifier(key: key.publicKey).verify(token, now: Self.now)
        }
        #expect(verifyError?.code == .limitExceeded)
        #expect(verifyError?.reason.contains("16384") == true)
        let decodeError = #expect(throws: JWTError.self) { _ = try UnverifiedJWT(decoding: token) }
        #expect(decodeError?.code == .limitExceeded)

        // The knob: with room for the token, its 768 KiB claim meets the JSON string limit next, and with that
        // raised too the token verifies.
        var options = JWTValidationOptions()
        options.limits.maximumTokenSize = 2 << 20
        let jsonError = #expect(throws: JWTError.self) {
            _ = try JWTVerifier(key: key.publicKey, options: options).verify(token, now: Self.now)
        }
        #expect(jsonError?.code == .limitExceeded)
        #expect(jsonError?.reason.contains("65536") == true)
        options.limits.json.maximumStringLength = 1 << 20
        let verified = try JWTVerifier(key: key.publicKey, options: options).verify(token, now: Self.now)
        #expect(verified.claims["blob"]?.stringValue?.utf8.count == (1 << 20) / 4 * 3)
    }

    @Test("a token of a million dots is refused by its size, not scanned")
    func millionDots() {
        let token = String(repeating: ".", count: 1_000_000)
        let error = #expect(throws: JWTError.self) { _ = try UnverifiedJWT(decoding: token) }
        #expect(error?.code == .limitExceeded)
        var limits = JWTLimits()
        limits.maximumTokenSize = 2_000_000
        let shape = #expect(throws: JWTError.self) { _ = try UnverifiedJWT(decoding: token, limits: limits) }
        #expect(shape?.code == .malformedToken)
        #expect(shape?.offset == 2)
    }

    // MARK: - JSON

    @Test("JSON nested 100 000 deep is refused at the first bracket past the depth limit")
    func deepNesting() throws {
        let arrays = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = #expect(throws: JWTError.self) { _ = try JSONValue(parsing: arrays) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.offset == 32)
        #expect(error?.reason.contains("32") == true)

        let objects = String(repeating: #"{"a":"#, count: 100_000) + "0" + String(repeating: "}", count: 100_000)
        let objectError = #expect(throws: JWTError.self) { _ = try JSONValue(parsing: objects) }
        #expect(objectError?.code == .limitExceeded)
        #expect(objectError?.offset == 32 * 5)

        // Configurable, and capped: no setting lets nesting exhaust the stack of code that recurses on values.
        var options = JSONParsingOptions()
        options.maximumDepth = 100
        let configured = #expect(throws: JWTError.self) { _ = try JSONValue(parsing: arrays, options: options) }
        #expect(configured?.offset == 100)
        options.maximumDepth = .max
        let capped = #expect(throws: JWTError.self) { _ = try JSONValue(parsing: arrays, options: options) }
        #expect(capped?.offset == JSONParsingOptions.maximumSupportedDepth)
        let deepest =
            String(repeating: "[", count: JSONParsingOptions.maximumSupportedDepth)
            + String(repeating: "]", count: JSONParsingOptions.maximumSupportedDepth)
        let value = try JSONValue(parsing: deepest, options: options)
        #expect(value.serialized() == deepest)
        #expect(value == (try JSONValue(parsing: deepest, options: options)))
    }

    @Test("a 1 MB number literal is refused at the number length limit")
    func megabyteNumber() throws {
        let digits = String(repeating: "7", count: 1_000_000)
        for text in [digits, "[" + digits + "]", #"{"exp":"# + digits + "}", "0." + digits, "1e" + digits] {
            let error = #expect(throws: JWTError.self) { _ = try JSONValue(parsing: text) }
            #expect(error?.code == .limitExceeded)
            #expect(error?.reason.contains("256") == true)
        }

        // Admitted, the number keeps its text and its conversions answer without overflowing or looping.
        var options = JSONParsingOptions()
        options.maximumNumberLength = 2_000_000
        let number = try #require(try JSONValue(parsing: digits, options: options).numberValue)
        #expect(number.text.utf8.count == 1_000_000)
        #expect(number.int64Value == nil)
        #expect(number.uint64Value == nil)
        #expect(number.doubleValue == nil)
        #expect(number.hasSameValue(as: try #require(JSONNumber(digits + ".000"))))
        let exponent = try #require(try JSONValue(parsing: "1e" + digits, options: options).numberValue)
        #expect(exponent.int64Value == nil)
        #expect(!exponent.hasSameValue(as: number))
        #expect(throws: JWTError.self) { _ = try NumericDate(number) }
    }

    @Test("a string of a million escapes is refused by the input or the string length limit")
    func millionEscapes() throws {
        let million = "\"" + String(repeating: #"\n"#, count: 1_000_000) + "\""
        let tooLarge = #expect(throws: JWTError.self) { _ = try JSONValue(parsing: million) }
        #expect(tooLarge?.code == .limitExceeded)
        #expect(tooLarge?.offset == 1 << 20)

        // Half a million fit the input limit, but unescape to more than the string limit.
        let half = "\"" + String(repeating: #"\u0041"#, count: 170_000) + "\""
        let tooLong = #expect(throws: JWTError.self) { _ = try JSONValue(parsing: half) }
        #expect(tooLong?.code == .limitExceeded)
        #expect(tooLong?.reason.contains("65536") == true)

        var options = JSONParsingOptions()
        options.maximumInputSize = 4 << 20
        options.maximumStringLength = 2 << 20
        let value = try JSONValue(parsing: million, options: options)
        #expect(value.stringValue?.utf8.count == 1_000_000)
        #expect(value.serialized() == million)
    }

    @Test("an object of 100 000 members parses in linear time; one member more is refused")
    func hundredThousandMembers() throws {
        let names = Self.distinctNames(count: 100_001)
        let tooMany = Self.object(names)
        #expect(tooMany.utf8.count < 1 << 20)
        let error = #expect(throws: JWTError.self) { _ = try JSONObject(parsing: tooMany) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.reason.contains("100000") == true)

        let object = try JSONObject(parsing: Self.object(Array(names.dropLast())))
        #expect(object.count == 100_000)
        #expect(object.names == Array(names.dropLast()))
        #expect(object[names[99_999]] == 0)
        #expect(object.serialized() == Self.object(Array(names.dropLast())))

        // A duplicate after 99 999 distinct names is still found, at its own offset.
        let duplicated = Self.object(Array(names.prefix(99_999)) + [names[0]])
        let duplicate = #expect(throws: JWTError.self) { _ = try JSONObject(parsing: duplicated) }
        #expect(duplicate?.code == .duplicateMember)
        #expect(duplicate?.offset == duplicated.utf8.count - 1 - #""aaa":0"#.utf8.count)

        var options = JSONParsingOptions()
        options.maximumContainerCount = 10
        let configured = #expect(throws: JWTError.self) {
            _ = try JSONObject(parsing: Self.object(Array(names.prefix(11))), options: options)
        }
        #expect(configured?.code == .limitExceeded)
    }

    @Test("an array of a million elements is refused at the element limit")
    func millionElements() throws {
        let text = "[" + Array(repeating: "0", count: 500_000).joined(separator: ",") + "]"
        let error = #expect(throws: JWTError.self) { _ = try JSONValue(parsing: text) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.reason.contains("100000 elements") == true)
        var options = JSONParsingOptions()
        options.maximumContainerCount = 500_000
        #expect(try JSONValue(parsing: text, options: options).arrayValue?.count == 500_000)
    }

    // MARK: - Keys

    @Test("a JWK Set of 10 000 keys is refused before any key is imported")
    func tenThousandKeys() throws {
        let placeholder = #"{"kty":"EC"}"#
        let text = #"{"keys":["# + Array(repeating: placeholder, count: 10_000).joined(separator: ",") + "]}"
        let error = #expect(throws: JWTError.self) { _ = try JWKSet(parsing: text) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.reason.contains("10000 keys") == true)
        #expect(error?.reason.contains("\(JWKSet.defaultMaximumKeyCount)") == true)

        // Real keys: 10 000 of them do not even fit the JSON input limit.
        let real = JSONValue.object(try ES256.PrivateKey().publicKey.jwk).serialized()
        let large = #"{"keys":["# + Array(repeating: real, count: 10_000).joined(separator: ",") + "]}"
        let sizeError = #expect(throws: JWTError.self) { _ = try JWKSet(parsing: large) }
        #expect(sizeError?.code == .limitExceeded)

        // Configurable: admitted, every placeholder is skipped with a reason, none imported.
        let set = try JWKSet(parsing: text, maximumKeyCount: 10_000)
        #expect(set.entries.isEmpty)
        #expect(set.skipped.count == 10_000)
    }

    @Test("a PEM document of a megabyte is refused without reaching OpenSSL")
    func megabytePEM() {
        let body = String(repeating: "QUFB", count: 262_144)
        let pem = "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n"
        let error = #expect(throws: JWTError.self) { _ = try ES256.PublicKey(pemRepresentation: pem) }
        #expect(error?.code == .invalidKey || error?.code == .limitExceeded)
        let der = [UInt8](repeating: 0x30, count: 1 << 20)
        let derError = #expect(throws: JWTError.self) { _ = try ES256.PublicKey(derRepresentation: der) }
        #expect(derError?.code == .invalidKey || derError?.code == .limitExceeded)
    }

    // MARK: - Augmentation

    @Test("hostile custom attributes are refused before the token is verified")
    func hostileAttributes() throws {
        let key = try ES256.PrivateKey()
        let augmenter = ClaimsAugmenter(verifier: JWTVerifier(key: key.publicKey), signer: JWTSigner(key: key))
        // The token is not even a token: the refusals below come first, so no cryptography runs for them.
        let notAToken = "not a token"
        let hostile: [(String, String)] = [
            ("1 MiB of attributes", #"{"blob":""# + String(repeating: "x", count: 1 << 20) + #""}"#),
            ("100 000 deep", #"{"deep":"# + String(repeating: "[", count: 100_000) + "}"),
            ("100 000 members", Self.object(Self.distinctNames(count: 100_000))),
            ("a 1 MB number", #"{"n":"# + String(repeating: "9", count: 1_000_000) + "}"),
        ]
        for (name, attributes) in hostile {
            let error = #expect(throws: JWTError.self, "\(name)") {
                _ = try augmenter.augment(notAToken, withJSON: Array(attributes.utf8), now: Self.now)
            }
            #expect(error?.code == .attributesTooLarge, "\(name)")
        }
        // Already parsed attributes are measured as compact JSON.
        let blob: JSONObject = ["blob": .string(String(repeating: "x", count: 1 << 20))]
        let parsed = #expect(throws: JWTError.self) { _ = try augmenter.augment(notAToken, with: blob, now: Self.now) }
        #expect(parsed?.code == .attributesTooLarge)
        #expect(parsed?.reason.contains("4096") == true)
    }

    @Test("the augmented token's size limit is exact: predicted from the signing input, before signing")
    func augmentedTokenSizeIsExact() throws {
        let key = try ES256.PrivateKey()
        let token = try JWTSigner(key: key).sign(["sub": "alice", "exp": 1_700_003_600])
        var policy = AugmentationPolicy()
        policy.maximumTokenSize = .max
        let attributes: JSONObject = ["role": "admin", "blob": .string(String(repeating: "x", count: 1000))]
        func augment(limit: Int) throws -> AugmentedToken {
            policy.maximumTokenSize = limit
            let augmenter = ClaimsAugmenter(
                verifier: JWTVerifier(key: key.publicKey),
                signer: JWTSigner(key: key),
                policy: policy
            )
            return try augmenter.augment(token, with: attributes, now: Self.now)
        }
        let size = try augment(limit: .max).token.utf8.count
        #expect(try augment(limit: size).token.utf8.count == size)
        let error = #expect(throws: JWTError.self) { _ = try augment(limit: size - 1) }
        #expect(error?.code == .tokenTooLarge)
        #expect(error?.reason.contains("\(size) bytes") == true)
    }

    // MARK: - Helpers

    /// A token signed by `key` whose payload is `{"blob":"xxx…"}`, Base64URL-encoded to about `payloadBytes`.
    static func token(payloadBytes: Int, key: ES256.PrivateKey) throws -> String {
        let blob = String(repeating: "x", count: payloadBytes / 4 * 3)
        return try JWTSigner(key: key).sign(["blob": .string(blob)])
    }

    /// `count` distinct three-letter names (`aaa`, `aab`, …), the shortest that make 100 000 members fit 1 MiB.
    static func distinctNames(count: Int) -> [String] {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".unicodeScalars)
        var names: [String] = []
        names.reserveCapacity(count)
        outer: for first in letters {
            for second in letters {
                for third in letters {
                    guard names.count < count else { break outer }
                    var name = String.UnicodeScalarView()
                    name.append(contentsOf: [first, second, third])
                    names.append(String(name))
                }
            }
        }
        return names
    }

    /// `{"aaa":0,"aab":0,…}` for the given names: 8 bytes a member.
    static func object(_ names: [String]) -> String {
        "{" + names.map { #""\#($0)":0"# }.joined(separator: ",") + "}"
    }
}

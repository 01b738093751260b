import JWTClaims
import Testing

/// ``AugmentationPolicy/check(_:)``: every rule that needs no token, callable before a token is at hand.
@Suite("AugmentationPolicy attribute check")
struct AugmentationPolicyAttributeCheckTests {
    /// Attributes and the code the default policy refuses them with (nil: accepted).
    struct Vector: CustomTestStringConvertible, Sendable {
        let name: String
        let attributes: JSONObject
        let code: JWTError.Code?
        var testDescription: String { name }
    }

    static let deep: JSONValue = (0..<16).reduce(1) { value, _ in .array([value]) }

    @Test(
        "refuses what the policy forbids, with the code for each rule",
        arguments: [
            Vector(name: "plain attributes", attributes: ["role": "admin", "user_id": 125], code: nil),
            Vector(name: "a protected name", attributes: ["sub": "x"], code: .protectedClaim),
            Vector(name: "an empty name", attributes: ["": 1], code: .invalidClaimName),
            Vector(name: "a control character", attributes: ["a\u{7F}": 1], code: .invalidClaimName),
            Vector(
                name: "a 257-byte name",
                attributes: [.init(String(repeating: "n", count: 257)): 1],
                code: .invalidClaimName
            ),
            Vector(name: "17 levels", attributes: ["deep": deep], code: .attributesTooLarge),
            Vector(
                name: "4097 bytes",
                attributes: ["b": .string(String(repeating: "x", count: 4089))],
                code: .attributesTooLarge
            ),
            Vector(name: "4096 bytes", attributes: ["b": .string(String(repeating: "x", count: 4088))], code: nil),
        ]
    )
    func refuses(_ vector: Vector) {
        let policy = AugmentationPolicy()
        guard let code = vector.code else {
            #expect(throws: Never.self) { try policy.check(vector.attributes) }
            return
        }
        let error = #expect(throws: JWTError.self) { try policy.check(vector.attributes) }
        #expect(error?.code == code)
    }

    @Test("an ignored protected name passes the check; the augmenter reports it")
    func ignoredProtectedName() throws {
        var policy = AugmentationPolicy()
        policy.onProtectedClaim = .ignore
        try policy.check(["exp": 1, "role": "admin"])
        policy.protectedClaims.insert("role")
        policy.onProtectedClaim = .reject
        let error = #expect(throws: JWTError.self) { try policy.check(["exp": 1, "role": "admin"]) }
        #expect(error?.code == .protectedClaim)
        #expect(error?.reason.hasSuffix(#"claims "exp", "role""#) == true, "\(error?.reason ?? "")")
    }

    @Test("checks names first, then depth, then size, then protected names")
    func order() {
        let everything: JSONObject = ["": 1, "exp": 2, "blob": .string(String(repeating: "x", count: 5000))]
        let error = #expect(throws: JWTError.self) { try AugmentationPolicy().check(everything) }
        #expect(error?.code == .invalidClaimName)
        let sizeAndProtected: JSONObject = ["exp": 2, "blob": .string(String(repeating: "x", count: 5000))]
        let sizeError = #expect(throws: JWTError.self) { try AugmentationPolicy().check(sizeAndProtected) }
        #expect(sizeError?.code == .attributesTooLarge)
    }

    @Test(
        "hostile names cannot forge log lines or bloat the reason",
        .bug(id: 11, "ClaimsAugmenter listed hostile names without a length cap")
    )
    func hostileNames() {
        let names = (0..<200).map { "\($0)\n2026-01-01 INFO forged\u{1B}[31m" + String(repeating: "x", count: 100_000) }
        var attributes = JSONObject()
        for name in names { attributes[name] = 1 }
        var policy = AugmentationPolicy()
        policy.maximumClaimNameLength = 10
        let error = #expect(throws: JWTError.self) { try policy.check(attributes) }
        #expect(error?.code == .invalidClaimName)
        let reason = error?.reason ?? ""
        #expect(!reason.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(reason.contains(#"\u001B[31m"#))
        #expect(reason.contains("(200 names)"))
        #expect(reason.utf8.count < 2000, "\(reason.utf8.count) bytes")
    }
}

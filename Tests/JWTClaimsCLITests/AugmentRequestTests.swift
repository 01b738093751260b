import JWTClaims
import JWTClaimsWireFormat
import Testing

@testable import jwt_claims

@Suite("AugmentRequest")
struct AugmentRequestTests {
    private static func augmenter(_ policy: AugmentationPolicy = AugmentationPolicy()) throws -> ClaimsAugmenter {
        let key = try Fixtures.key()
        return ClaimsAugmenter(
            verifier: JWTVerifier(key: key.publicKey),
            signer: JWTSigner(key: key, keyID: "new"),
            policy: policy
        )
    }

    private static let now = NumericDate(secondsSince1970: 1_599_180_000)

    /// Attributes the policy refuses before any token is seen, and a fragment of the message.
    struct Refused: CustomTestStringConvertible, Sendable {
        let attributes: String
        let message: String
        var testDescription: String { attributes }
    }

    @Test(
        "attributes the policy refuses are bad input, named by where they came from, all names at once",
        arguments: [
            Refused(attributes: #"{"sub":"x","role":"a","iss":"y","exp":1}"#, message: #""sub", "iss", "exp""#),
            Refused(attributes: "[1]", message: "must be a JSON object"),
            Refused(attributes: #"{"a":1,}"#, message: "offset"),
            Refused(attributes: #"{"a":1,"a":2}"#, message: "\"a\""),
            Refused(attributes: #"{"":1}"#, message: "invalid claim name"),
            Refused(attributes: "{\"big\":\"\(String(repeating: "x", count: 5000))\"}", message: "4096"),
        ]
    )
    func refusedAttributes(_ refused: Refused) throws {
        let error = #expect(throws: CLIError.self) {
            _ = try AugmentRequest(
                augmenter: Self.augmenter(),
                attributesText: Array(refused.attributes.utf8),
                label: "--claims",
                now: Self.now
            )
        }
        #expect(error?.status == .badInput)
        #expect(error?.message.hasPrefix("--claims: ") == true)
        #expect(error?.message.contains(refused.message) == true, "\(error?.message ?? "")")
    }

    @Test("augments a token into the reference response body, keeping the original typ and using the signer's kid")
    func augments() throws {
        let request = try AugmentRequest(
            augmenter: Self.augmenter(),
            attributesText: Array(#"{"role":"admin"}"#.utf8),
            label: "--claims",
            now: Self.now
        )
        let original = try JWTSigner(key: Fixtures.key(), keyID: "old").sign(
            ClaimSet(parsing: Fixtures.claims),
            type: "at+jwt"
        )
        let body = try CustomClaimsResponse(parsing: Array(request.augment(original).utf8))
        let decoded = try UnverifiedJWT(decoding: body.token)
        #expect(decoded.header.members.serialized() == #"{"alg":"ES256","typ":"at+jwt","kid":"new"}"#)
        var expected = try ClaimSet(parsing: Fixtures.claims)
        expected["role"] = "admin"
        #expect(decoded.claims == expected)
    }

    @Test("a refused token is status 1; an existing claim under 'reject' and a too-large result are status 2")
    func statuses() throws {
        let token = try Fixtures.token()
        let expired = try AugmentRequest(
            augmenter: Self.augmenter(),
            attributesText: Array(#"{"role":"admin"}"#.utf8),
            label: "--claims",
            now: NumericDate(secondsSince1970: 1_599_181_203)
        )
        let expiredError = #expect(throws: CLIError.self) { _ = try expired.augment(token) }
        #expect(expiredError?.status == .rejected)

        let conflicting = try AugmentRequest(
            augmenter: Self.augmenter(AugmentationPolicy(onExistingClaim: .reject)),
            attributesText: Array(#"{"big":1,"f":2}"#.utf8),
            label: "--claims",
            now: Self.now
        )
        let conflict = #expect(throws: CLIError.self) { _ = try conflicting.augment(token) }
        #expect(conflict?.status == .badInput)
        #expect(conflict?.message.contains(#""big", "f""#) == true, "\(conflict?.message ?? "")")

        let small = try AugmentRequest(
            augmenter: Self.augmenter(AugmentationPolicy(maximumTokenSize: 200)),
            attributesText: Array(#"{"role":"admin"}"#.utf8),
            label: "--claims",
            now: Self.now
        )
        let oversized = #expect(throws: CLIError.self) { _ = try small.augment(token) }
        #expect(oversized?.status == .badInput)
        let bigToken = try Fixtures.token(claims: #"{"pad":"\#(String(repeating: "p", count: 17000))"}"#)
        let tokenTooLarge = #expect(throws: CLIError.self) { _ = try small.augment(bigToken) }
        #expect(tokenTooLarge?.status == .rejected)
    }
}

import HTTPTypes
import Hummingbird
import HummingbirdAuth
import HummingbirdTesting
import JWTClaims
import JWTClaimsWireFormat
import NIOCore
import Testing

@testable import JWTClaimsHummingbird

/// The bearer-token middleware on a user's own router.
@Suite("BearerTokenAuthenticator")
struct BearerTokenAuthenticatorTests {
    typealias Context = BasicAuthRequestContext<VerifiedJWT>

    struct Setup {
        let key: ES256.PrivateKey
        let signer: JWTSigner
        let application: Application<RouterResponder<Context>>
        static let now = NumericDate(secondsSince1970: 1_700_000_000)

        init(overwrites: Bool = false) throws {
            key = try ES256.PrivateKey()
            signer = JWTSigner(key: key, keyID: "k1")
            let verifier = JWTVerifier(
                keySet: JWKSet([JWKSet.Entry(keyID: "k1", key: key.publicKey)]),
                options: JWTValidationOptions(audiences: ["api"])
            )
            let router = Router(context: Context.self)
            let bearer = BearerTokenAuthenticator<Context>(verifier: verifier, overwritesIdentity: overwrites) {
                Setup.now
            }
            router.group("me")
                .add(middleware: bearer)
                .add(middleware: RequiredClaimsMiddleware())
                .get { _, context -> String in
                    let claims = try context.requireIdentity().claims
                    return claims.serialized()
                }
            router.group("admin")
                .add(middleware: bearer)
                .add(middleware: RequiredClaimsMiddleware([.equals("role", "admin"), .includes("scope", "write")]))
                .get { _, _ in "ok" }
            // A user's own authenticator first: it sets an identity from a header.
            router.group("composed")
                .add(
                    middleware: ClosureAuthenticator<Context> { request, _ in
                        guard request.headers[Headers.testUserName] != nil else { return nil }
                        return try VerifiedJWT.placeholder()
                    }
                )
                .add(middleware: bearer)
                .get { _, context -> String in try context.requireIdentity().claims.subject ?? "none" }
            application = Application(router: router)
        }

        func token(_ claims: ClaimSet) throws -> String { try signer.sign(claims) }
    }

    static let valid: ClaimSet = [
        "sub": "user-1", "aud": "api", "exp": 1_700_003_600, "role": "admin", "scope": "read write", "n": 1.50,
    ]

    @Test("a valid token's lossless claims become the identity")
    func valid() async throws {
        let setup = try Setup()
        let token = try setup.token(Self.valid)
        try await setup.application.test(.router) { client in
            let response = try await client.execute(
                uri: "/me",
                method: .get,
                headers: [.authorization: "bearer \(token)"]
            )
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == Self.valid.serialized())
        }
    }

    @Test("invalid tokens: 401 invalid_token with a Bearer challenge that never holds the token")
    func invalid() async throws {
        let setup = try Setup()
        var expired = Self.valid
        expired["exp"] = 1_600_000_000
        var foreign = Self.valid
        foreign["aud"] = "other"
        let forged = try JWTSigner(key: ES256.PrivateKey(), keyID: "k1").sign(Self.valid)
        let tokens = [try setup.token(expired), try setup.token(foreign), forged, "a.b.c", "bad token"]
        try await setup.application.test(.router) { client in
            for token in tokens {
                let response = try await client.execute(
                    uri: "/me",
                    method: .get,
                    headers: [.authorization: "Bearer \(token)"]
                )
                #expect(response.status == .unauthorized)
                let challenge = try #require(response.headers[.wwwAuthenticate])
                #expect(challenge.hasPrefix(#"Bearer error="invalid_token", error_description=""#))
                #expect(!challenge.contains(token) || token.count < 8)
                #expect(challenge.unicodeScalars.allSatisfy { (" "..."~").contains($0) })
                let error = try ErrorResponse(parsing: response.body.readableBytesView)
                #expect(error.error == "invalid_token")
                #expect(!error.errorDescription.contains(token) || token.count < 8)
            }
            let none = try await client.execute(uri: "/me", method: .get)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == #"Bearer realm="api""#)
            let empty = try await client.execute(uri: "/me", method: .get, headers: [.authorization: "Bearer "])
            #expect(empty.status == .unauthorized)
        }
    }

    @Test("unmet claims: 403 insufficient_scope naming the requirement, with the scope in the challenge")
    func scope() async throws {
        let setup = try Setup()
        var reader = Self.valid
        reader["scope"] = "read"
        var user = Self.valid
        user["role"] = "user"
        let (readerToken, userToken) = (try setup.token(reader), try setup.token(user))
        try await setup.application.test(.router) { client in
            let ok = try await client.execute(
                uri: "/admin",
                method: .get,
                headers: [.authorization: "Bearer \(try setup.token(Self.valid))"]
            )
            #expect(ok.status == .ok)
            let noRole = try await client.execute(
                uri: "/admin",
                method: .get,
                headers: [.authorization: "Bearer \(userToken)"]
            )
            #expect(noRole.status == .forbidden)
            #expect(try ErrorResponse(parsing: noRole.body.readableBytesView).error == "insufficient_scope")
            let noScope = try await client.execute(
                uri: "/admin",
                method: .get,
                headers: [.authorization: "Bearer \(readerToken)"]
            )
            #expect(noScope.status == .forbidden)
            #expect(noScope.headers[.wwwAuthenticate]?.contains(#"scope="write""#) == true)
        }
    }

    @Test("first wins by default: an earlier identity is kept; overwritesIdentity lets the token replace it")
    func composition() async throws {
        for overwrites in [false, true] {
            let setup = try Setup(overwrites: overwrites)
            let signed = try setup.token(Self.valid)
            try await setup.application.test(.router) { client in
                let response = try await client.execute(
                    uri: "/composed",
                    method: .get,
                    headers: [.authorization: "Bearer \(signed)", Headers.testUserName: "1"]
                )
                #expect(String(buffer: response.body) == (overwrites ? "user-1" : "placeholder"))
            }
        }
    }

    @Test("challenge text is printable ASCII with quotes and backslashes escaped")
    func challengeEscaping() {
        let error = ServiceError.invalidBearerToken("a \"quoted\" \\ line\nbreak é")
        #expect(error.headers[.wwwAuthenticate]?.contains(#"a \"quoted\" \\ line?break ?"#) == true)
    }
}

extension VerifiedJWT {
    /// An identity a user's own authenticator might set, built through the public API: sign, then verify.
    static func placeholder() throws -> VerifiedJWT {
        let key = try ES256.PrivateKey()
        let token = try JWTSigner(key: key).sign(["sub": "placeholder"])
        return try JWTVerifier(key: key.publicKey).verify(token, now: NumericDate(secondsSince1970: 0))
    }
}

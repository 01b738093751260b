import JWTClaims
import Testing

@Suite("JWTVerifier over a RemoteJWKSet")
struct RemoteJWKSetVerifierTests {
    static let url = "https://idp.example/jwks"
    static let now = NumericDate(secondsSince1970: 1_700_000_000)

    @Test("verifies a token with the fetched key, and checks issuer and audience")
    func verifies() async throws {
        let keys = try RemoteTestKeys(["k1"])
        let fetcher = ScriptedFetcher(.respond(keys.response()))
        let set = try RemoteJWKSet(url: Self.url, fetcher: fetcher, clock: ManualClock())
        let verifier = JWTVerifier(
            remoteKeySet: set,
            options: JWTValidationOptions(issuers: ["https://idp.example"], audiences: ["api"])
        )
        let token = try keys.token(kid: "k1", claims: ["iss": "https://idp.example", "aud": "api", "n": 1250])
        let verified = try await verifier.verifyFetchingKeys(token, now: Self.now)
        #expect(verified.claims.object.serialized() == #"{"iss":"https://idp.example","aud":"api","n":1250}"#)
        let other = try keys.token(kid: "k1", claims: ["iss": "https://idp.example", "aud": "other"])
        let error = await #expect(throws: JWTError.self) { try await verifier.verifyFetchingKeys(other, now: Self.now) }
        #expect(error?.code == .wrongAudience)
    }

    @Test("the synchronous verify refuses to fetch and says which method to use")
    func synchronousVerifyRefuses() throws {
        let keys = try RemoteTestKeys(["k1"])
        let fetcher = ScriptedFetcher(.respond(keys.response()))
        let verifier = JWTVerifier(remoteKeySet: try RemoteJWKSet(url: Self.url, fetcher: fetcher))
        let error = #expect(throws: JWTError.self) { try verifier.verify(try keys.token(kid: "k1"), now: Self.now) }
        #expect(error?.code == .keySetUnavailable)
        #expect(error?.reason.contains("verifyFetchingKeys") == true)
        #expect(fetcher.count == 0)
    }

    @Test("a token's jku, x5u and jwk headers never choose where keys come from")
    func ignoresKeyURLHeaders() async throws {
        let keys = try RemoteTestKeys(["k1"])
        let attacker = try ES256.PrivateKey()
        var attackerJWK = attacker.publicKey.jwk
        attackerJWK["kid"] = "evil"
        let header: JSONObject = [
            "alg": "ES256", "kid": "evil", "jku": "https://evil.example/jwks", "x5u": "https://evil.example/cert",
            "jwk": .object(attackerJWK),
        ]
        let payload: JSONObject = ["sub": "admin"]
        let input = Base64URL.encode(header.serializedBytes()) + "." + Base64URL.encode(payload.serializedBytes())
        let signature = try attacker.signature(for: Array(input.utf8))
        let token = input + "." + Base64URL.encode(signature.rawRepresentation)
        let fetcher = ScriptedFetcher(.respond(keys.response()))
        let verifier = JWTVerifier(
            remoteKeySet: try RemoteJWKSet(url: Self.url, fetcher: fetcher, clock: ManualClock())
        )
        let error = await #expect(throws: JWTError.self) { try await verifier.verifyFetchingKeys(token, now: Self.now) }
        #expect(error?.code == .unknownKeyID)
        #expect(fetcher.requests.map(\.url) == [Self.url])
    }

    @Test("a malformed token or an unsupported alg never causes a fetch")
    func noFetchForJunk() async throws {
        let fetcher = ScriptedFetcher(.fail("must not be called"))
        let verifier = JWTVerifier(remoteKeySet: try RemoteJWKSet(url: Self.url, fetcher: fetcher))
        let none = Base64URL.encode(Array(#"{"alg":"none","kid":"x"}"#.utf8)) + "." + Base64URL.encode([0x7B, 0x7D])
        for token in ["junk", "a.b.c", none + ".AA"] {
            await #expect(throws: JWTError.self) { try await verifier.verifyFetchingKeys(token, now: Self.now) }
        }
        #expect(fetcher.count == 0)
    }

    @Test("the augmenter exchanges an upstream token: verified remotely, re-signed by our key, claims intact")
    func augmenterExchange() async throws {
        let upstream = try RemoteTestKeys(["up"])
        let fetcher = ScriptedFetcher(.respond(upstream.response()))
        let verifier = JWTVerifier(
            remoteKeySet: try RemoteJWKSet(url: Self.url, fetcher: fetcher, clock: ManualClock())
        )
        let ours = try ES256.PrivateKey()
        let augmenter = ClaimsAugmenter(verifier: verifier, signer: JWTSigner(key: ours, keyID: "ours"))
        let token = try upstream.token(
            kid: "up",
            claims: ["iss": "https://idp.example", "aud": "api", "big": 9007199254740993]
        )
        let result = try await augmenter.augmentFetchingKeys(token, with: ["role": "admin"], now: Self.now)
        let check = JWTVerifier(key: ours.publicKey)
        let verified = try check.verify(result.token, now: Self.now)
        #expect(
            verified.claims.object.serialized()
                == #"{"iss":"https://idp.example","aud":"api","big":9007199254740993,"role":"admin"}"#
        )
        #expect(verified.header.keyID == "ours")
    }
}

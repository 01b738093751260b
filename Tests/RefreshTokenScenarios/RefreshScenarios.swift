public import JWTClaims
internal import JWTClaimsWireFormat
internal import Testing

/// The refresh-token scenarios every store must pass, written once and run by each store's test target.
public enum RefreshScenarios {
    /// The reference page's original access token claims, in its order.
    static let originalClaims =
        #"{"aud":"a4471794-8ee8-4d88-b321-5f7a22803d43","authentication_method":"SOCIAL_LOGIN","#
        + #""client_user_id":"5522261a-ac7e-4d6e-b056-959f612fb34a","exp":1599181203,"iat":1599177603,"#
        + #""identifier":"putri@cotter.app","iss":"https://www.cotter.app","#
        + #""jti":"d4039c6a-d1cb-44a2-b048-18e5bc1e216b","scope":"access","#
        + #""sub":"5522261a-ac7e-4d6e-b056-959f612fb34a","type":"client_access_token"}"#

    /// The reference page's custom attributes.
    static let customAttributes = #"{"username":"helloworld","role":"admin","user_id":125}"#

    /// The instant the scenarios start at (inside the reference token's lifetime).
    static let start: Int64 = 1_599_180_000

    /// The claims a minted access token replaces.
    static let mintedClaims: Set<String> = ["iat", "exp", "jti"]

    /// A service over a store with a fresh issuer key, and helpers to check its tokens.
    public struct Harness: Sendable {
        /// The issuer's key.
        public let issuer: ES256.PrivateKey
        /// The store under test.
        public let store: any RefreshTokenStore
        /// The service under test.
        public let service: RefreshTokenService

        /// A harness over `store`, with the given refresh-token lifetime.
        public init(
            store: any RefreshTokenStore,
            issuer: ES256.PrivateKey? = nil,
            refreshTokenLifetime: Duration = .seconds(30 * 24 * 3600)
        ) throws {
            let issuer = try issuer ?? ES256.PrivateKey()
            self.issuer = issuer
            self.store = store
            self.service = RefreshTokenService(
                store: store,
                augmenter: ClaimsAugmenter(
                    verifier: JWTVerifier(key: issuer.publicKey),
                    signer: JWTSigner(key: issuer, keyID: "test-issuer")
                ),
                refreshTokenLifetime: refreshTokenLifetime
            )
        }

        /// The reference claims, with another `sub` when given.
        public static func template(subject: String? = nil) throws -> ClaimSet {
            var claims = try ClaimSet(parsing: originalClaims)
            if let subject { claims.subject = subject }
            return claims
        }

        /// Issues the reference claims (with `subject`) at `start + offset`.
        public func signIn(subject: String? = nil, at offset: Int64 = 0) async throws -> TokenPair {
            try await service.issue(Self.template(subject: subject), now: RefreshScenarios.time(offset))
        }

        /// Verifies an access token at `start + offset` with the issuer's key.
        public func verify(_ token: String, at offset: Int64) throws -> ClaimSet {
            try JWTVerifier(key: issuer.publicKey).verify(token, now: RefreshScenarios.time(offset)).claims
        }
    }

    /// `start + offset` seconds.
    public static func time(_ offset: Int64) -> NumericDate {
        NumericDate(secondsSince1970: start + offset)
    }

    /// Runs `body`, expecting a `JWTError`, and returns its code.
    static func code(_ body: () async throws -> some Any) async -> JWTError.Code? {
        do {
            _ = try await body()
            return nil
        } catch let error as JWTError {
            return error.code
        } catch {
            Issue.record("expected a JWTError, got \(error)")
            return nil
        }
    }

    /// Checks one minted access token: the template's claims in order (fresh `iat`, `exp`, `jti`) then the custom
    /// ones, verifiable at `offset`.
    static func checkMinted(
        _ pair: TokenPair,
        by harness: Harness,
        at offset: Int64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let template = try Harness.template()
        let claims = try harness.verify(pair.accessToken, at: offset)
        #expect(claims == pair.claims, sourceLocation: sourceLocation)
        #expect(claims.names == template.names + ["username", "role", "user_id"], sourceLocation: sourceLocation)
        for name in template.names where !mintedClaims.contains(name) {
            #expect(claims[name] == template[name], "claim \(name)", sourceLocation: sourceLocation)
        }
        #expect(claims.issuedAt == time(offset), sourceLocation: sourceLocation)
        #expect(claims.expiration == time(offset + 3600), sourceLocation: sourceLocation)
        #expect(claims["username"] == "helloworld", sourceLocation: sourceLocation)
        #expect(claims["role"] == "admin", sourceLocation: sourceLocation)
        #expect(claims["user_id"] == 125, sourceLocation: sourceLocation)
    }

    // MARK: The reference flow

    /// Sign in, bind the reference attributes through the reference request body, refresh five times: every access
    /// token carries the custom claims and the original template claims; the family is the chain of rotations.
    public static func referenceFlow(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store)
        let signIn = try await harness.signIn()
        let signInClaims = try harness.verify(signIn.accessToken, at: 0)
        #expect(signInClaims.names == (try Harness.template()).names)
        #expect(signInClaims.issuedAt == time(0))

        let body =
            #"{"token":"\#(signIn.accessToken)","custom_attributes":\#(customAttributes),"#
            + #""refresh_token":"\#(signIn.refreshToken.serialized())"}"#
        let request = try CustomClaimsRequest(parsing: Array(body.utf8))
        let response = try await harness.service.respond(to: request, now: time(10))
        let decoded = try CustomClaimsResponse(parsing: Array(response.serialized().utf8))
        #expect(decoded == response)
        let augmented = try harness.verify(response.token, at: 10)
        #expect(augmented.names == signInClaims.names + ["username", "role", "user_id"])
        #expect(augmented.expiration == signInClaims.expiration, "augmentation never extends a token's life")

        var refreshToken = try #require(response.refreshToken)
        var seenJWTIDs: Set<String> = [try #require(signInClaims.jwtID)]
        var seenRefreshTokens: Set<String> = [signIn.refreshToken.serialized(), refreshToken]
        for step in Int64(1)...5 {
            let offset = step * 600
            let pair = try await harness.service.refresh(refreshToken, now: time(offset))
            try checkMinted(pair, by: harness, at: offset)
            let jwtID = try #require(pair.claims.jwtID)
            #expect(seenJWTIDs.insert(jwtID).inserted, "each access token has a new jti")
            refreshToken = pair.refreshToken.serialized()
            #expect(seenRefreshTokens.insert(refreshToken).inserted, "each rotation gives a new refresh token")
        }

        let chain = try await store.records(inFamily: signIn.refreshToken.id)
        #expect(chain.count == 7)
        #expect(chain.first?.parentID == nil)
        for (parent, child) in zip(chain, chain.dropFirst()) {
            #expect(child.parentID == parent.id)
            #expect(parent.isUsed)
        }
        #expect(chain.last?.isUsed == false)
        #expect(chain.last?.id == (try RefreshToken(parsing: refreshToken)).id)
        #expect(chain.allSatisfy { !$0.isRevoked && $0.subject == signInClaims.subject })
        #expect(chain.first?.customClaims.isEmpty == true)
        #expect(chain.dropFirst().allSatisfy { $0.customClaims == (try? JSONObject(parsing: customAttributes)) })
    }

    /// Binding twice accumulates: the second binding's attributes join the first's, replacing equal names.
    public static func bindingsAccumulate(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store)
        let signIn = try await harness.signIn()
        let first = try await harness.service.bind(
            ["role": "admin", "user_id": 125],
            to: signIn.accessToken,
            refreshToken: signIn.refreshToken.serialized(),
            now: time(1)
        )
        let second = try await harness.service.bind(
            ["role": "owner", "plan": "pro"],
            to: first.accessToken,
            refreshToken: first.refreshToken.serialized(),
            now: time(2)
        )
        #expect(second.claims["role"] == "owner")
        let refreshed = try await harness.service.refresh(second.refreshToken.serialized(), now: time(3))
        let claims = try harness.verify(refreshed.accessToken, at: 3)
        #expect(Array(claims.names.suffix(3)) == ["role", "user_id", "plan"])
        #expect(claims["role"] == "owner")
        #expect(claims["user_id"] == 125)
        #expect(claims["plan"] == "pro")
    }

    // MARK: Rotation and reuse

    /// Presenting a used token revokes the family: the reused token fails as reused, the latest one as revoked.
    public static func reuseRevokesFamily(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store)
        let signIn = try await harness.signIn()
        let first = try await harness.service.refresh(signIn.refreshToken.serialized(), now: time(60))
        let second = try await harness.service.refresh(first.refreshToken.serialized(), now: time(120))

        let reused = await code { try await harness.service.refresh(signIn.refreshToken.serialized(), now: time(180)) }
        #expect(reused == .refreshTokenReused)
        let latest = await code { try await harness.service.refresh(second.refreshToken.serialized(), now: time(181)) }
        #expect(latest == .refreshTokenRevoked)
        let again = await code { try await harness.service.refresh(first.refreshToken.serialized(), now: time(182)) }
        #expect(again == .refreshTokenRevoked)
        let family = try await store.records(inFamily: signIn.refreshToken.id)
        #expect(family.count == 3)
        #expect(family.allSatisfy { $0.isRevoked })

        // Another family is untouched.
        let other = try await harness.signIn(subject: "someone-else")
        _ = try await harness.service.refresh(other.refreshToken.serialized(), now: time(183))
    }

    /// `count` concurrent refreshes of one token: exactly one succeeds; the others are reuse, so the family (with
    /// the winner's new token) ends revoked.
    public static func concurrentRefreshes(_ store: any RefreshTokenStore, count: Int = 100) async throws {
        let harness = try Harness(store: store)
        let signIn = try await harness.signIn()
        let token = signIn.refreshToken.serialized()
        let service = harness.service
        let outcomes = await withTaskGroup(of: Result<TokenPair, JWTError>.self) { group in
            for _ in 0..<count {
                group.addTask {
                    do throws(JWTError) {
                        return .success(try await service.refresh(token, now: time(60)))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var outcomes: [Result<TokenPair, JWTError>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        let winners = outcomes.compactMap { try? $0.get() }
        #expect(winners.count == 1)
        let codes = outcomes.compactMap { outcome -> JWTError.Code? in
            guard case .failure(let error) = outcome else { return nil }
            return error.code
        }
        #expect(codes.count == count - 1)
        #expect(codes.allSatisfy { $0 == .refreshTokenReused || $0 == .refreshTokenRevoked })
        #expect(codes.contains(.refreshTokenReused))
        let winner = try #require(winners.first)
        let afterwards = await code { try await service.refresh(winner.refreshToken.serialized(), now: time(61)) }
        #expect(afterwards == .refreshTokenRevoked)
        #expect(try await store.records(inFamily: signIn.refreshToken.id).count == 2)
    }

    /// A failure inside the rotation's atomic step (after the store's writes) leaves the old token usable and
    /// issues nothing.
    public static func failedRotationChangesNothing(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store)
        let failing = try Harness(store: FailingRotationStore(wrapping: store), issuer: harness.issuer)
        let signIn = try await harness.signIn()
        let token = signIn.refreshToken.serialized()

        let refreshFailure = await code { try await failing.service.refresh(token, now: time(60)) }
        #expect(refreshFailure == .storeFailure)
        let bindFailure = await code {
            try await failing.service.bind(
                ["role": "admin"],
                to: signIn.accessToken,
                refreshToken: token,
                now: time(61)
            )
        }
        #expect(bindFailure == .storeFailure)
        let family = try await store.records(inFamily: signIn.refreshToken.id)
        #expect(family.count == 1)
        #expect(family.first?.isUsed == false)

        let pair = try await harness.service.refresh(token, now: time(62))
        #expect(try harness.verify(pair.accessToken, at: 62).subject == signIn.claims.subject)
    }

    // MARK: Refusals

    /// Unknown ids and wrong secrets are refused alike, and a wrong secret does not consume the real token.
    public static func unknownAndWrongSecret(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store)
        let signIn = try await harness.signIn()
        let real = signIn.refreshToken.serialized()
        let stranger = try await Harness(store: InMemoryRefreshTokenStore()).signIn()
        let unknown = await code { try await harness.service.refresh(stranger.refreshToken.serialized(), now: time(1)) }
        #expect(unknown == .invalidRefreshToken)

        // The real id with another (well-formed) secret.
        let wrongSecret = signIn.refreshToken.id + ":" + String(stranger.refreshToken.serialized().suffix(43))
        let wrong = await code { try await harness.service.refresh(wrongSecret, now: time(2)) }
        #expect(wrong == .invalidRefreshToken)
        let wrongRevoke = await code { try await harness.service.revoke(wrongSecret) }
        #expect(wrongRevoke == .invalidRefreshToken)
        let record = try #require(try await store.record(forID: signIn.refreshToken.id))
        #expect(!record.isUsed && !record.isRevoked)
        _ = try await harness.service.refresh(real, now: time(3))
    }

    /// A token is refused at and after its expiry, and accepted a second before.
    public static func expiry(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store, refreshTokenLifetime: .seconds(60))
        let first = try await harness.signIn()
        let atExpiry = await code { try await harness.service.refresh(first.refreshToken.serialized(), now: time(60)) }
        #expect(atExpiry == .refreshTokenExpired)
        let later = await code { try await harness.service.refresh(first.refreshToken.serialized(), now: time(600)) }
        #expect(later == .refreshTokenExpired)
        // Refused, not consumed: the record is still unused.
        #expect(try await store.record(forID: first.refreshToken.id)?.isUsed == false)

        let second = try await harness.signIn()
        let pair = try await harness.service.refresh(second.refreshToken.serialized(), now: time(59))
        // The successor's lifetime starts at the rotation.
        #expect(try await store.record(forID: pair.refreshToken.id)?.expiresAt == time(59 + 60))
    }

    /// A revoked family refuses every token; a sign-out revokes with any token of the family.
    public static func revocation(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store)
        let signIn = try await harness.signIn()
        let rotated = try await harness.service.refresh(signIn.refreshToken.serialized(), now: time(1))
        try await harness.service.revoke(signIn.refreshToken.serialized())
        let refused = await code { try await harness.service.refresh(rotated.refreshToken.serialized(), now: time(2)) }
        #expect(refused == .refreshTokenRevoked)
        let bind = await code {
            try await harness.service.bind(
                ["role": "admin"],
                to: rotated.accessToken,
                refreshToken: rotated.refreshToken.serialized(),
                now: time(3)
            )
        }
        #expect(bind == .refreshTokenRevoked)
        // Revoking again is harmless.
        try await harness.service.revoke(rotated.refreshToken.serialized())
    }

    /// A refresh token of another subject is refused at binding and stays usable for its owner.
    public static func otherSubject(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store)
        let alice = try await harness.signIn(subject: "alice")
        let bob = try await harness.signIn(subject: "bob")
        let mismatch = await code {
            try await harness.service.bind(
                ["role": "admin"],
                to: alice.accessToken,
                refreshToken: bob.refreshToken.serialized(),
                now: time(1)
            )
        }
        #expect(mismatch == .subjectMismatch)
        let pair = try await harness.service.refresh(bob.refreshToken.serialized(), now: time(2))
        #expect(pair.claims.subject == "bob")
        #expect(pair.claims["role"] == nil)
    }

    /// A refresh token belongs to the client (`aud`) it was issued for: presented by another client it is refused as
    /// unknown, for refresh, bind and revoke, before anything is consumed; even a used one presented by another
    /// client does not trigger reuse detection. Its own client still uses it normally.
    public static func otherClient(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store)
        let audience = "a4471794-8ee8-4d88-b321-5f7a22803d43"
        let signIn = try await harness.signIn()
        let token = signIn.refreshToken.serialized()

        let refresh = await code { try await harness.service.refresh(token, now: time(1), audience: "other-key") }
        #expect(refresh == .invalidRefreshToken)
        let bind = await code {
            try await harness.service.bind(
                ["role": "admin"],
                to: signIn.accessToken,
                refreshToken: token,
                now: time(1),
                audience: "other-key"
            )
        }
        #expect(bind == .invalidRefreshToken)
        let revoke = await code { try await harness.service.revoke(token, audience: "other-key") }
        #expect(revoke == .invalidRefreshToken)
        let untouched = try #require(try await store.record(forID: signIn.refreshToken.id))
        #expect(!untouched.isUsed && !untouched.isRevoked)

        // Its own client rotates it; another client presenting the now-used token is not a reuse.
        let rotated = try await harness.service.refresh(token, now: time(2), audience: audience)
        let foreignReuse = await code { try await harness.service.refresh(token, now: time(3), audience: "other-key") }
        #expect(foreignReuse == .invalidRefreshToken)
        #expect(try await store.record(forID: rotated.refreshToken.id)?.isRevoked == false)
        let next = try await harness.service.refresh(
            rotated.refreshToken.serialized(),
            now: time(4),
            audience: audience
        )
        #expect(next.claims.audience == .single(audience))
        try await harness.service.revoke(next.refreshToken.serialized(), audience: audience)
        #expect(try await store.record(forID: next.refreshToken.id)?.isRevoked == true)
    }

    /// Malformed token text is refused before the store is asked, and no error shows the text.
    public static func malformedTokens(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store)
        let signIn = try await harness.signIn()
        let real = signIn.refreshToken.serialized()
        let secret = String(real.suffix(43))
        let inputs = [
            "", "no-colon-at-all", real + "A", String(real.dropLast()), real.replacingColon(), "+" + real.dropFirst(),
        ]
        for input in inputs {
            do {
                _ = try await harness.service.refresh(input, now: time(1))
                Issue.record("accepted a malformed refresh token")
            } catch {
                #expect(error.code == .invalidRefreshToken)
                #expect(!error.description.contains(secret))
                #expect(!error.reason.contains(secret))
            }
        }
        #expect(try await store.record(forID: signIn.refreshToken.id)?.isUsed == false)
    }
}

extension String {
    /// The text with its colon replaced by a Base64URL character, keeping the length.
    fileprivate func replacingColon() -> String {
        String(map { $0 == ":" ? "A" : $0 })
    }
}

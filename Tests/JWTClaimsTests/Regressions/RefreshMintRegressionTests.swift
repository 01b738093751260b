import Testing

@testable import JWTClaims

/// Regressions of ``RefreshTokenService``'s minting.
@Suite("Refresh minting regressions")
struct RefreshMintRegressionTests {
    @Test(
        "an access token over the policy's size limit is refused before anything is signed",
        .bug(id: 11, "RefreshTokenService.mint signed the token first and checked its size after")
    )
    func refusedBeforeSigning() async throws {
        // A fresh key's pool of signing contexts is empty, and a signature leaves one there: an empty pool after
        // the refusal shows no signature was made, and the sign-in after it shows the probe does see one.
        let key = try ES256.PrivateKey()
        let store = InMemoryRefreshTokenStore()
        let service = RefreshTokenService(
            store: store,
            augmenter: ClaimsAugmenter(
                verifier: JWTVerifier(key: key.publicKey),
                signer: JWTSigner(key: key),
                policy: AugmentationPolicy(maximumTokenSize: 300)
            )
        )
        let now = NumericDate(secondsSince1970: 1_599_180_000)
        let error = await #expect(throws: JWTError.self) {
            try await service.issue(["sub": "alice", "blob": .string(String(repeating: "x", count: 300))], now: now)
        }
        #expect(error?.code == .tokenTooLarge)
        #expect(error?.reason.hasPrefix("the token would be") == true, "\(error?.reason ?? "")")
        #expect(key.idleSigningContextCount == 0)
        #expect(await store.count == 0)

        let signIn = try await service.issue(["sub": "alice"], now: now)
        #expect(try JWTVerifier(key: key.publicKey).verify(signIn.accessToken, now: now).claims.subject == "alice")
        #expect(key.idleSigningContextCount == 1)
    }
}

public import JWTClaims
internal import Testing

extension RefreshScenarios {
    /// Expiry housekeeping (``RefreshTokenStore/removeExpiredFamilies(now:)``): a family goes only when its last
    /// token has expired. Until then its used and revoked tokens stay, so a used token of a live family still
    /// triggers reuse detection and a revoked family stays refused.
    ///
    /// Expects an empty store: it checks how many records each call deletes.
    public static func removeExpiredFamilies(_ store: any RefreshTokenStore) async throws {
        let harness = try Harness(store: store, refreshTokenLifetime: .seconds(100))
        let service = harness.service
        // "live": its first token (expires at 100) rotated at 50; the successor expires at 150.
        let live = try await harness.signIn(subject: "live")
        let liveNext = try await service.refresh(live.refreshToken.serialized(), now: time(50))
        // "revoked": rotated at 80 (the successor expires at 180), then revoked by a sign-out.
        let revoked = try await harness.signIn(subject: "revoked")
        let revokedNext = try await service.refresh(revoked.refreshToken.serialized(), now: time(80))
        try await service.revoke(revokedNext.refreshToken.serialized())
        // "idle": one token, never used, expiring at 100.
        let idle = try await harness.signIn(subject: "idle")

        #expect(try await store.removeExpiredFamilies(now: time(99)) == 0, "no family has expired yet")
        #expect(try await store.record(forID: idle.refreshToken.id) != nil)

        // At 100 the idle family's only token expires (a token is refused at its expiry): it goes. The live family's
        // first token has expired too, but its successor has not, so both stay.
        #expect(try await store.removeExpiredFamilies(now: time(100)) == 1)
        #expect(try await store.records(inFamily: idle.refreshToken.id).isEmpty)
        #expect(try await store.records(inFamily: live.refreshToken.id).count == 2)
        #expect(try await store.records(inFamily: revoked.refreshToken.id).count == 2)

        // The kept, used, expired first token of the live family is still recognised: a reuse, which revokes the
        // family (the successor is refused from then on).
        let reuse = await code { try await service.refresh(live.refreshToken.serialized(), now: time(120)) }
        #expect(reuse == .refreshTokenReused)
        let afterReuse = await code { try await service.refresh(liveNext.refreshToken.serialized(), now: time(121)) }
        #expect(afterReuse == .refreshTokenRevoked)

        // Revoked families stay until their last token expires (150 for "live", 180 for "revoked").
        #expect(try await store.removeExpiredFamilies(now: time(149)) == 0)
        #expect(try await store.records(inFamily: live.refreshToken.id).allSatisfy(\.isRevoked))
        #expect(try await store.removeExpiredFamilies(now: time(150)) == 2)
        #expect(try await store.records(inFamily: live.refreshToken.id).isEmpty)
        let stillRevoked = await code {
            try await service.refresh(revokedNext.refreshToken.serialized(), now: time(179))
        }
        #expect(stillRevoked == .refreshTokenRevoked)
        #expect(try await store.removeExpiredFamilies(now: time(179)) == 0)
        #expect(try await store.removeExpiredFamilies(now: time(180)) == 2)
        #expect(try await store.records(inFamily: revoked.refreshToken.id).isEmpty)

        // Gone means unknown: refused like any token the store never held, with nothing left to change.
        let unknown = await code { try await service.refresh(revokedNext.refreshToken.serialized(), now: time(181)) }
        #expect(unknown == .invalidRefreshToken)
        #expect(try await store.removeExpiredFamilies(now: time(10_000)) == 0, "the store is empty")
    }
}

public import JWTClaims

/// A store that forwards to another one, but fails every rotation at its last moment: after the wrapped store has
/// decided and written (inside its transaction or actor turn), the completing step throws a store failure. The
/// wrapped store must then leave everything as it was.
public struct FailingRotationStore: RefreshTokenStore {
    /// The real store.
    public let base: any RefreshTokenStore

    /// Wraps `base`.
    public init(wrapping base: any RefreshTokenStore) {
        self.base = base
    }

    /// Forwards.
    public func issue(_ record: RefreshTokenRecord) async throws(JWTError) {
        try await base.issue(record)
    }

    /// Forwards, then fails inside the atomic step once the successor has been built (and, for SQL, inserted).
    public func rotate<Output: Sendable>(
        _ rotation: RefreshTokenRotation,
        completing: @Sendable (RefreshTokenRecord) throws(JWTError) -> Output
    ) async throws(JWTError) -> Output {
        try await base.rotate(rotation) { (successor: RefreshTokenRecord) throws(JWTError) -> Output in
            _ = try completing(successor)
            throw JWTError.storeFailure("injected failure in the middle of a rotation")
        }
    }

    /// Forwards.
    public func revokeFamily(_ familyID: String) async throws(JWTError) {
        try await base.revokeFamily(familyID)
    }

    /// Forwards.
    public func record(forID id: String) async throws(JWTError) -> RefreshTokenRecord? {
        try await base.record(forID: id)
    }

    /// Forwards.
    public func records(inFamily familyID: String) async throws(JWTError) -> [RefreshTokenRecord] {
        try await base.records(inFamily: familyID)
    }

    /// Forwards.
    public func removeExpiredFamilies(now: NumericDate) async throws(JWTError) -> Int {
        try await base.removeExpiredFamilies(now: now)
    }

    /// Forwards.
    public func checkAvailability() async throws(JWTError) {
        try await base.checkAvailability()
    }
}

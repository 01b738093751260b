/// Where refresh-token records live: ``InMemoryRefreshTokenStore`` in this module, `SQLiteRefreshTokenStore` in
/// the `JWTClaimsSQLite` product, or your own.
///
/// Three operations change state, and each must be atomic: all of its writes happen, or none do.
///
/// - ``issue(_:)`` inserts the first token of a new family;
/// - ``rotate(_:completing:)`` consumes one token and inserts its successor, in one step, so that two concurrent
///   rotations of one token cannot both succeed;
/// - ``revokeFamily(_:)`` marks every token of a family revoked.
///
/// One more operation deletes: ``removeExpiredFamilies(now:)``, the housekeeping a service runs periodically.
///
/// A store keeps only what ``RefreshTokenRecord`` holds (a digest of each secret, never the secret) and never logs a
/// token. Every failure of its own is a ``JWTError`` with code ``JWTError/Code/storeFailure`` (see
/// ``JWTError/storeFailure(_:underlyingError:fileID:line:)``), and leaves the store as it was.
public protocol RefreshTokenStore: Sendable {
    /// Inserts `record`, the first token of a family.
    ///
    /// - Throws: ``JWTError/Code/storeFailure`` if a record with the same id exists or the store fails.
    func issue(_ record: RefreshTokenRecord) async throws(JWTError)

    /// Atomically looks up the presented token, applies ``RefreshTokenRotation/decide(current:)``, and for a
    /// rotation calls `completing` with the successor before committing.
    ///
    /// If `completing` throws, or any write fails, nothing is changed: the presented token stays usable and no
    /// successor exists. A ``RefreshTokenRotation/Decision/revokeFamily(familyID:error:)`` decision is committed
    /// before its error is thrown.
    ///
    /// - Parameters:
    ///   - rotation: The request.
    ///   - completing: Work that must succeed for the rotation to count, such as signing the new access token.
    ///     It runs inside the atomic step, so it must be quick and must not call the store.
    /// - Returns: What `completing` returned.
    /// - Throws: The decision's error, `completing`'s error, or ``JWTError/Code/storeFailure``.
    func rotate<Output: Sendable>(
        _ rotation: RefreshTokenRotation,
        completing: @Sendable (RefreshTokenRecord) throws(JWTError) -> Output
    ) async throws(JWTError) -> Output

    /// Marks every token of the family `familyID` revoked. Revoking an unknown or revoked family changes nothing.
    ///
    /// - Throws: ``JWTError/Code/storeFailure``.
    func revokeFamily(_ familyID: String) async throws(JWTError)

    /// The record whose id is `id`, or nil.
    ///
    /// - Throws: ``JWTError/Code/storeFailure``.
    func record(forID id: String) async throws(JWTError) -> RefreshTokenRecord?

    /// Every record of the family `familyID`, oldest first: the chain of rotations, for audits and tests.
    ///
    /// - Throws: ``JWTError/Code/storeFailure``.
    func records(inFamily familyID: String) async throws(JWTError) -> [RefreshTokenRecord]

    /// Deletes the records of every family that can no longer be used: those whose every token has expired at
    /// `now` (`now` at or after each token's ``RefreshTokenRecord/expiresAt``), whether used, revoked or neither.
    ///
    /// A family with one token still live keeps all its records, its used and revoked ones included: a used token
    /// of a live family is what reuse detection recognises when a stolen copy comes back, so it must stay until the
    /// family's last token has expired (after that, any of its tokens is refused as unknown, which is as safe as
    /// expired). Removing a family changes no answer a live token gets.
    ///
    /// A service calls this periodically. Several instances may call it at once; each family is deleted once.
    /// Instances whose clocks differ should pass a `now` a few minutes behind their clock, so that no family is
    /// deleted while an instance whose clock is behind still rotates its last token.
    ///
    /// - Parameter now: The instant to judge expiry at (the library never reads a clock).
    /// - Returns: How many records were deleted.
    /// - Throws: ``JWTError/Code/storeFailure``; what was deleted before the failure stays deleted.
    func removeExpiredFamilies(now: NumericDate) async throws(JWTError) -> Int

    /// Checks that the store can serve requests now: its database answers, its connections work. A service reports
    /// the answer as its health (`/healthz`); the check changes nothing and must be quick (a trivial query).
    ///
    /// - Throws: ``JWTError/Code/storeFailure`` when the store cannot serve requests.
    func checkAvailability() async throws(JWTError)
}

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

    /// Checks that the store can serve requests now: its database answers, its connections work. A service reports
    /// the answer as its health (`/healthz`); the check changes nothing and must be quick (a trivial query).
    ///
    /// - Throws: ``JWTError/Code/storeFailure`` when the store cannot serve requests.
    func checkAvailability() async throws(JWTError)
}

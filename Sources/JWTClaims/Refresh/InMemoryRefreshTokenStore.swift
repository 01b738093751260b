/// A ``RefreshTokenStore`` in memory, for tests and development: an actor, so each operation is atomic, and
/// nothing survives the process.
///
/// ```swift
/// let service = RefreshTokenService(store: InMemoryRefreshTokenStore(), augmenter: augmenter)
/// ```
public actor InMemoryRefreshTokenStore: RefreshTokenStore {
    /// Every record, by id.
    private var recordsByID: [String: RefreshTokenRecord] = [:]
    /// The ids of each family's records, oldest first.
    private var familyMembers: [String: [String]] = [:]

    /// An empty store.
    public init() {}

    /// The number of records held.
    public var count: Int {
        recordsByID.count
    }

    /// Inserts the first token of a family.
    ///
    /// - Throws: ``JWTError/Code/storeFailure`` if the id is taken.
    public func issue(_ record: RefreshTokenRecord) throws(JWTError) {
        try insert(record)
    }

    /// Decides and applies a rotation in one actor turn; `completing` runs before anything is written, so its
    /// failure leaves the store unchanged.
    ///
    /// - Throws: See ``RefreshTokenStore/rotate(_:completing:)``.
    public func rotate<Output: Sendable>(
        _ rotation: RefreshTokenRotation,
        completing: @Sendable (RefreshTokenRecord) throws(JWTError) -> Output
    ) throws(JWTError) -> Output {
        switch rotation.decide(current: recordsByID[rotation.presentedID]) {
        case .reject(let error):
            throw error
        case .revokeFamily(let familyID, let error):
            revokeFamily(familyID)
            throw error
        case .rotate(let consumed, let successor):
            guard recordsByID[successor.id] == nil else {
                throw .storeFailure("a refresh token with the successor's id already exists")
            }
            let output = try completing(successor)
            recordsByID[consumed.id] = consumed
            append(successor)
            return output
        }
    }

    /// Marks every token of the family revoked.
    public func revokeFamily(_ familyID: String) {
        for id in familyMembers[familyID] ?? [] {
            guard let record = recordsByID[id], !record.isRevoked else { continue }
            recordsByID[id] = record.with(isUsed: record.isUsed, isRevoked: true)
        }
    }

    /// The record whose id is `id`, or nil.
    public func record(forID id: String) -> RefreshTokenRecord? {
        recordsByID[id]
    }

    /// Every record of the family, oldest first.
    public func records(inFamily familyID: String) -> [RefreshTokenRecord] {
        (familyMembers[familyID] ?? []).compactMap { recordsByID[$0] }
    }

    /// Deletes the records of every family whose tokens have all expired at `now`; see
    /// ``RefreshTokenStore/removeExpiredFamilies(now:)``.
    ///
    /// - Returns: How many records were deleted.
    public func removeExpiredFamilies(now: NumericDate) -> Int {
        var removed = 0
        // Iterates a copy of the families, so removing from the stored dictionary is safe.
        for (familyID, ids) in familyMembers {
            let isLive = ids.contains { id in recordsByID[id].map { now < $0.expiresAt } ?? false }
            guard !isLive else { continue }
            for id in ids { recordsByID[id] = nil }
            familyMembers[familyID] = nil
            removed += ids.count
        }
        return removed
    }

    /// Always available: the records are in this process's memory.
    public func checkAvailability() {}

    private func insert(_ record: RefreshTokenRecord) throws(JWTError) {
        guard recordsByID[record.id] == nil else {
            throw .storeFailure("a refresh token with this id already exists")
        }
        append(record)
    }

    /// Adds a record whose id is known to be free.
    private func append(_ record: RefreshTokenRecord) {
        recordsByID[record.id] = record
        familyMembers[record.familyID, default: []].append(record.id)
    }
}

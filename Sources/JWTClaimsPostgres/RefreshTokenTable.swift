internal import JWTClaims
internal import NIOCore
internal import PostgresNIO

/// The statements of the store, over the `refresh_token` table of one schema; each is one round trip.
///
/// Claims are stored as their exact compact JSON in `text` columns, never `jsonb`: jsonb reorders members, drops
/// duplicates and rewrites numbers (`1e2` comes back as `100`), and the library promises member order and number
/// text. The digest is `bytea` (bound as a `ByteBuffer`: a `[UInt8]` would be sent as PostgreSQL's `"char"[]`).
/// Times are whole seconds in `bigint` columns, as `RefreshTokenRecord` keeps them.
struct RefreshTokenTable: Sendable {
    /// The table's qualified name, such as `"public".refresh_token`.
    let name: String

    /// The table in `schema`, a name that ``PostgresRefreshTokenStore/Configuration`` checked to be plain.
    init(schema: String) {
        name = "\"\(schema)\".refresh_token"
    }

    /// The columns of a record, in the order ``decode(_:)`` reads them.
    static let columns =
        "id, secret_digest, subject, family_id, parent_id, custom_claims, template, created_at, expires_at, used, revoked"

    /// The record whose id is `id` (zero or one row).
    func select(id: String) -> PostgresQuery {
        "SELECT \(unescaped: Self.columns) FROM \(unescaped: name) WHERE id = \(id)"
    }

    /// The records of a family, oldest first.
    func select(familyID: String) -> PostgresQuery {
        "SELECT \(unescaped: Self.columns) FROM \(unescaped: name) WHERE family_id = \(familyID) ORDER BY seq"
    }

    /// Inserts `record`; returns its id (one row).
    func insert(_ record: RefreshTokenRecord) -> PostgresQuery {
        """
        INSERT INTO \(unescaped: name) (\(unescaped: Self.columns))
        VALUES (\(record.id), \(ByteBuffer(bytes: record.secretDigest)), \(record.subject), \(record.familyID),
                \(record.parentID), \(record.customClaims.serialized()), \(record.template.serialized()),
                \(record.createdAt.secondsSince1970), \(record.expiresAt.secondsSince1970), \(record.isUsed),
                \(record.isRevoked))
        RETURNING id
        """
    }

    /// The rotation's write, as one statement and so one transaction: marks the presented token used **if it is
    /// still unused and unrevoked**, and inserts the successor only if that update happened. One row back (the
    /// successor's id) is a committed rotation; none means the token was used, revoked or deleted since it was read.
    ///
    /// Under READ COMMITTED a concurrent statement that updates the same row waits for this one's row lock, then
    /// re-evaluates its WHERE clause on the row's new version (PostgreSQL's EvalPlanQual): `NOT used` is then false,
    /// so of any number of concurrent rotations exactly one matches.
    func consumeAndInsert(presentedID: String, successor: RefreshTokenRecord) -> PostgresQuery {
        """
        WITH consumed AS (
            UPDATE \(unescaped: name) SET used = true
            WHERE id = \(presentedID) AND NOT used AND NOT revoked
            RETURNING id
        )
        INSERT INTO \(unescaped: name) (\(unescaped: Self.columns))
        SELECT \(successor.id), \(ByteBuffer(bytes: successor.secretDigest)), \(successor.subject),
               \(successor.familyID), consumed.id, \(successor.customClaims.serialized()),
               \(successor.template.serialized()), \(successor.createdAt.secondsSince1970),
               \(successor.expiresAt.secondsSince1970), false, false
        FROM consumed
        RETURNING id
        """
    }

    /// One pass of a family's revocation: every token of the family not yet revoked; returns their ids.
    func revokePass(familyID: String) -> PostgresQuery {
        "UPDATE \(unescaped: name) SET revoked = true WHERE family_id = \(familyID) AND NOT revoked RETURNING id"
    }

    /// Deletes up to `limit` families whose every token expired at `cutoff` (`expires_at <= cutoff`); returns one
    /// row, the number of records deleted (not the records: a batch deletes thousands).
    ///
    /// The candidates come from the expiry index; "no live token left" is an index-only probe of
    /// `(family_id, expires_at)`.
    func deleteExpiredFamilies(cutoff: Int64, limit: Int) -> PostgresQuery {
        """
        WITH dead AS (
            SELECT DISTINCT candidate.family_id FROM \(unescaped: name) AS candidate
            WHERE candidate.expires_at <= \(cutoff)
              AND NOT EXISTS (
                  SELECT 1 FROM \(unescaped: name) AS live
                  WHERE live.family_id = candidate.family_id AND live.expires_at > \(cutoff))
            LIMIT \(limit)
        ), deleted AS (
            DELETE FROM \(unescaped: name) AS token USING dead WHERE token.family_id = dead.family_id
            RETURNING 1
        )
        SELECT count(*) FROM deleted
        """
    }

    /// A query that touches the table and changes nothing: the availability check.
    func probe() -> PostgresQuery {
        "SELECT count(*) FROM \(unescaped: name) WHERE false"
    }

    /// Rebuilds a record from a row of ``columns``, refusing (as `storeFailure`) a value that is not what the store
    /// writes.
    static func decode(_ row: PostgresRow) throws(JWTError) -> RefreshTokenRecord {
        do {
            let (id, digest, subject, familyID, parentID, customClaims, template, createdAt, expiresAt, used, revoked) =
                try row.decode(
                    (String, ByteBuffer, String, String, String?, String, String, Int64, Int64, Bool, Bool).self
                )
            guard digest.readableBytes == 32 else {
                throw JWTError.storeFailure("the stored secret digest of a refresh token is not 32 bytes")
            }
            return RefreshTokenRecord(
                id: id,
                secretDigest: Array(digest.readableBytesView),
                subject: subject,
                familyID: familyID,
                parentID: parentID,
                customClaims: try JSONObject(parsing: customClaims),
                template: try ClaimSet(parsing: template),
                createdAt: NumericDate(secondsSince1970: createdAt),
                expiresAt: NumericDate(secondsSince1970: expiresAt),
                isUsed: used,
                isRevoked: revoked
            )
        } catch let error as JWTError where error.code == .storeFailure {
            throw error
        } catch {
            throw .storeFailure(
                "a stored refresh token cannot be read back: \(PostgresFailure.summary(of: error))",
                underlyingError: error
            )
        }
    }
}

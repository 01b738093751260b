import Testing

@testable import JWTClaims

/// The executable specification of ``RefreshTokenRotation/decide(current:)``: the rules every store applies.
@Suite("RefreshTokenRotation")
struct RefreshTokenRotationTests {
    static let presented = Result { try RefreshToken.generate() }
    static let successor = Result { try RefreshToken.generate() }
    static let now = NumericDate(secondsSince1970: 1000)

    static func rotation(subject: String? = nil, added: JSONObject = [:]) throws -> RefreshTokenRotation {
        try RefreshTokenRotation(
            presented: presented.get(),
            successor: successor.get(),
            now: now,
            successorExpiry: NumericDate(secondsSince1970: 5000),
            expectedSubject: subject,
            addedClaims: added
        )
    }

    /// A stored record for the presented token, with the given state.
    static func record(
        digest: [UInt8]? = nil,
        expiresAt: Int64 = 2000,
        used: Bool = false,
        revoked: Bool = false
    ) throws -> RefreshTokenRecord {
        let token = try presented.get()
        return RefreshTokenRecord(
            id: token.id,
            secretDigest: try digest ?? token.secretDigest(),
            subject: "alice",
            familyID: "family",
            parentID: "parent",
            customClaims: ["role": "admin", "plan": "free"],
            template: ["iss": "issuer", "sub": "alice"],
            createdAt: NumericDate(secondsSince1970: 500),
            expiresAt: NumericDate(secondsSince1970: expiresAt)
        ).with(isUsed: used, isRevoked: revoked)
    }

    /// A stored state and the refusal it must give.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let record: @Sendable () throws -> RefreshTokenRecord?
        let subject: String?
        let code: JWTError.Code
        let revokesFamily: Bool
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "no record", record: { nil }, subject: nil, code: .invalidRefreshToken, revokesFamily: false),
        Refusal(
            name: "wrong secret",
            record: { try record(digest: Array(repeating: 7, count: 32)) },
            subject: nil,
            code: .invalidRefreshToken,
            revokesFamily: false
        ),
        Refusal(
            name: "wrong secret for a used token (no revocation without the secret)",
            record: { try record(digest: Array(repeating: 7, count: 32), used: true) },
            subject: nil,
            code: .invalidRefreshToken,
            revokesFamily: false
        ),
        Refusal(
            name: "revoked family",
            record: { try record(revoked: true) },
            subject: nil,
            code: .refreshTokenRevoked,
            revokesFamily: false
        ),
        Refusal(
            name: "revoked and used",
            record: { try record(used: true, revoked: true) },
            subject: nil,
            code: .refreshTokenRevoked,
            revokesFamily: false
        ),
        Refusal(
            name: "used: reuse",
            record: { try record(used: true) },
            subject: nil,
            code: .refreshTokenReused,
            revokesFamily: true
        ),
        Refusal(
            name: "used and expired: still reuse",
            record: { try record(expiresAt: 10, used: true) },
            subject: nil,
            code: .refreshTokenReused,
            revokesFamily: true
        ),
        Refusal(
            name: "used, presented with another subject: still reuse",
            record: { try record(used: true) },
            subject: "mallory",
            code: .refreshTokenReused,
            revokesFamily: true
        ),
        Refusal(
            name: "expires now",
            record: { try record(expiresAt: 1000) },
            subject: nil,
            code: .refreshTokenExpired,
            revokesFamily: false
        ),
        Refusal(
            name: "expired long ago",
            record: { try record(expiresAt: 1) },
            subject: nil,
            code: .refreshTokenExpired,
            revokesFamily: false
        ),
        Refusal(
            name: "another subject",
            record: { try record() },
            subject: "mallory",
            code: .subjectMismatch,
            revokesFamily: false
        ),
    ]

    @Test("refuses, in the documented order", arguments: refusals)
    func refuses(_ vector: Refusal) throws {
        let decision = try Self.rotation(subject: vector.subject).decide(current: vector.record())
        switch decision {
        case .rotate:
            Issue.record("rotated")
        case .reject(let error):
            #expect(error.code == vector.code)
            #expect(!vector.revokesFamily)
        case .revokeFamily(let familyID, let error):
            #expect(error.code == vector.code)
            #expect(familyID == "family")
            #expect(vector.revokesFamily)
        }
    }

    @Test("rotates a live token: consumed marked used, successor in the same family with merged custom claims")
    func rotates() throws {
        let current = try Self.record(expiresAt: 1001)
        let decision = try Self.rotation(subject: "alice", added: ["role": "owner", "team": 7]).decide(current: current)
        guard case .rotate(let consumed, let successor) = decision else {
            Issue.record("expected a rotation, got \(decision)")
            return
        }
        #expect(consumed == current.with(isUsed: true, isRevoked: false))
        #expect(successor.id == (try Self.successor.get()).id)
        #expect(successor.secretDigest == (try Self.successor.get().secretDigest()))
        #expect(successor.familyID == "family")
        #expect(successor.parentID == current.id)
        #expect(successor.subject == "alice")
        #expect(successor.template == current.template)
        #expect(successor.customClaims == ["role": "owner", "plan": "free", "team": 7])
        #expect(successor.createdAt == Self.now)
        #expect(successor.expiresAt == NumericDate(secondsSince1970: 5000))
        #expect(!successor.isUsed && !successor.isRevoked)
    }

    @Test("rounds record times down to whole seconds")
    func wholeSeconds() throws {
        let record = RefreshTokenRecord(
            id: "id",
            secretDigest: [],
            subject: "s",
            familyID: "id",
            parentID: nil,
            customClaims: [:],
            template: [:],
            createdAt: try #require(NumericDate("1000.75")),
            expiresAt: try #require(NumericDate("2.0e3"))
        )
        #expect(record.createdAt.description == "1000")
        #expect(record.expiresAt.description == "2000")
    }
}

import Foundation
import JWTKit

/// The reference page's 11 claims as a typed jwt-kit payload, the way jwt-kit's README models a payload.
///
/// Its members are declared in the page's order, so jwt-kit writes them in that order.
struct ReferenceClaims: JWTPayload, Equatable {
    enum CodingKeys: String, CodingKey {
        case audience = "aud"
        case authenticationMethod = "authentication_method"
        case clientUserID = "client_user_id"
        case expiration = "exp"
        case issuedAt = "iat"
        case identifier
        case issuer = "iss"
        case id = "jti"
        case scope
        case subject = "sub"
        case type
    }

    var audience: AudienceClaim
    var authenticationMethod: String
    var clientUserID: String
    var expiration: ExpirationClaim
    var issuedAt: IssuedAtClaim
    var identifier: String
    var issuer: IssuerClaim
    var id: IDClaim
    var scope: String
    var subject: SubjectClaim
    var type: String

    /// Checks `exp` the way a real verifier must, at a fixed time inside the token's lifetime (the reference token
    /// expired in 2020), so that verify does the same work on every run.
    func verify(using _: some JWTAlgorithm) throws {
        try expiration.verifyNotExpired(currentDate: ReferenceClaims.validationTime)
    }

    /// Ten minutes after the reference token's `iat`.
    static let validationTime = Date(timeIntervalSince1970: 1_599_177_603 + 600)
}

import Foundation
import JWTKit

/// The reference page's 11 claims as a typed jwt-kit payload, the way jwt-kit's README models a payload (shared by
/// the jwt-kit benchmarks of JWTKitBenchmarks and AlgorithmBenchmarks).
///
/// Its members are declared in the page's order, so jwt-kit writes them in that order.
public struct ReferenceClaims: JWTPayload, Equatable {
    /// The claim names on the wire.
    public enum CodingKeys: String, CodingKey {
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

    /// `aud`.
    public var audience: AudienceClaim
    /// `authentication_method`.
    public var authenticationMethod: String
    /// `client_user_id`.
    public var clientUserID: String
    /// `exp`.
    public var expiration: ExpirationClaim
    /// `iat`.
    public var issuedAt: IssuedAtClaim
    /// `identifier`.
    public var identifier: String
    /// `iss`.
    public var issuer: IssuerClaim
    /// `jti`.
    public var id: IDClaim
    /// `scope`.
    public var scope: String
    /// `sub`.
    public var subject: SubjectClaim
    /// `type`.
    public var type: String

    /// Checks `exp` the way a real verifier must, at a fixed time inside the token's lifetime (the reference token
    /// expired in 2020), so that verify does the same work on every run.
    public func verify(using _: some JWTAlgorithm) throws {
        try expiration.verifyNotExpired(currentDate: ReferenceClaims.validationTime)
    }

    /// Ten minutes after the reference token's `iat`.
    public static let validationTime = Date(timeIntervalSince1970: 1_599_177_603 + 600)
}

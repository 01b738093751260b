import BenchmarkFixtures
import JWTKit
import JWTKitFixtures

/// The reference page's claims as a dynamic jwt-kit payload: a dictionary of any JSON values, for code that does
/// not know the claims ahead (which is what adding custom claims to someone else's token needs).
///
/// It is what a jwt-kit user must write for that job; like every dictionary payload it loses member order and
/// rounds numbers through `Int64` or `Double`.
struct DynamicClaims: JWTPayload, Equatable {
    var claims: [String: AnyCodableEnum]

    init(claims: [String: AnyCodableEnum]) {
        self.claims = claims
    }

    init(from decoder: any Decoder) throws {
        claims = try decoder.singleValueContainer().decode([String: AnyCodableEnum].self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(claims)
    }

    /// Checks `exp` like ``ReferenceClaims/verify(using:)``: present, an integer, and after the validation time.
    func verify(using _: some JWTAlgorithm) throws {
        guard case .integer(let expiration) = claims["exp"],
            Double(expiration) > ReferenceClaims.validationTime.timeIntervalSince1970
        else {
            throw JWTError.claimVerificationFailure(failedClaim: nil, reason: "expired or missing exp")
        }
    }
}

import HTTPTypes
import JWTClaims
import JWTClaimsHummingbird
import JWTClaimsWireFormat
import NIOCore
import Testing

/// The one mapping from `JWTError` codes to the contract's answers.
@Suite("ServiceError mapping")
struct ServiceErrorTests {
    static let grantCodes: [JWTError.Code] = [
        .invalidRefreshToken, .refreshTokenExpired, .refreshTokenRevoked, .refreshTokenReused, .subjectMismatch,
    ]
    static let claimCodes: [JWTError.Code] = [
        .protectedClaim, .invalidClaimName, .conflictingClaim, .attributesTooLarge, .tokenTooLarge,
    ]
    static let serverCodes: [JWTError.Code] = [
        .cryptographicFailure, .invalidKey, .unsupportedKey, .augmentationFailed,
    ]
    static let contextCodes: [JWTError.Code] = [
        .invalidBase64URL, .invalidJSON, .duplicateMember, .limitExceeded, .invalidSignatureEncoding, .invalidSignature,
        .malformedToken, .invalidHeader, .unsupportedAlgorithm, .unknownKeyID, .ambiguousKey,
        .unsupportedCriticalHeader, .invalidClaims, .invalidClaimValue, .expired, .notYetValid, .issuedInFuture,
        .wrongIssuer, .wrongAudience, .wrongType, .missingClaim, .typeMismatch,
    ]

    static let steps: [ServiceError.Step] = [.decodingBody, .mintingClaims, .verifyingToken, .usingRefreshToken]

    @Test("every code has its status and error code, in every step")
    func everyCode() {
        for step in Self.steps {
            let store = ServiceError(JWTError(code: .storeFailure, reason: "db down"), while: step)
            #expect(store.status == .serviceUnavailable && store.code == .temporarilyUnavailable)
            #expect(store.headers[.retryAfter] == "5")
            #expect(!store.errorDescription.contains("db down"))
            for code in Self.grantCodes {
                let error = ServiceError(JWTError(code: code, reason: "r"), while: step)
                #expect(error.status == .badRequest && error.code == .invalidGrant, "\(code)")
            }
            for code in Self.claimCodes {
                let error = ServiceError(JWTError(code: code, reason: "names \"a\", \"b\""), while: step)
                #expect(error.status == .badRequest && error.code == .invalidClaims, "\(code)")
                #expect(error.errorDescription == "names \"a\", \"b\"")
            }
            for code in Self.serverCodes {
                let error = ServiceError(JWTError(code: code, reason: "secret detail"), while: step)
                #expect(error.status == .internalServerError && error.code == .serverError, "\(code)")
                #expect(!error.errorDescription.contains("secret detail"))
            }
            for code in Self.contextCodes {
                let error = ServiceError(JWTError(code: code, reason: "r"), while: step)
                switch step {
                case .decodingBody:
                    #expect(error.status == .badRequest && error.code == .invalidRequest, "\(code)")
                case .verifyingToken, .usingRefreshToken:
                    #expect(error.status == .unauthorized && error.code == .invalidToken, "\(code)")
                case .mintingClaims:
                    let request = code == .missingClaim || code == .typeMismatch
                    #expect(error.status == .badRequest, "\(code)")
                    #expect(error.code == (request ? .invalidRequest : .invalidClaims), "\(code)")
                }
            }
        }
    }

    @Test("the body is {error, error_description}, JSON, not cached; long descriptions are capped")
    func body() throws {
        let error = ServiceError.invalidRequest(String(repeating: "é", count: 1000))
        let response = ServiceError.Code.invalidRequest
        #expect(error.code == response)
        #expect(error.errorDescription.utf8.count <= ServiceError.maximumDescriptionLength)
        let decoded = try ErrorResponse(parsing: Array(error.body.serialized().utf8))
        #expect(decoded.error == "invalid_request")
    }
}

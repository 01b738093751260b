import JWTClaims
import Testing

/// The refresh-token error codes and the public store-failure factory.
@Suite("JWTError for refresh tokens")
struct JWTErrorRefreshTests {
    struct StoreBroke: Error {}

    @Test("names each refresh-token code by its stable name")
    func codeNames() {
        let codes: [(JWTError.Code, String)] = [
            (.invalidRefreshToken, "invalidRefreshToken"),
            (.refreshTokenExpired, "refreshTokenExpired"),
            (.refreshTokenRevoked, "refreshTokenRevoked"),
            (.refreshTokenReused, "refreshTokenReused"),
            (.subjectMismatch, "subjectMismatch"),
            (.storeFailure, "storeFailure"),
        ]
        for (code, name) in codes {
            #expect(code.description == name)
        }
        #expect(Set(codes.map(\.0)).count == codes.count)
    }

    @Test("builds a store failure that keeps the store's error and the caller's location")
    func storeFailureFactory() {
        let error = JWTError.storeFailure("cannot write", underlyingError: StoreBroke())
        #expect(error.code == .storeFailure)
        #expect(error.description == "storeFailure: cannot write")
        #expect(error.underlyingError is StoreBroke)
        #expect(error.sourceLocation.hasPrefix("JWTClaimsTests/JWTError+RefreshTests.swift:"))
        #expect(JWTError.storeFailure("no underlying error").underlyingError == nil)
    }
}

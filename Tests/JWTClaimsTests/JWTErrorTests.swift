import Testing

@testable import JWTClaims

@Suite("JWTError")
struct JWTErrorTests {
    @Test("compares and hashes by code only")
    func equalityIsByCode() {
        let first = JWTError(code: .expired, reason: "expired at 1")
        let second = JWTError(code: .expired, reason: "expired at 2", offset: 7)
        let other = JWTError(code: .notYetValid, reason: "expired at 1")
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first != other)
    }

    @Test("describes itself with its code and reason")
    func description() {
        let error = JWTError(code: .invalidBase64URL, reason: "byte 0x3D ('=') at offset 4 is padding", offset: 4)
        #expect(error.description == "invalidBase64URL: byte 0x3D ('=') at offset 4 is padding")
        #expect(error.offset == 4)
        #expect(error.sourceLocation.hasPrefix("JWTClaimsTests/JWTErrorTests.swift:"))
    }

    @Test("keeps the error a user step threw")
    func underlyingError() {
        struct StepFailed: Error {}
        let error = JWTError(code: .augmentationFailed, reason: "step failed", underlyingError: StepFailed())
        #expect(error.underlyingError is StepFailed)
        #expect(JWTError.Code.augmentationFailed.description == "augmentationFailed")
    }
}

import Testing

@testable import JWTClaims

/// RFC 7515 Appendix A.3 (the ES256 example) and the RFC 7517 A.1 key, with the forms derived from them.
@Suite("ES256 against the RFC examples")
struct ES256RFCTests {
    private static let rfc7515Path = "rfc/rfc7515-appendix-a3-es256.json"
    private static let rfc7517Path = "rfc/rfc7517-appendix-a-ec-p256-jwk.json"

    @Test("RFC 7515 A.3: the signature over the signing input verifies with the example key in every form")
    func appendixA3Verifies() throws {
        let file = try Vectors.decode(SigningVectors.RFC7515File.self, from: Self.rfc7515Path)
        let signature = try ES256.Signature(rawRepresentation: hexBytes(file.a3.signatureHex))
        let message = file.a3.signingInputOctets
        let keys = [
            try ES256.PublicKey(pemRepresentation: file.derived.publicKeySpkiPem),
            try ES256.PublicKey(x963Representation: hexBytes(file.derived.uncompressedPointHex)),
            try ES256.PrivateKey(pemRepresentation: file.derived.privateKeyPkcs8Pem).publicKey,
            try ES256.PrivateKey(pemRepresentation: file.derived.privateKeySec1Pem).publicKey,
        ]
        for key in keys {
            #expect(key.isValidSignature(signature, for: message))
            #expect(!key.isValidSignature(signature, for: message + [0x20]))
        }
    }

    @Test("RFC 7515 A.3: the DER-encoded form of the same signature is refused")
    func appendixA3DERIsRefused() throws {
        let file = try Vectors.decode(SigningVectors.RFC7515File.self, from: Self.rfc7515Path)
        let der = try hexBytes(file.derived.derSignatureHex)
        let error = #expect(throws: JWTError.self) { try ES256.Signature(rawRepresentation: der) }
        #expect(error?.code == .invalidSignatureEncoding)
        #expect(error?.reason.contains("DER") == true)
    }

    @Test("RFC 7515 A.3: the n − S twin verifies too (JOSE accepts high-S; the RFC's own S is high)")
    func appendixA3HighSTwinVerifies() throws {
        let file = try Vectors.decode(SigningVectors.RFC7515File.self, from: Self.rfc7515Path)
        let raw = try hexBytes(file.a3.signatureHex)
        let twinS = Self.subtract(Array(raw[32...]), from: ECCurve.p256.order)
        let twin = try ES256.Signature(rawRepresentation: Array(raw[..<32]) + twinS)
        let key = try ES256.PublicKey(pemRepresentation: file.derived.publicKeySpkiPem)
        #expect(twin != (try ES256.Signature(rawRepresentation: raw)))
        #expect(key.isValidSignature(twin, for: file.a3.signingInputOctets))
    }

    @Test("r or s equal to 0 or n never verifies (CVE-2022-21449), even where the arithmetic would accept")
    func outOfRangeScalarsAreRefused() throws {
        let file = try Vectors.decode(SigningVectors.RFC7515File.self, from: Self.rfc7515Path)
        let raw = try hexBytes(file.a3.signatureHex)
        let key = try ES256.PublicKey(pemRepresentation: file.derived.publicKeySpkiPem)
        let zero = [UInt8](repeating: 0, count: 32)
        let r = Array(raw[..<32])
        let s = Array(raw[32...])
        // r + n and s + n do not fit 32 bytes, so "r = n" style aliases are the in-range-looking ones to refuse.
        for bytes in [
            zero + zero, zero + s, r + zero, ECCurve.p256.order + s, r + ECCurve.p256.order,
            ECCurve.p256.order + ECCurve.p256.order,
        ] {
            #expect(
                !key.isValidSignature(try ES256.Signature(rawRepresentation: bytes), for: file.a3.signingInputOctets)
            )
        }
    }

    @Test("RFC 7517 A.1: the raw coordinates of the (encryption) example key import as a point")
    func appendixA1Coordinates() throws {
        let file = try Vectors.decode(SigningVectors.RFC7517File.self, from: Self.rfc7517Path)
        let point = try hexBytes(file.derived.uncompressedPointHex)
        #expect(try ES256.PublicKey(x963Representation: point).x963Representation == point)
    }

    /// Big-endian `minuend - subtrahend` for 32-byte values with minuend >= subtrahend.
    static func subtract(_ subtrahend: [UInt8], from minuend: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for index in stride(from: 31, through: 0, by: -1) {
            var difference = Int(minuend[index]) - Int(subtrahend[index]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 256 }
            result[index] = UInt8(difference)
        }
        return result
    }
}

import Foundation
import Testing

@testable import JWTClaims

@Suite("ES256.PublicKey")
struct ES256PublicKeyTests {
    private static let ecPointPath = "wycheproof/testvectors_v1/ecdh_secp256r1_ecpoint_test.json"

    @Test("Wycheproof ecpoint: every invalid point is refused, every valid one imports, compressed ones are refused")
    func wycheproofPoints() throws {
        let file = try Vectors.decode(SigningVectors.ECPointFile.self, from: Self.ecPointPath)
        var accepted = 0
        var refused = 0
        var acceptableRefused: [Int] = []
        for test in file.testGroups.flatMap(\.tests) {
            let point = try hexBytes(test.public)
            let result = Result { () throws(JWTError) in try ES256.PublicKey(x963Representation: point) }
            switch (test.result, result) {
            case ("valid", .success(let key)):
                accepted += 1
                #expect(key.x963Representation == point, "tcId \(test.tcId)")
            case ("valid", .failure(let error)):
                Issue.record("tcId \(test.tcId) (\(test.comment)) should import: \(error)")
            case ("invalid", .success):
                Issue.record("tcId \(test.tcId) (\(test.comment)) should be refused")
            case ("invalid", .failure(let error)):
                refused += 1
                #expect([.invalidKey, .unsupportedKey].contains(error.code), "tcId \(test.tcId)")
            case ("acceptable", .failure(let error)):
                // The one acceptable vector (tcId 2) is a valid *compressed* point: JOSE keys carry x and y, so
                // we refuse compressed points outright, with a reason that says so.
                #expect(test.flags.contains("CompressedPoint"), "tcId \(test.tcId)")
                #expect(error.code == .unsupportedKey)
                #expect(error.reason.contains("compressed points are not supported"))
                acceptableRefused.append(test.tcId)
            default:
                Issue.record("tcId \(test.tcId): unexpected \(test.result) / \(result)")
            }
        }
        #expect(accepted == 330)
        #expect(refused == 24)
        #expect(acceptableRefused == [2])
    }

    /// One hand-made refusal and the error it must give.
    struct PointCase: CustomTestStringConvertible, Sendable {
        let name: String
        let point: [UInt8]
        let code: JWTError.Code
        let reasonFragment: String
        var testDescription: String { name }
    }

    private static let validPoint: [UInt8] =
        [0x04] + ([UInt8](hex: "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296") ?? [])
        + ([UInt8](hex: "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5") ?? [])

    static let pointCases: [PointCase] = [
        PointCase(name: "empty", point: [], code: .invalidKey, reasonFragment: "empty"),
        PointCase(name: "the point at infinity", point: [0x00], code: .invalidKey, reasonFragment: "infinity"),
        PointCase(
            name: "a compressed point",
            point: [0x03] + validPoint[1...32],
            code: .unsupportedKey,
            reasonFragment: "compressed points are not supported"
        ),
        PointCase(
            name: "a hybrid point",
            point: [0x06] + validPoint.dropFirst(),
            code: .unsupportedKey,
            reasonFragment: "hybrid"
        ),
        PointCase(
            name: "a truncated point",
            point: Array(validPoint.dropLast()),
            code: .invalidKey,
            reasonFragment: "65 bytes"
        ),
        PointCase(
            name: "a point with a trailing byte",
            point: validPoint + [0],
            code: .invalidKey,
            reasonFragment: "65 bytes"
        ),
        PointCase(
            name: "x equal to p",
            point: [0x04] + ECCurve.p256.fieldPrime + validPoint[33...],
            code: .invalidKey,
            reasonFragment: "x coordinate is not below"
        ),
        PointCase(
            name: "y equal to p + 0 (all ones above p)",
            point: [0x04] + validPoint[1...32] + [UInt8](repeating: 0xFF, count: 32),
            code: .invalidKey,
            reasonFragment: "y coordinate is not below"
        ),
        PointCase(
            name: "a point off the curve",
            point: Array(validPoint.dropLast()) + [validPoint[64] ^ 1],
            code: .invalidKey,
            reasonFragment: "OpenSSL"
        ),
    ]

    @Test("refuses malformed raw points with a clear reason", arguments: pointCases)
    func refusesBadPoints(_ testCase: PointCase) {
        let error = #expect(throws: JWTError.self) { try ES256.PublicKey(x963Representation: testCase.point) }
        #expect(error?.code == testCase.code)
        #expect(error?.reason.contains(testCase.reasonFragment) == true, "\(error?.reason ?? "")")
    }

    @Test("accepts the generator point and exports it in every format")
    func generatorRoundTrips() throws {
        let key = try ES256.PublicKey(x963Representation: Self.validPoint)
        #expect(key.x963Representation == Self.validPoint)
        #expect(try ES256.PublicKey(derRepresentation: key.derRepresentation) == key)
        #expect(try ES256.PublicKey(pemRepresentation: key.pemRepresentation) == key)
        #expect(key.derRepresentation.count == 91)
        #expect(key.pemRepresentation.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(key.pemRepresentation.hasSuffix("\n-----END PUBLIC KEY-----\n"))
    }

    @Test("refuses PEM text that is not exactly one public-key block")
    func refusesBadPEM() throws {
        let pem = try ES256.PublicKey(x963Representation: Self.validPoint).pemRepresentation
        let cases: [(String, JWTError.Code)] = [
            ("", .invalidKey),
            ("hello", .invalidKey),
            ("junk\n" + pem, .invalidKey),
            (pem + "junk", .invalidKey),
            (pem + pem, .invalidKey),
            (pem.replacingOccurrences(of: "END PUBLIC", with: "END PRIVATE"), .invalidKey),
            (pem.replacingOccurrences(of: "PUBLIC KEY", with: "CERTIFICATE"), .unsupportedKey),
            (pem.replacingOccurrences(of: "PUBLIC KEY", with: "RSA PUBLIC KEY"), .unsupportedKey),
            (pem.replacingOccurrences(of: "PUBLIC KEY", with: "PRIVATE KEY"), .invalidKey),
            (pem.replacingOccurrences(of: "M", with: "*"), .invalidKey),
        ]
        for (text, code) in cases {
            let error = #expect(throws: JWTError.self, "\(text.prefix(60))") {
                try ES256.PublicKey(pemRepresentation: text)
            }
            #expect(error?.code == code, "\(text.prefix(60)): \(error?.reason ?? "")")
        }
        // CR LF line endings are fine.
        let crlf = pem.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try ES256.PublicKey(pemRepresentation: crlf).x963Representation == Self.validPoint)
        // Surrounding whitespace is fine.
        #expect(try ES256.PublicKey(pemRepresentation: "\n  " + pem + "\r\n\n").x963Representation == Self.validPoint)
    }

    @Test("refuses DER with trailing bytes, truncated DER and private-key DER")
    func refusesBadDER() throws {
        let der = try ES256.PublicKey(x963Representation: Self.validPoint).derRepresentation
        for bytes in [der + [0], Array(der.dropLast()), [], [0x30, 0x00]] {
            let error = #expect(throws: JWTError.self) { try ES256.PublicKey(derRepresentation: bytes) }
            #expect(error?.code == .invalidKey)
        }
        let privateDER = try ES256.PrivateKey().derRepresentation
        let error = #expect(throws: JWTError.self) { try ES256.PublicKey(derRepresentation: privateDER) }
        #expect(error?.code == .invalidKey)
    }

    @Test("compares and hashes by point")
    func equality() throws {
        let first = try ES256.PrivateKey().publicKey
        let again = try ES256.PublicKey(x963Representation: first.x963Representation)
        let other = try ES256.PrivateKey().publicKey
        #expect(first == again)
        #expect(first.hashValue == again.hashValue)
        #expect(first != other)
        #expect(Set([first, again, other]).count == 2)
    }
}

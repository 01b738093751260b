import ChildProcess
import Foundation
import Testing

@testable import JWTClaims

/// Cross-checks with pyca/cryptography, an independent ECDSA implementation.
@Suite("ES256 interoperability with Python")
struct ES256InteropTests {
    private static let signaturesPath = "generated-python/es256-python-signatures.json"

    /// The repository root, found from this file's path (Tests/JWTClaimsTests/Signing/<file>).
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Whether `python3` with the `cryptography` package can be run here.
    static func pythonWithCryptography() async -> Bool {
        await PythonInterop.canImport("cryptography.hazmat.primitives.asymmetric.ec")
    }

    @Test("every signature Python made with its fixed key verifies here, and none verifies for another message")
    func pythonSignaturesVerify() throws {
        let file = try Vectors.decode(SigningVectors.PythonSignatures.self, from: Self.signaturesPath)
        let key = try ES256.PublicKey(pemRepresentation: file.publicKeySpkiPem)
        #expect(file.signatures.count == 5)
        for item in file.signatures {
            let message = try hexBytes(item.messageHex)
            let signature = try ES256.Signature(rawRepresentation: hexBytes(item.signatureHex))
            #expect(key.isValidSignature(signature, for: message), "message \(item.messageHex.prefix(16))")
            #expect(!key.isValidSignature(signature, for: message + [0]))
        }
    }

    @Test(
        "Python verifies the signatures we make",
        .enabled("python3 with the cryptography package is not available; the Python cross-check was skipped") {
            await pythonWithCryptography()
        }
    )
    func pythonVerifiesOurSignatures() async throws {
        let key = try ES256.PrivateKey()
        var items: [SigningVectors.PythonSignatures.Item] = []
        for message in [
            [], Array("hello".utf8), Array("eyJhbGciOiJFUzI1NiJ9.e30".utf8), [UInt8](repeating: 9, count: 4096),
        ] {
            for _ in 0..<4 {
                let signature = try key.signature(for: message)
                items.append(.init(messageHex: message.hex, signatureHex: signature.rawRepresentation.hex))
            }
        }
        let document = SigningVectors.PythonSignatures(
            publicKeySpkiPem: key.publicKey.pemRepresentation,
            signatures: items
        )
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("es256-\(UUID().uuidString).json")
        try JSONEncoder().encode(document).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let script = Self.repositoryRoot.appendingPathComponent("Scripts/interop/verify_es256_signatures.py").path
        let output = try await ChildProcess.python([script, input.path])
        #expect(output.status == 0, "Python said: \(output)")
        #expect(output.standardOutput.contains("ok \(items.count)"), "Python said: \(output)")
    }
}

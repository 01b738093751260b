import JWTClaims

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Usage: LeakCheck [CYCLES]   (default 100000)
// Each cycle signs, verifies (a good and a tampered signature) and imports a key in one of several formats, so
// that every allocation path of the OpenSSL backend runs many times; some cycles also take error paths.
let cycles = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000

let signer = try ES256.PrivateKey()
let publicPEM = signer.publicKey.pemRepresentation
let publicDER = signer.publicKey.derRepresentation
let point = signer.publicKey.x963Representation
let privatePEM = signer.pemRepresentation
let privateDER = signer.derRepresentation
let publicJWK = signer.publicKey.jwk.serialized()
let privateJWK = signer.jwk.serialized()
let offCurve = Array(point.dropLast()) + [point[64] ^ 1]
let message = Array("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJsZWFrLWNoZWNrIn0".utf8)

var signatures = 0
var verified = 0
var imports = 0
var refusals = 0

for cycle in 0..<cycles {
    let signature = try signer.signature(for: message)
    signatures += 1
    if signer.publicKey.isValidSignature(signature, for: message) { verified += 1 }
    var tampered = signature.rawRepresentation
    tampered[cycle % 64] ^= 0x01
    if try !signer.publicKey.isValidSignature(ES256.Signature(rawRepresentation: tampered), for: message) {
        verified += 1
    }
    switch cycle % 8 {
    case 0: _ = try ES256.PublicKey(pemRepresentation: publicPEM)
    case 1: _ = try ES256.PublicKey(derRepresentation: publicDER)
    case 2: _ = try ES256.PublicKey(x963Representation: point)
    case 3: _ = try ES256.PrivateKey(pemRepresentation: privatePEM)
    case 4: _ = try ES256.PrivateKey(derRepresentation: privateDER)
    case 5:
        _ = try ES256.PrivateKey().pemRepresentation
        _ = try ES256.PublicKey(jwkRepresentation: publicJWK).thumbprint
        _ = try ES256.PrivateKey(jwkRepresentation: privateJWK).jwk
    case 6:
        // Error paths: a point off the curve, a public key where a private one is expected, a JWK for encryption.
        do { _ = try ES256.PublicKey(x963Representation: offCurve) } catch { refusals += 1 }
        do { _ = try ES256.PrivateKey(derRepresentation: publicDER) } catch { refusals += 1 }
        do { _ = try ES256.PublicKey(jwkRepresentation: privateJWK) } catch { refusals += 1 }
    default:
        // Keys created and dropped with their context pools populated.
        let key = try ES256.PrivateKey(derRepresentation: privateDER)
        if key.publicKey.isValidSignature(try key.signature(for: message), for: message) { verified += 0 }
    }
    imports += 1
}

let expectedVerified = 2 * cycles
print(
    "leak-check: \(cycles) cycles, \(signatures) signatures, \(verified)/\(expectedVerified) verification answers "
        + "correct, \(imports) imports, \(refusals) expected refusals"
)
if verified != expectedVerified {
    print("leak-check: FAILED, wrong verification answers")
    exit(1)
}

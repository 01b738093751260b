import JWTClaims

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Usage: LeakCheck [CYCLES]   (default 100000)
// Each cycle signs, verifies (a good and a tampered signature) and imports a key in one of several formats, so
// that every allocation path of the OpenSSL backend runs many times; some cycles also take error paths. Each cycle
// also signs and verifies a token, augments it, and imports a JWK Set or takes a token or augmentation error path.
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
var tokens = 0
var augmentations = 0
var keySets = 0

// Token-level objects: a signer with a kid, a verifier selecting by kid from a JWK Set, an augmenter.
let now = NumericDate(secondsSince1970: 1_700_000_000)
let other = try ES256.PrivateKey()
var signingJWK = signer.publicKey.jwk
signingJWK["kid"] = "leak-check"
var otherJWK = other.publicKey.jwk
otherJWK["kid"] = "other"
let keySetText = JSONValue.object([
    "keys": [.object(signingJWK), .object(otherJWK), ["kty": "RSA", "n": "AQAB", "e": "AQAB"], ["kty": "EC"]]
]).serialized()
let jwtSigner = JWTSigner(key: signer, keyID: "leak-check")
let keySet = try JWKSet(parsing: keySetText)
let jwtVerifier = JWTVerifier(keySet: keySet)
let augmenter = ClaimsAugmenter(verifier: jwtVerifier, signer: jwtSigner)
let claims: ClaimSet = ["iss": "leak-check", "sub": "alice", "exp": 1_700_003_600, "roles": ["a", "b"]]

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

    let token = try jwtSigner.sign(claims)
    guard try jwtVerifier.verify(token, now: now).claims == claims else {
        print("leak-check: FAILED, a token did not verify to its claims")
        exit(1)
    }
    tokens += 1
    let augmented = try augmenter.augment(token, with: ["cycle": .number(JSONNumber(cycle))], now: now)
    guard augmented.claims["cycle"]?.int64Value == Int64(cycle), augmented.claims["sub"] == "alice" else {
        print("leak-check: FAILED, an augmentation lost a claim")
        exit(1)
    }
    augmentations += 1
    switch cycle % 4 {
    case 0:
        let set = try JWKSet(parsing: keySetText)
        if set.entries.count == 2, set.skipped.count == 2 { keySets += 1 }
    case 1:
        // Refused before any cryptography: a protected claim, then attributes that are not JSON.
        do { _ = try augmenter.augment(token, with: ["exp": 1], now: now) } catch { refusals += 1 }
        do { _ = try augmenter.augment(token, withJSON: Array("{".utf8), now: now) } catch { refusals += 1 }
    case 2:
        // Refused after verification: a tampered token, an expired one, an unknown kid.
        var tampered = Array(token.utf8)
        tampered[tampered.count - 3] = tampered[tampered.count - 3] == UInt8(ascii: "A") ? 66 : 65
        let texts = [String(decoding: tampered, as: UTF8.self), token]
        do { _ = try jwtVerifier.verify(texts[0], now: now) } catch { refusals += 1 }
        do { _ = try augmenter.augment(texts[1], with: [:], now: NumericDate(secondsSince1970: 1_800_000_000)) } catch {
            refusals += 1
        }
        do { _ = try jwtVerifier.verify(try JWTSigner(key: other, keyID: "none").sign(claims), now: now) } catch {
            refusals += 1
        }
    default:
        // A JWK Set document that is refused: over its key limit.
        do { _ = try JWKSet(parsing: keySetText, maximumKeyCount: 1) } catch { refusals += 1 }
        keySets += 1
    }
}

let expectedVerified = 2 * cycles
print(
    "leak-check: \(cycles) cycles, \(signatures) signatures, \(verified)/\(expectedVerified) verification answers "
        + "correct, \(imports) key imports, \(tokens) tokens signed and verified, \(augmentations) augmentations, "
        + "\(keySets) JWK Set imports, \(refusals) expected refusals"
)
// What each cycle's switches must have refused and imported (see the two switches above).
let refusalsByCycleOf8: [Int] = [0, 0, 0, 0, 0, 0, 3, 0]
let refusalsByCycleOf4: [Int] = [0, 2, 3, 1]
var expectedRefusals = 0
var expectedKeySets = 0
for cycle in 0..<cycles {
    expectedRefusals += refusalsByCycleOf8[cycle % 8] + refusalsByCycleOf4[cycle % 4]
    if cycle % 4 == 0 || cycle % 4 == 3 { expectedKeySets += 1 }
}
if refusals != expectedRefusals || keySets != expectedKeySets {
    print("leak-check: FAILED, \(refusals)/\(expectedRefusals) refusals, \(keySets)/\(expectedKeySets) key sets")
    exit(1)
}
if verified != expectedVerified {
    print("leak-check: FAILED, wrong verification answers")
    exit(1)
}

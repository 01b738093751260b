import JWTClaims

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// Signs and verifies the reference ES256 token a given number of times, and nothing else, so that valgrind's
// callgrind can count the instructions one operation costs: run.sh runs each mode with N and with 0 iterations and
// divides the difference by N, which cancels the process start and the key import.
//
// Usage: CallgrindHarness MODE N
//   token          print the reference token (for floor.c, which verifies and signs the same bytes)
//   verify-token   JWTVerifier.verify of the token, N times
//   sign-token     JWTSigner.sign of the claims, N times
//   verify-raw     ES256.PublicKey.isValidSignature over the token's signing input, N times
//   sign-raw       ES256.PrivateKey.signature over the token's signing input, N times
//   verify-cached  JWTVerifier.verify with a JWTVerificationCache that already holds the token (hits), N times
//   hmac-sign-raw    HMAC.Key.signature (HS256) over the token's signing input, N times
//   hmac-verify-raw  HMAC.Key.isValidSignature (HS256) of that code, N times
//   hmac-sign-key    JWTSigningKey.signature over an HS256 key (what the algorithm benchmarks call), N times
//   hmac-verify-key  JWTVerificationKey.isValidSignature over an HS256 key, N times
//
// And, for loop.sh rather than callgrind: CallgrindHarness loop ALG sign|verify SECONDS (TimedLoop.swift).

/// Ten minutes after the reference token's `iat`, inside its lifetime.
let validationTime = NumericDate(secondsSince1970: 1_599_177_603 + 600)

struct HarnessError: Error, CustomStringConvertible {
    let description: String
}

let arguments = CommandLine.arguments
if arguments.count > 1, arguments[1] == "loop" {
    print(try timedLoop(arguments))
    exit(0)
}
guard arguments.count == 3, let count = Int(arguments[2]), count >= 0 else {
    throw HarnessError(description: "usage: CallgrindHarness MODE N (modes: see main.swift)")
}

let privateKey = try ES256.PrivateKey(pemRepresentation: BenchmarkKey.privateKeyPEM)
let publicKey = try ES256.PublicKey(pemRepresentation: BenchmarkKey.publicKeyPEM)
let signer = JWTSigner(key: privateKey)
let verifier = JWTVerifier(key: publicKey)
let cachedVerifier = JWTVerifier(key: publicKey, cache: JWTVerificationCache())
/// The HS256 secret floor.c uses too: 64 ASCII bytes.
let hmacKey = try HMAC.Key(bytes: Array(String(repeating: "0123456789abcdef", count: 4).utf8), algorithm: .hs256)
let claims = try ClaimSet(parsing: ReferencePayload.original)
let token = try signer.sign(claims)
let unverified = try UnverifiedJWT(decoding: token)
let signingInput = unverified.signingInput
let signature = unverified.signature
let hmacCode = try hmacKey.signature(for: signingInput)
let hmacSigningKey = JWTSigningKey(hmacKey)
let hmacVerificationKey = hmacSigningKey.verificationKey
// The miss that fills the cache, and the HMAC key's first context, happen here, so that the N = 0 run subtracts them.
guard publicKey.isValidSignature(signature, for: signingInput),
    hmacKey.isValidSignature(hmacCode, for: signingInput),
    try cachedVerifier.verify(token, now: validationTime).claims.count == claims.count
else {
    throw HarnessError(description: "the reference token does not verify")
}

var accepted = 0
switch arguments[1] {
case "token":
    print(token)
case "verify-cached":
    for _ in 0..<count {
        let verified = try cachedVerifier.verify(token, now: validationTime)
        accepted += verified.claims.count
    }
case "verify-token":
    for _ in 0..<count {
        let verified = try verifier.verify(token, now: validationTime)
        accepted += verified.claims.count
    }
case "sign-token":
    for _ in 0..<count {
        accepted += try signer.sign(claims).utf8.count
    }
case "verify-raw":
    for _ in 0..<count where publicKey.isValidSignature(signature, for: signingInput) {
        accepted += 1
    }
case "sign-raw":
    for _ in 0..<count {
        accepted += try privateKey.signature(for: signingInput).rawRepresentation.count
    }
case "hmac-sign-raw":
    for _ in 0..<count {
        accepted += try hmacKey.signature(for: signingInput).count
    }
case "hmac-verify-raw":
    for _ in 0..<count where hmacKey.isValidSignature(hmacCode, for: signingInput) {
        accepted += 1
    }
case "hmac-sign-key":
    for _ in 0..<count {
        accepted += try hmacSigningKey.signature(for: signingInput).count
    }
case "hmac-verify-key":
    for _ in 0..<count where hmacVerificationKey.isValidSignature(hmacCode, for: signingInput) {
        accepted += 1
    }
default:
    throw HarnessError(description: "unknown mode \(arguments[1])")
}
// Printed so that no loop can be optimized away.
if arguments[1] != "token" {
    print("\(arguments[1]) \(count): \(accepted)")
}

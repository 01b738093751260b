import Benchmark
import BenchmarkFixtures
import Foundation
import JWTClaims
import JWTKit
import JWTKitFixtures

// jwt-kit 5.8's side of "<signJWT|verifyJWT>/<ALG>-claims11/": the same key material as ours (imported from our
// key's PKCS#8 PEM, or for HMAC the same secret), the reference claims as jwt-kit's typed payload.

/// The HMAC secret both libraries use: 64 ASCII bytes, as long as SHA-512's output (jwt-kit takes a string).
let hmacSecret = String(repeating: "0123456789abcdef", count: 4)

/// A jwt-kit key collection holding `key`'s material for `algorithm`.
private func jwtKitKeys(for algorithm: JWSAlgorithm, key: JWTSigningKey) async throws -> JWTKeyCollection {
    let keys = JWTKeyCollection()
    let pem = key.pemRepresentation ?? ""
    let digests: [String: DigestAlgorithm] = ["256": .sha256, "384": .sha384, "512": .sha512]
    let digest = digests[String(algorithm.rawValue.suffix(3))]
    switch algorithm.rawValue.prefix(2) {
    case "ES":
        if algorithm == .es384 {
            await keys.add(ecdsa: try ES384PrivateKey(pem: pem))
        } else {
            await keys.add(ecdsa: try ES512PrivateKey(pem: pem))
        }
    case "Ed":
        await keys.add(eddsa: try EdDSA.PrivateKey(pem: pem))
    case "RS":
        guard let digest else { fatalError("jwt-kit benchmark: no digest for \(algorithm)") }
        await keys.add(rsa: try Insecure.RSA.PrivateKey(pem: pem), digestAlgorithm: digest)
    case "PS":
        guard let digest else { fatalError("jwt-kit benchmark: no digest for \(algorithm)") }
        await keys.add(pss: try Insecure.RSA.PrivateKey(pem: pem), digestAlgorithm: digest)
    case "HS":
        guard let digest else { fatalError("jwt-kit benchmark: no digest for \(algorithm)") }
        await keys.add(hmac: HMACKey(from: hmacSecret), digestAlgorithm: digest)
    default:
        fatalError("jwt-kit benchmark: no \(algorithm) in jwt-kit")
    }
    return keys
}

/// A jwt-kit key collection and a token it signed.
private struct SignedFixture: Sendable {
    let keys: JWTKeyCollection
    let token: String
}

/// jwt-kit's keys for `algorithm` and a token they signed with `claims`.
private func signedFixture(
    _ algorithm: JWSAlgorithm,
    _ key: JWTSigningKey,
    _ claims: ReferenceClaims
) async throws
    -> SignedFixture
{
    let keys = try await jwtKitKeys(for: algorithm, key: key)
    return SignedFixture(keys: keys, token: try await keys.sign(claims))
}

/// Registers jwt-kit's sign and verify for every algorithm beside ES256 (which JWTKitBenchmarks covers).
func registerJWTKitAlgorithmBenchmarks(keys ours: [JWSAlgorithm: JWTSigningKey]) {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    guard let claims = try? decoder.decode(ReferenceClaims.self, from: Data(ReferencePayload.original)) else {
        fatalError("jwt-kit algorithm benchmark: the reference payload does not decode")
    }
    for (algorithm, key) in ours.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        let name = algorithm.rawValue
        Benchmark("signJWT/\(name)-claims11/jwt-kit-typed") { benchmark, keys in
            for _ in benchmark.scaledIterations {
                blackHole(try await keys.sign(claims))
            }
        } setup: {
            try await jwtKitKeys(for: algorithm, key: key)
        }
        Benchmark("verifyJWT/\(name)-claims11/jwt-kit-typed") { benchmark, fixture in
            for _ in benchmark.scaledIterations {
                blackHole(try await fixture.keys.verify(fixture.token, as: ReferenceClaims.self))
            }
        } setup: {
            try await signedFixture(algorithm, key, claims)
        }
    }
}

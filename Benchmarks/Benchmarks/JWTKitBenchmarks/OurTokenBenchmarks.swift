import Benchmark
import BenchmarkFixtures
import JWTClaims

// Our side of the token comparison: the same 11-claim payload, the same key, the same operations as the jwt-kit
// benchmarks in this target, named "<operation>/claims11/ours" so that Scripts/bench-report.py pairs them.

/// Ten minutes after the reference token's `iat`, like `ReferenceClaims.validationTime` on the jwt-kit side.
private let validationTime = NumericDate(secondsSince1970: 1_599_177_603 + 600)

/// The reference page's custom attributes.
private let customAttributes: JSONObject = ["username": "helloworld", "role": "admin", "user_id": 125]

func registerOurTokenBenchmarks() {
    let signer: JWTSigner
    let verifier: JWTVerifier
    let augmenter: ClaimsAugmenter
    let claims: ClaimSet
    let token: String
    do {
        let key = try ES256.PrivateKey(pemRepresentation: BenchmarkKey.privateKeyPEM)
        signer = JWTSigner(key: key)
        verifier = JWTVerifier(key: key.publicKey)
        augmenter = ClaimsAugmenter(verifier: verifier, signer: signer)
        claims = try ClaimSet(parsing: ReferencePayload.original)
        token = try signer.sign(claims)
        let verified = try verifier.verify(token, now: validationTime)
        let augmented = try augmenter.augment(token, with: customAttributes, now: validationTime)
        guard verified.claims.serialized() == ReferencePayload.originalText,
            augmented.claims.serialized() == ReferencePayload.augmentedText
        else {
            fatalError("token benchmark: the reference claims do not round-trip")
        }
    } catch {
        fatalError("token benchmark: cannot set up: \(error)")
    }

    Benchmark("sign/claims11/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try signer.sign(claims))
        }
    }
    Benchmark("verify/claims11/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try verifier.verify(token, now: validationTime))
        }
    }
    Benchmark("decode/claims11/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try UnverifiedJWT(decoding: token))
        }
    }
    Benchmark("augment/claims11/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try augmenter.augment(token, with: customAttributes, now: validationTime))
        }
    }
}

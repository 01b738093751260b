import Benchmark
import BenchmarkFixtures
import Foundation
import JWTKit
import JWTKitFixtures

// vapor/jwt-kit signing, verifying, decoding (unverified) and augmenting (verify, add the page's custom attributes,
// sign) an ES256 token whose payload is the reference page's 11 claims, with a typed payload struct and with a
// dynamic one. Our library's side is in OurTokenBenchmarks.swift, as "<operation>/claims11/ours":
// Scripts/bench-report.py pairs benchmarks whose names share "<operation>/<input>/" and compares every
// implementation with "ours".

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .reported()

    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    guard let typedClaims = try? decoder.decode(ReferenceClaims.self, from: Data(ReferencePayload.original)),
        let dynamicClaims = try? decoder.decode(DynamicClaims.self, from: Data(ReferencePayload.original)),
        dynamicClaims.claims.count == 11
    else {
        fatalError("jwt-kit benchmark: the reference payload does not decode")
    }

    Benchmark("sign/claims11/jwt-kit-typed") { benchmark, keys in
        for _ in benchmark.scaledIterations {
            blackHole(try await keys.sign(typedClaims))
        }
    } setup: {
        try await makeKeys()
    }
    Benchmark("sign/claims11/jwt-kit-dynamic") { benchmark, keys in
        for _ in benchmark.scaledIterations {
            blackHole(try await keys.sign(dynamicClaims))
        }
    } setup: {
        try await makeKeys()
    }

    Benchmark("verify/claims11/jwt-kit-typed") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.keys.verify(fixture.token, as: ReferenceClaims.self))
        }
    } setup: {
        try await makeSignedFixture(typedClaims)
    }
    Benchmark("verify/claims11/jwt-kit-dynamic") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.keys.verify(fixture.token, as: DynamicClaims.self))
        }
    } setup: {
        try await makeSignedFixture(typedClaims)
    }

    Benchmark("decode/claims11/jwt-kit-typed") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.keys.unverified(fixture.token, as: ReferenceClaims.self))
        }
    } setup: {
        try await makeSignedFixture(typedClaims)
    }
    Benchmark("decode/claims11/jwt-kit-dynamic") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.keys.unverified(fixture.token, as: DynamicClaims.self))
        }
    } setup: {
        try await makeSignedFixture(typedClaims)
    }

    // Augment: verify the token, add username, role and user_id, sign the result.
    Benchmark("augment/claims11/jwt-kit-typed") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            let original = try await fixture.keys.verify(fixture.token, as: ReferenceClaims.self)
            let augmented = AugmentedClaims(original: original, username: "helloworld", role: "admin", userID: 125)
            blackHole(try await fixture.keys.sign(augmented))
        }
    } setup: {
        try await makeSignedFixture(typedClaims)
    }
    Benchmark("augment/claims11/jwt-kit-dynamic") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            var payload = try await fixture.keys.verify(fixture.token, as: DynamicClaims.self)
            payload.claims["username"] = .string("helloworld")
            payload.claims["role"] = .string("admin")
            payload.claims["user_id"] = .integer(125)
            blackHole(try await fixture.keys.sign(payload))
        }
    } setup: {
        try await makeSignedFixture(typedClaims)
    }

    registerOurTokenBenchmarks()
}

/// A key collection holding the benchmark key, as a jwt-kit user sets one up.
private func makeKeys() async throws -> JWTKeyCollection {
    let key = try ES256PrivateKey(pem: BenchmarkKey.privateKeyPEM)
    return await JWTKeyCollection().add(ecdsa: key)
}

/// A key collection and a token it signed, checked to verify and to carry the reference claims.
private struct SignedFixture: Sendable {
    let keys: JWTKeyCollection
    let token: String
}

private func makeSignedFixture(_ claims: ReferenceClaims) async throws -> SignedFixture {
    let keys = try await makeKeys()
    let token = try await keys.sign(claims)
    guard try await keys.verify(token, as: ReferenceClaims.self) == claims else {
        fatalError("jwt-kit benchmark: the signed token does not round-trip")
    }
    return SignedFixture(keys: keys, token: token)
}

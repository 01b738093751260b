import FuzzSupport
import JWTClaims

/// Token decoding and verification with a fixed key, and every other algorithm's verifier and signer.
///
/// For every input (as token text): decoding and verifying either fail with a well-formed `JWTError`, or succeed
/// consistently: a token that verifies also decodes to the same header and claims, only with `alg` ES256, and its
/// signature verifies with the fixed key over its signing input. Any claims that decode are then signed with the
/// fixed key, and that token must verify and give back exactly those claims.
///
/// Every other algorithm (ES384 to HS512) has a verifier over a key made when the fuzzer starts, which no input can
/// hold a signature of: each must refuse every input with a well-formed error, whatever `alg` the fuzzer writes.
/// For one input in four, the decoded claims are also re-signed with one of those keys, chosen by the input's length,
/// so that every algorithm's signer is exercised without running twelve signatures per input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzToken(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = unsafe inputBytes(data, size)
    checkToken(String(decoding: input, as: UTF8.self), input)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzToken_main`): hands over to libFuzzer's driver.
@_cdecl("FuzzToken_main")
public func fuzzTokenMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    unsafe runFuzzer(argc, argv, warmUp: warmUp, callback: callback)
}

/// Makes the lazily created globals before the first input (see `runFuzzer`).
private func warmUp() {
    _ = (decodeErrors, headerErrors, verifyErrors, verifier, keySet, keySetVerifier, signer, otherAlgorithms)
}

private func callback(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = unsafe data else { return 0 }
    return unsafe fuzzToken(data, size)
}

private let decodeErrors: Set<JWTError.Code> = [
    .limitExceeded, .malformedToken, .invalidBase64URL, .invalidJSON, .duplicateMember, .invalidHeader,
    .invalidClaims, .invalidSignatureEncoding,
]

/// What the verifier judges from the header alone, before it decodes the signature and the payload.
private let headerErrors: Set<JWTError.Code> = [
    .unsupportedAlgorithm, .unsupportedCriticalHeader, .unknownKeyID, .ambiguousKey,
]

private let verifyErrors: Set<JWTError.Code> = decodeErrors.union(headerErrors).union([
    .invalidSignature,
    .invalidClaimValue, .expired, .notYetValid, .issuedInFuture, .wrongType, .wrongIssuer, .wrongAudience,
    .missingClaim,
])

private let verifier = JWTVerifier(key: FuzzFixtures.publicKey)

/// A key set with the fixed key under its `kid` and a second, unrelated key, so `kid` selection is exercised.
private let keySet: JWKSet = {
    do {
        let other = try ES256.PrivateKey().publicKey
        return JWKSet([
            JWKSet.Entry(keyID: FuzzFixtures.keyID, key: FuzzFixtures.publicKey),
            JWKSet.Entry(keyID: "other", key: other),
        ])
    } catch {
        invariantFailure("cannot make the key set: \(error)", [])
    }
}()

/// The verifier stores the set inside an enum whose case tag lives in the pointer's spare bits, which LeakSanitizer
/// cannot follow; the plain `keySet` global above keeps the set visibly reachable, so its arrays are not reported as
/// leaked at exit.
private let keySetVerifier = JWTVerifier(keySet: keySet)

private let signer = JWTSigner(key: FuzzFixtures.privateKey, keyID: FuzzFixtures.keyID)

/// A fresh key, its verifier and its signer for each algorithm beside ES256.
private let otherAlgorithms: [(key: JWTSigningKey, verifier: JWTVerifier, signer: JWTSigner)] = {
    do {
        return try JWSAlgorithm.allCases.filter { $0 != .es256 }.map { (algorithm) throws(JWTError) in
            let key = try JWTSigningKey(generatingFor: algorithm)
            return (key, JWTVerifier(key: key.verificationKey), JWTSigner(key: key, keyID: algorithm.rawValue))
        }
    } catch {
        invariantFailure("cannot make the other algorithms' keys: \(error)", [])
    }
}()

private func checkToken(_ token: String, _ input: [UInt8]) {
    let length = token.utf8.count
    let decoded: UnverifiedJWT?
    do {
        decoded = try UnverifiedJWT(decoding: token)
    } catch {
        requireWellFormed(error, codes: decodeErrors, inputLength: length, input)
        decoded = nil
    }
    for (name, verifier) in [("single key", verifier), ("key set", keySetVerifier)] {
        do {
            let verified = try verifier.verify(token, now: FuzzFixtures.now)
            guard let decoded else {
                invariantFailure("\(name): verified a token that does not decode", input)
            }
            require(verified.header == decoded.header, "\(name): verified and decoded headers differ", input)
            require(verified.claims == decoded.claims, "\(name): verified and decoded claims differ", input)
            require(verified.header.algorithm == "ES256", "\(name): verified alg \(verified.header.algorithm)", input)
            require(
                FuzzFixtures.publicKey.isValidSignature(decoded.signature, for: decoded.signingInput),
                "\(name): verified a signature the key refuses",
                input
            )
        } catch {
            requireWellFormed(error, codes: verifyErrors, inputLength: length, input)
            if decoded == nil {
                // What does not decode never reaches claim validation: the header checks (alg, crit, kid) come
                // before the signature and payload are decoded, and the claims are parsed only after the signature
                // verified (so a forged token with bad claims is an invalid signature).
                require(
                    decodeErrors.union(headerErrors).union([.invalidSignature]).contains(error.code),
                    "\(name): \(error.code) for undecodable text",
                    input
                )
            }
        }
    }
    for other in otherAlgorithms {
        do {
            let verified = try other.verifier.verify(token, now: FuzzFixtures.now)
            invariantFailure("a fresh \(other.key.algorithm) key verified a fuzzed token (\(verified.header))", input)
        } catch {
            requireWellFormed(error, codes: verifyErrors, inputLength: length, input)
        }
    }
    if let decoded {
        checkResign(decoded, input)
        // One input in four, so that RSA signing (most of a millisecond) does not cut the executions per second
        // several-fold; the algorithm goes round with the length.
        if length % 4 == 0 {
            checkResignOther(decoded, with: otherAlgorithms[(length / 4) % otherAlgorithms.count], input)
        }
    }
}

/// Signs claims that decoded with another algorithm's key: the token names that algorithm, its signature verifies
/// with the key's verification key, and it carries exactly the same claims.
private func checkResignOther(
    _ decoded: UnverifiedJWT,
    with other: (key: JWTSigningKey, verifier: JWTVerifier, signer: JWTSigner),
    _ input: [UInt8]
) {
    let resigned: UnverifiedJWT
    do {
        let token = try other.signer.sign(decoded.claims)
        resigned = try UnverifiedJWT(decoding: token, limits: JWTLimits(maximumTokenSize: 1 << 20))
    } catch {
        invariantFailure("signing decoded claims with \(other.key.algorithm) failed: \(error)", input)
    }
    require(resigned.header.algorithm == other.key.algorithm.rawValue, "re-signed with the wrong alg", input)
    require(
        other.key.verificationKey.isValidSignature(resigned.signature, for: resigned.signingInput),
        "a \(other.key.algorithm) token the library signed does not verify",
        input
    )
    require(resigned.claims.serialized() == decoded.claims.serialized(), "re-signed claims written differently", input)
}

/// Signs claims that decoded; the new token must verify and carry exactly the same claims, byte for byte.
private func checkResign(_ decoded: UnverifiedJWT, _ input: [UInt8]) {
    let token: String
    do {
        token = try signer.sign(decoded.claims)
    } catch {
        invariantFailure("signing decoded claims failed: \(error)", input)
    }
    let resigned: UnverifiedJWT
    do {
        resigned = try UnverifiedJWT(decoding: token, limits: JWTLimits(maximumTokenSize: 1 << 20))
    } catch {
        invariantFailure("a token the library signed does not decode: \(error)", input)
    }
    require(
        FuzzFixtures.publicKey.isValidSignature(resigned.signature, for: resigned.signingInput),
        "a token the library signed does not verify",
        input
    )
    require(resigned.header.keyID == FuzzFixtures.keyID, "the re-signed token lost its kid", input)
    require(resigned.claims == decoded.claims, "re-signed claims differ", input)
    require(resigned.claims.serialized() == decoded.claims.serialized(), "re-signed claims written differently", input)
}

import FuzzSupport
import JWTClaims

/// Key recognition by content for every family: `JWTSigningKey` and `JWTVerificationKey` from PEM (PKCS#8, SEC1,
/// PKCS#1, SPKI), DER and JWK, and `JWKSet` with a default algorithm, for EC P-256/P-384/P-521, Ed25519, RSA and
/// `oct` keys.
///
/// The first byte chooses the format (its value modulo 7, see `Format`) and the algorithm the caller asks for (its
/// value divided by 7, modulo 14: none, or one of the thirteen). Every import either fails with a well-formed
/// `JWTError`, or gives a key bound to the asked algorithm (if any) whose exports import back to the same key; a
/// private key signs what its verification key verifies, and neither an empty nor an all-zero signature verifies.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyRecognition(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = unsafe inputBytes(data, size)
    guard let selector = input.first, let format = Format(rawValue: selector % 7) else { return 0 }
    let choice = Int(selector / 7) % 14
    let algorithm = choice == 0 ? nil : JWSAlgorithm.allCases[choice - 1]
    checkImport(format, algorithm, Array(input.dropFirst()), input)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzKeyRecognition_main`): hands over to libFuzzer's driver.
@_cdecl("FuzzKeyRecognition_main")
public func fuzzKeyRecognitionMain(
    _ argc: CInt,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    unsafe runFuzzer(argc, argv, warmUp: warmUp, callback: callback)
}

/// Makes the lazily created globals before the first input (see `runFuzzer`).
private func warmUp() {
    _ = (keyErrors, message, JWSAlgorithm.allCases)
}

private func callback(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = unsafe data else { return 0 }
    return unsafe fuzzKeyRecognition(data, size)
}

/// The formats, by the selector byte's value modulo 7.
private enum Format: UInt8 {
    case privatePEM, publicPEM, privateDER, publicDER, privateJWK, publicJWK, keySet
}

private let keyErrors: Set<JWTError.Code> = [
    .invalidKey, .unsupportedKey, .invalidJSON, .duplicateMember, .limitExceeded, .invalidBase64URL,
    .cryptographicFailure, .typeMismatch,
]

private let message = Array("fuzzing key recognition".utf8)

private func checkImport(_ format: Format, _ algorithm: JWSAlgorithm?, _ body: [UInt8], _ input: [UInt8]) {
    let text = String(decoding: body, as: UTF8.self)
    do {
        switch format {
        case .privatePEM:
            checkPrivate(try JWTSigningKey(pemRepresentation: text, algorithm: algorithm), algorithm, input)
        case .privateDER:
            checkPrivate(try JWTSigningKey(derRepresentation: body, algorithm: algorithm), algorithm, input)
        case .privateJWK:
            checkPrivate(try JWTSigningKey(jwkRepresentation: text, algorithm: algorithm), algorithm, input)
        case .publicPEM:
            checkPublic(try JWTVerificationKey(pemRepresentation: text, algorithm: algorithm), algorithm, input)
        case .publicDER:
            checkPublic(try JWTVerificationKey(derRepresentation: body, algorithm: algorithm), algorithm, input)
        case .publicJWK:
            checkPublic(try JWTVerificationKey(jwkRepresentation: text, algorithm: algorithm), algorithm, input)
        case .keySet:
            try checkKeySet(body, algorithm, input)
        }
    } catch {
        // Offsets of key errors are not positions in the selector-prefixed input; only the code and reason matter.
        requireWellFormed(error, codes: keyErrors, inputLength: Int.max, input)
    }
}

private func checkPrivate(_ key: JWTSigningKey, _ asked: JWSAlgorithm?, _ input: [UInt8]) {
    if let asked { require(key.algorithm == asked, "bound to \(key.algorithm), asked \(asked)", input) }
    do {
        if let der = key.derRepresentation, let pem = key.pemRepresentation {
            let fromDER = try JWTSigningKey(derRepresentation: der, algorithm: key.algorithm)
            require(fromDER.derRepresentation == der, "DER round trip", input)
            require(
                try JWTSigningKey(pemRepresentation: pem, algorithm: key.algorithm).derRepresentation == der,
                "PEM",
                input
            )
        } else {
            require(key.algorithm.rawValue.hasPrefix("HS"), "a non-HMAC key without DER", input)
        }
        let fromJWK = try JWTSigningKey(jwk: key.jwk, algorithm: key.algorithm)
        require(fromJWK.thumbprint == key.thumbprint, "JWK round trip", input)
        let signature = try key.signature(for: message)
        require(key.verificationKey.isValidSignature(signature, for: message), "a key's own signature fails", input)
        require(!key.verificationKey.isValidSignature(signature, for: message + [0]), "another message verified", input)
    } catch {
        invariantFailure("an exported private key does not import or sign: \(error)", input)
    }
    for secret in ["d", "k"] {
        if let value = key.jwk[secret]?.stringValue, !value.isEmpty {
            require(!key.description.contains(value), "description shows \(secret)", input)
        }
    }
    checkPublic(key.verificationKey, key.algorithm, input)
}

private func checkPublic(_ key: JWTVerificationKey, _ asked: JWSAlgorithm?, _ input: [UInt8]) {
    if let asked { require(key.algorithm == asked, "bound to \(key.algorithm), asked \(asked)", input) }
    do {
        if let der = key.derRepresentation, let pem = key.pemRepresentation, let jwk = key.publicJWK {
            require(try JWTVerificationKey(derRepresentation: der, algorithm: key.algorithm) == key, "DER", input)
            require(try JWTVerificationKey(pemRepresentation: pem, algorithm: key.algorithm) == key, "PEM", input)
            require(try JWTVerificationKey(jwk: jwk, algorithm: key.algorithm) == key, "JWK round trip", input)
        } else {
            require(key.isSecret, "a public key without a public form", input)
        }
    } catch {
        invariantFailure("an exported public key does not import: \(error)", input)
    }
    require(key.thumbprint.utf8.count == 43, "a thumbprint that is not 32 bytes of Base64URL", input)
    for length in [0, 32, 48, 64, 96, 132, 256, 384, 512] {
        let zero = [UInt8](repeating: 0, count: length)
        require(!key.isValidSignature(zero, for: message), "an all-zero signature of \(length) bytes verified", input)
    }
}

private func checkKeySet(_ body: [UInt8], _ algorithm: JWSAlgorithm?, _ input: [UInt8]) throws(JWTError) {
    let maximum = 8
    let set = try JWKSet(parsing: body, maximumKeyCount: maximum, defaultAlgorithm: algorithm)
    require(set.entries.count + set.skipped.count <= maximum, "more keys than the limit", input)
    var indices = Set<Int>()
    for skipped in set.skipped {
        require(!skipped.reason.isEmpty, "a skipped key without a reason", input)
        require(indices.insert(skipped.index).inserted, "a key skipped twice", input)
    }
    let secrets = set.entries.filter(\.key.isSecret).count
    require(secrets == 0 || secrets == set.entries.count, "a set mixing secret and public keys", input)
    for entry in set.entries {
        checkPublic(entry.key, nil, input)
        if let keyID = entry.keyID {
            do {
                require(try set.key(forKeyID: keyID) == entry.key, "kid selected another key", input)
            } catch {
                require(error.code == .ambiguousKey, "kid lookup failed with \(error.code)", input)
            }
        }
    }
}

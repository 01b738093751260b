import FuzzSupport
import JWTClaims

/// Key import: PEM, DER, JWK and JWK Set, private and public, and raw X9.63 points.
///
/// The first byte of the input chooses the format (its value modulo 8, see `Format`); the rest is the encoded key.
/// Every import either fails with a well-formed `JWTError`, or gives a key whose every export imports back to the
/// same key; an imported private key signs, and its public key verifies what it signed. A JWK Set never holds more
/// keys than allowed, and every skipped key has a reason and a valid index.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = unsafe inputBytes(data, size)
    guard let selector = input.first, let format = Format(rawValue: selector % 8) else { return 0 }
    checkImport(format, Array(input.dropFirst()), input)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzKeyImport_main`): hands over to libFuzzer's driver.
@_cdecl("FuzzKeyImport_main")
public func fuzzKeyImportMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    unsafe runFuzzer(argc, argv, warmUp: warmUp, callback: callback)
}

/// Makes the lazily created globals before the first input (see `runFuzzer`).
private func warmUp() {
    _ = (keyErrors, message)
}

private func callback(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = unsafe data else { return 0 }
    return unsafe fuzzKeyImport(data, size)
}

/// The formats, by the selector byte's value modulo 8.
private enum Format: UInt8 {
    case privatePEM, publicPEM, privateDER, publicDER, privateJWK, publicJWK, keySet, publicX963
}

private let keyErrors: Set<JWTError.Code> = [
    .invalidKey, .unsupportedKey, .invalidJSON, .duplicateMember, .limitExceeded, .invalidBase64URL,
    .cryptographicFailure, .typeMismatch,
]

private func checkImport(_ format: Format, _ body: [UInt8], _ input: [UInt8]) {
    let text = String(decoding: body, as: UTF8.self)
    do {
        switch format {
        case .privatePEM: checkPrivate(try ES256.PrivateKey(pemRepresentation: text), input)
        case .privateDER: checkPrivate(try ES256.PrivateKey(derRepresentation: body), input)
        case .privateJWK: checkPrivate(try ES256.PrivateKey(jwkRepresentation: text), input)
        case .publicPEM: checkPublic(try ES256.PublicKey(pemRepresentation: text), input)
        case .publicDER: checkPublic(try ES256.PublicKey(derRepresentation: body), input)
        case .publicJWK: checkPublic(try ES256.PublicKey(jwkRepresentation: text), input)
        case .publicX963: checkPublic(try ES256.PublicKey(x963Representation: body), input)
        case .keySet: try checkKeySet(body, input)
        }
    } catch {
        // Offsets of key errors are not positions in the selector-prefixed input; only the code and reason matter.
        requireWellFormed(error, codes: keyErrors, inputLength: Int.max, input)
    }
}

private let message = Array("fuzzing key import".utf8)

private func checkPrivate(_ key: ES256.PrivateKey, _ input: [UInt8]) {
    let der = key.derRepresentation
    do {
        require(try ES256.PrivateKey(derRepresentation: der).derRepresentation == der, "DER round trip", input)
        require(
            try ES256.PrivateKey(pemRepresentation: key.pemRepresentation).derRepresentation == der,
            "PEM round trip",
            input
        )
        require(try ES256.PrivateKey(jwk: key.jwk).derRepresentation == der, "JWK round trip", input)
        let signature = try key.signature(for: message)
        require(key.publicKey.isValidSignature(signature, for: message), "a key's own signature fails", input)
    } catch {
        invariantFailure("an exported private key does not import or sign: \(error)", input)
    }
    require(!key.description.contains(key.jwk["d"]?.stringValue ?? "\u{0}"), "description shows d", input)
    checkPublic(key.publicKey, input)
}

private func checkPublic(_ key: ES256.PublicKey, _ input: [UInt8]) {
    do {
        require(try ES256.PublicKey(derRepresentation: key.derRepresentation) == key, "DER round trip", input)
        require(try ES256.PublicKey(pemRepresentation: key.pemRepresentation) == key, "PEM round trip", input)
        require(try ES256.PublicKey(jwk: key.jwk) == key, "JWK round trip", input)
        require(try ES256.PublicKey(x963Representation: key.x963Representation) == key, "X9.63 round trip", input)
    } catch {
        invariantFailure("an exported public key does not import: \(error)", input)
    }
    require(key.thumbprint.utf8.count == 43, "a thumbprint that is not 32 bytes of Base64URL", input)
    // A signature that is all zeros (CVE-2022-21449) never verifies.
    if let zero = try? ES256.Signature(rawRepresentation: [UInt8](repeating: 0, count: 64)) {
        require(!key.isValidSignature(zero, for: message), "an all-zero signature verified", input)
    }
}

private func checkKeySet(_ body: [UInt8], _ input: [UInt8]) throws(JWTError) {
    let maximum = 8
    let set = try JWKSet(parsing: body, maximumKeyCount: maximum)
    require(set.entries.count + set.skipped.count <= maximum, "more keys than the limit", input)
    var indices = Set<Int>()
    for skipped in set.skipped {
        require(!skipped.reason.isEmpty, "a skipped key without a reason", input)
        require(skipped.index >= 0 && skipped.index < maximum, "a skipped index out of range", input)
        require(indices.insert(skipped.index).inserted, "a key skipped twice", input)
    }
    for entry in set.entries {
        // A set holds keys of any family now; the ES256 ones get the full public-key checks (FuzzKeyRecognition
        // covers the other families), through the DER export every public key has.
        if entry.key.algorithm == .es256 {
            let reimported = entry.key.derRepresentation.flatMap { try? ES256.PublicKey(derRepresentation: $0) }
            require(reimported != nil, "an ES256 key in a set did not re-import from its DER", input)
            if let reimported { checkPublic(reimported, input) }
        }
        if let keyID = entry.keyID {
            do {
                let selected = try set.key(forKeyID: keyID)
                require(selected == entry.key, "kid selected another key", input)
            } catch {
                require(error.code == .ambiguousKey, "kid lookup failed with \(error.code)", input)
            }
        }
    }
    let unknown = "\u{0}no such key\u{0}"
    guard !set.entries.contains(where: { $0.keyID == unknown }) else { return }
    do {
        _ = try set.key(forKeyID: unknown)
        invariantFailure("an unknown kid selected a key", input)
    } catch {
        require(error.code == .unknownKeyID, "unknown kid gave \(error.code)", input)
    }
}

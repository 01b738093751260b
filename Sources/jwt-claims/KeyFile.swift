import JWTClaims

/// A key file, recognised by its content: PEM (PKCS#8, SEC1, PKCS#1 or SPKI), DER, a JWK, or a JWK Set, of any key
/// kind JOSE signs with (EC P-256/P-384/P-521, Ed25519, RSA, and `oct` secrets in JWK form).
///
/// The rule for choosing a key (the CLI contract): a single key (PEM, DER, or a JWK without `kid`) verifies every
/// token, whatever `kid` the token carries; a JWK with a `kid`, or a JWK Set, selects by the token's `kid`, so an
/// unknown `kid` is refused, and so is a token without `kid` when the set holds several keys. A private key verifies
/// with its public key.
///
/// The key decides its algorithm: the JWK's `alg`, else the only one its type allows (EC curve, Ed25519), else the
/// `--alg` the command was given, else RS256 for an RSA key. An `oct` key needs `alg` or `--alg`. A JWK `alg` that
/// disagrees with `--alg`, or an `--alg` the key cannot do, is bad input (exit 2).
struct KeyFile: Sendable {
    /// What the file holds.
    enum Contents: Sendable {
        /// A private key (or an HMAC secret), with the `kid` of its JWK if it had one.
        case privateKey(JWTSigningKey, keyID: String?)
        /// A public key, with the `kid` of its JWK if it had one.
        case publicKey(JWTVerificationKey, keyID: String?)
        /// The usable keys of a JWK Set (at least one).
        case keySet(JWKSet)
    }

    /// Key files are small; anything larger is not a key (and `/dev/zero` must not exhaust memory).
    static let maximumSize = 4 << 20

    /// The algorithm of an RSA key that says none, and was given none (the CLI contract).
    static let defaultRSAAlgorithm = JWSAlgorithm.rs256

    /// How the file is named in messages: `key file 'k.pem'`.
    let label: String
    /// The key or keys.
    let contents: Contents

    /// Reads and parses the key file at `path`.
    ///
    /// - Throws: ``CLIError`` (status 2) naming the file: unreadable, too large, empty, or not a valid key.
    init(path: String, algorithm: JWSAlgorithm? = nil) throws(CLIError) {
        let source = InputSource(path, role: "key file")
        try self.init(bytes: source.readAll(limit: Self.maximumSize), label: source.label, algorithm: algorithm)
    }

    /// Parses key file content; `label` names it in messages, and `algorithm` is the command's `--alg`, if any.
    ///
    /// - Throws: ``CLIError`` (status 2) naming `label` and the problem.
    init(bytes: [UInt8], label: String, algorithm: JWSAlgorithm? = nil) throws(CLIError) {
        self.label = label
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard let first = bytes.first(where: { !whitespace.contains($0) }) else {
            throw .badInput("\(label) is empty")
        }
        switch first {
        case UInt8(ascii: "-"):
            contents = try Self.library(label) { () throws(JWTError) in
                try Self.parsePEM(String(decoding: bytes, as: UTF8.self), algorithm: algorithm)
            }
        case UInt8(ascii: "{"):
            contents = try Self.parseJSON(bytes, label: label, algorithm: algorithm)
        case 0x30 where bytes.first == 0x30:
            contents = try Self.library(label) { () throws(JWTError) in try Self.parseDER(bytes, algorithm: algorithm) }
        default:
            throw .badInput(
                "\(label) is not a key: expected PEM (\"-----BEGIN ...\"), a JWK or JWK Set (JSON), or DER"
            )
        }
    }

    /// The verifier for this key under `options`: one key for every token, or selection by `kid`.
    func verifier(options: JWTValidationOptions) -> JWTVerifier {
        switch contents {
        case .privateKey(let key, let keyID):
            return Self.verifier(key.verificationKey, keyID: keyID, options: options)
        case .publicKey(let key, let keyID):
            return Self.verifier(key, keyID: keyID, options: options)
        case .keySet(let set):
            return JWTVerifier(keySet: set, options: options)
        }
    }

    /// The private key and its JWK `kid`, for signing.
    ///
    /// - Throws: ``CLIError`` (status 2) when the file holds only public keys.
    func signingKey() throws(CLIError) -> (key: JWTSigningKey, keyID: String?) {
        switch contents {
        case .privateKey(let key, let keyID):
            return (key, keyID)
        case .publicKey:
            throw .badInput("\(label) holds a public key; signing needs a private key")
        case .keySet:
            throw .badInput("\(label) is a JWK Set; signing needs one private key (PEM or JWK)")
        }
    }

    /// The public keys of the file, in order, with their `kid`s.
    var publicKeys: [JWKSet.Entry] {
        switch contents {
        case .privateKey(let key, let keyID): return [JWKSet.Entry(keyID: keyID, key: key.verificationKey)]
        case .publicKey(let key, let keyID): return [JWKSet.Entry(keyID: keyID, key: key)]
        case .keySet(let set): return set.entries
        }
    }

    private static func verifier(
        _ key: JWTVerificationKey,
        keyID: String?,
        options: JWTValidationOptions
    ) -> JWTVerifier {
        guard let keyID else { return JWTVerifier(key: key, options: options) }
        // A JWK with a kid selects by kid, exactly like a JWK Set of that one key.
        return JWTVerifier(keySet: JWKSet([JWKSet.Entry(keyID: keyID, key: key)]), options: options)
    }

    private static func parsePEM(_ text: String, algorithm: JWSAlgorithm?) throws(JWTError) -> Contents {
        if text.contains("PUBLIC KEY-----") {
            // SPKI (`PUBLIC KEY`) or PKCS#1 (`RSA PUBLIC KEY`).
            let key = try withDefaultAlgorithm(algorithm) { (algorithm) throws(JWTError) in
                try JWTVerificationKey(pemRepresentation: text, algorithm: algorithm)
            }
            return .publicKey(key, keyID: nil)
        }
        // PKCS#8, SEC1 or PKCS#1; any other label gets the library's explanation (a certificate, ...).
        let key = try withDefaultAlgorithm(algorithm) { (algorithm) throws(JWTError) in
            try JWTSigningKey(pemRepresentation: text, algorithm: algorithm)
        }
        return .privateKey(key, keyID: nil)
    }

    private static func parseDER(_ bytes: [UInt8], algorithm: JWSAlgorithm?) throws(JWTError) -> Contents {
        do throws(JWTError) {
            let key = try withDefaultAlgorithm(algorithm) { (algorithm) throws(JWTError) in
                try JWTSigningKey(derRepresentation: bytes, algorithm: algorithm)
            }
            return .privateKey(key, keyID: nil)
        } catch let privateError {
            let key = try? withDefaultAlgorithm(algorithm) { (algorithm) throws(JWTError) in
                try JWTVerificationKey(derRepresentation: bytes, algorithm: algorithm)
            }
            guard let key else { throw privateError }
            return .publicKey(key, keyID: nil)
        }
    }

    /// Imports with `algorithm`; without one, an RSA key that the library refuses for want of an algorithm is
    /// imported as RS256 (the contract's default). PEM and DER never hold an HMAC secret, so only an RSA key asks
    /// which algorithm, and only an RSA key imports as RS256: the retry with RS256 fails for every other key (an EC
    /// or Ed25519 key decides its own algorithm and refuses another), and then the first refusal is the one reported.
    /// (Deciding by the refusal's code and a retry, not by the words of its reason, which may change.)
    private static func withDefaultAlgorithm<Key>(
        _ algorithm: JWSAlgorithm?,
        _ body: (JWSAlgorithm?) throws(JWTError) -> Key
    ) throws(JWTError) -> Key {
        if algorithm != nil { return try body(algorithm) }
        do throws(JWTError) {
            return try body(nil)
        } catch let refusal {
            guard refusal.code == .unsupportedKey else { throw refusal }
            do throws(JWTError) {
                return try body(defaultRSAAlgorithm)
            } catch {
                throw refusal
            }
        }
    }

    private static func parseJSON(
        _ bytes: [UInt8],
        label: String,
        algorithm: JWSAlgorithm?
    ) throws(CLIError)
        -> Contents
    {
        let object = try library(label) { () throws(JWTError) in try JSONObject(parsing: bytes) }
        if object["keys"] != nil {
            // RSA keys without alg take --alg or RS256; oct keys without alg take --alg, and are skipped without it
            // (RS256 is no HMAC algorithm).
            let set = try library(label) { () throws(JWTError) in
                try JWKSet(parsing: bytes, defaultAlgorithm: algorithm ?? defaultRSAAlgorithm)
            }
            guard !set.entries.isEmpty else {
                let reasons = set.skipped.map { "key \($0.index): \($0.reason)" }
                throw .badInput(
                    "\(label) is a JWK Set with no usable key"
                        + (reasons.isEmpty ? "" : " (" + reasons.joined(separator: "; ") + ")")
                )
            }
            return .keySet(set)
        }
        var keyID: String?
        if let kid = object["kid"] {
            guard let text = kid.stringValue else {
                throw .badInput("\(label): the JWK's \"kid\" must be a string, not \(kid)")
            }
            keyID = text
        }
        var bound = algorithm
        if bound == nil, object["alg"] == nil, object["kty"]?.stringValue == "RSA" {
            bound = defaultRSAAlgorithm
        }
        // A private JWK (d) or a secret (oct) signs; anything else is a public key.
        if object["d"] != nil || object["kty"]?.stringValue == "oct" {
            return .privateKey(
                try library(label) { () throws(JWTError) in try JWTSigningKey(jwk: object, algorithm: bound) },
                keyID: keyID
            )
        }
        return .publicKey(
            try library(label) { () throws(JWTError) in try JWTVerificationKey(jwk: object, algorithm: bound) },
            keyID: keyID
        )
    }

    /// Runs a library import, naming the file in its error.
    private static func library<T>(_ label: String, _ body: () throws(JWTError) -> T) throws(CLIError) -> T {
        do throws(JWTError) {
            return try body()
        } catch {
            throw .badInput(label, error)
        }
    }
}

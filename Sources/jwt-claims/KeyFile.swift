import JWTClaims

/// A key file, recognised by its content: PEM (PKCS#8, SEC1 or SPKI), DER, a JWK, or a JWK Set.
///
/// The rule for choosing a key (the CLI contract): a single key (PEM, DER, or a JWK without `kid`) verifies every
/// token, whatever `kid` the token carries; a JWK with a `kid`, or a JWK Set, selects by the token's `kid`, so an
/// unknown `kid` is refused, and so is a token without `kid` when the set holds several keys. A private key verifies
/// with its public key.
struct KeyFile: Sendable {
    /// What the file holds.
    enum Contents: Sendable {
        /// A private key, with the `kid` of its JWK if it had one.
        case privateKey(ES256.PrivateKey, keyID: String?)
        /// A public key, with the `kid` of its JWK if it had one.
        case publicKey(ES256.PublicKey, keyID: String?)
        /// The usable ES256 keys of a JWK Set (at least one).
        case keySet(JWKSet)
    }

    /// Key files are small; anything larger is not a key (and `/dev/zero` must not exhaust memory).
    static let maximumSize = 4 << 20

    /// How the file is named in messages: `key file 'k.pem'`.
    let label: String
    /// The key or keys.
    let contents: Contents

    /// Reads and parses the key file at `path`.
    ///
    /// - Throws: ``CLIError`` (status 2) naming the file: unreadable, too large, empty, or not a valid key.
    init(path: String) throws(CLIError) {
        let source = InputSource(path, role: "key file")
        try self.init(bytes: source.readAll(limit: Self.maximumSize), label: source.label)
    }

    /// Parses key file content; `label` names it in messages.
    ///
    /// - Throws: ``CLIError`` (status 2) naming `label` and the problem.
    init(bytes: [UInt8], label: String) throws(CLIError) {
        self.label = label
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard let first = bytes.first(where: { !whitespace.contains($0) }) else {
            throw .badInput("\(label) is empty")
        }
        switch first {
        case UInt8(ascii: "-"):
            contents = try Self.library(label) { () throws(JWTError) in
                try Self.parsePEM(String(decoding: bytes, as: UTF8.self))
            }
        case UInt8(ascii: "{"):
            contents = try Self.parseJSON(bytes, label: label)
        case 0x30 where bytes.first == 0x30:
            contents = try Self.library(label) { () throws(JWTError) in try Self.parseDER(bytes) }
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
            return Self.verifier(key.publicKey, keyID: keyID, options: options)
        case .publicKey(let key, let keyID):
            return Self.verifier(key, keyID: keyID, options: options)
        case .keySet(let set):
            return JWTVerifier(keySet: set, options: options)
        }
    }

    /// The private key and its JWK `kid`, for signing.
    ///
    /// - Throws: ``CLIError`` (status 2) when the file holds only public keys.
    func signingKey() throws(CLIError) -> (key: ES256.PrivateKey, keyID: String?) {
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
        case .privateKey(let key, let keyID): return [JWKSet.Entry(keyID: keyID, key: key.publicKey)]
        case .publicKey(let key, let keyID): return [JWKSet.Entry(keyID: keyID, key: key)]
        case .keySet(let set): return set.entries
        }
    }

    private static func verifier(
        _ key: ES256.PublicKey,
        keyID: String?,
        options: JWTValidationOptions
    ) -> JWTVerifier {
        guard let keyID else { return JWTVerifier(key: key, options: options) }
        // A JWK with a kid selects by kid, exactly like a JWK Set of that one key.
        return JWTVerifier(keySet: JWKSet([JWKSet.Entry(keyID: keyID, key: key)]), options: options)
    }

    private static func parsePEM(_ text: String) throws(JWTError) -> Contents {
        if text.contains("-----BEGIN PUBLIC KEY-----") {
            return .publicKey(try ES256.PublicKey(pemRepresentation: text), keyID: nil)
        }
        // PKCS#8 or SEC1; any other label gets the library's explanation (an RSA key, a certificate, ...).
        return .privateKey(try ES256.PrivateKey(pemRepresentation: text), keyID: nil)
    }

    private static func parseDER(_ bytes: [UInt8]) throws(JWTError) -> Contents {
        do throws(JWTError) {
            return .privateKey(try ES256.PrivateKey(derRepresentation: bytes), keyID: nil)
        } catch let privateError {
            guard let key = try? ES256.PublicKey(derRepresentation: bytes) else { throw privateError }
            return .publicKey(key, keyID: nil)
        }
    }

    private static func parseJSON(_ bytes: [UInt8], label: String) throws(CLIError) -> Contents {
        let object = try library(label) { () throws(JWTError) in try JSONObject(parsing: bytes) }
        if object["keys"] != nil {
            let set = try library(label) { () throws(JWTError) in try JWKSet(parsing: bytes) }
            guard !set.entries.isEmpty else {
                let reasons = set.skipped.map { "key \($0.index): \($0.reason)" }
                throw .badInput(
                    "\(label) is a JWK Set with no usable ES256 key"
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
        if object["d"] != nil {
            return .privateKey(
                try library(label) { () throws(JWTError) in try ES256.PrivateKey(jwk: object) },
                keyID: keyID
            )
        }
        return .publicKey(try library(label) { () throws(JWTError) in try ES256.PublicKey(jwk: object) }, keyID: keyID)
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

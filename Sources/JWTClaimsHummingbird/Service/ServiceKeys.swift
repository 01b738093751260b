import JWTClaims

/// The service's signing keys in the forms the routes use: the signer (the first key), the key set that verifies
/// (every key, by `kid`), and the JWK Set document they publish.
struct ServiceKeys: Sendable {
    /// Signs with the first key, naming its `kid`.
    let signer: JWTSigner
    /// Every key's public half, by `kid`: what verifies the service's own tokens.
    let keySet: JWKSet
    /// `{"keys": [...]}`: each public key with `kid`, `alg` `ES256` and `use` `sig`, in the configured order.
    let document: [UInt8]

    /// The keys of `configuration`.
    ///
    /// - Throws: `invalidKey` when there is no key.
    init(_ keys: [SigningKey]) throws(JWTError) {
        guard let first = keys.first else {
            throw JWTError(code: .invalidKey, reason: "the service needs at least one signing key")
        }
        signer = JWTSigner(key: first.key, keyID: first.keyID)
        keySet = JWKSet(keys.map { JWKSet.Entry(keyID: $0.keyID, key: $0.key.publicKey) })
        var published: [JSONValue] = []
        for key in keys {
            var jwk = key.key.publicKey.jwk
            jwk["kid"] = .string(key.keyID)
            jwk["alg"] = "ES256"
            jwk["use"] = "sig"
            published.append(.object(jwk))
        }
        let set: JSONObject = ["keys": .array(published)]
        document = set.serializedBytes()
    }
}

extension HMAC {
    /// A secret key for one of HS256, HS384 and HS512.
    ///
    /// The same key signs and verifies. Its ``description`` never shows the secret. Immutable and safe to share: any
    /// number of tasks may sign and verify with one key at once.
    public struct Key: Sendable {
        /// The secret and its MAC contexts.
        let backing: OpenSSLHMACKey
        /// The one algorithm this key signs and verifies with.
        public let algorithm: JWSAlgorithm
        /// The RFC 7638 thumbprint of `{"k":"…","kty":"oct"}`, computed once.
        public let thumbprint: String

        /// A key of the secret `bytes` for `algorithm`.
        ///
        /// - Parameters:
        ///   - bytes: the secret: at least 32 bytes for HS256, 48 for HS384, 64 for HS512.
        ///   - algorithm: HS256, HS384 or HS512.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for a non-HMAC algorithm or a secret shorter than the hash
        ///   output.
        public init(bytes: some Collection<UInt8>, algorithm: JWSAlgorithm) throws(JWTError) {
            let algorithm = try JWKReader.bind(
                declared: nil,
                explicit: algorithm,
                allowed: JWSAlgorithm.hmacAlgorithms,
                keyDescription: "an HMAC key",
                declaredBy: ""
            )
            let minimum = algorithm.digest.byteCount
            guard bytes.count >= minimum else {
                throw .unsupportedKey(
                    "the \(algorithm) key is \(bytes.count) bytes; it must be at least \(minimum) bytes, the "
                        + "\(algorithm.digest.name) output length (RFC 7518 section 3.2)"
                )
            }
            backing = try unsafe withContiguousBytes(of: bytes) { (secret) throws(JWTError) in
                try unsafe OpenSSLHMACKey(secret: secret, digest: algorithm.digest)
            }
            self.algorithm = algorithm
            thumbprint = try JWKReader.thumbprint([("k", Base64URL.encode(backing.secret.bytes)), ("kty", "oct")])
        }

        /// Generates a new random key for `algorithm`, as long as its hash output (32, 48 or 64 bytes), from
        /// OpenSSL's random generator.
        ///
        /// - Parameter algorithm: HS256, HS384 or HS512.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for a non-HMAC algorithm; ``JWTError/Code/cryptographicFailure``
        ///   if the generator fails.
        public init(algorithm: JWSAlgorithm) throws(JWTError) {
            var secret = try SecureRandom.bytes(count: algorithm.family == .hmac ? algorithm.digest.byteCount : 0)
            defer { SecretBytes.wipe(&secret) }
            try self.init(bytes: secret, algorithm: algorithm)
        }

        /// Imports a key from a JSON Web Key with `kty` `"oct"` and `k`, bound to the JWK's `alg` or to `algorithm`.
        ///
        /// `use` (if present) must be `"sig"`; `key_ops` (if present) must include `"sign"` or `"verify"` (a shared
        /// secret does both, so either is accepted).
        ///
        /// - Parameters:
        ///   - jwk: the JWK as a parsed JSON object.
        ///   - algorithm: the algorithm, when the JWK has no `alg`; if both are given they must be equal.
        /// - Throws: ``JWTError/Code/unsupportedKey`` for another `kty`, a `use` or `key_ops` for something else, an
        ///   `alg` that is not an HMAC algorithm (such as `A256GCM`) or disagrees with `algorithm`, no algorithm at
        ///   all, or a secret shorter than the hash output; ``JWTError/Code/invalidKey`` for a missing or malformed
        ///   `k`.
        public init(jwk: JSONObject, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
            let reader = JWKReader(jwk)
            let keyType = try reader.keyType()
            guard keyType == "oct" else {
                throw .unsupportedKey(
                    "the JWK has kty \(JWTError.quoted(keyType)); HS* need a symmetric key (kty \"oct\"): a public "
                        + "key is never an HMAC secret"
                )
            }
            if let use = try reader.string("use", required: false), use != "sig" {
                throw .unsupportedKey(
                    "the JWK has use \(JWTError.quoted(use)); signing and verification keys must have use \"sig\""
                )
            }
            try Self.checkKeyOperations(reader)
            let bound = try reader.algorithm(
                explicit: algorithm,
                allowed: JWSAlgorithm.hmacAlgorithms,
                keyDescription: "an oct key"
            )
            var secret = try reader.bytes("k")
            defer { SecretBytes.wipe(&secret) }
            try self.init(bytes: secret, algorithm: bound)
        }

        /// `key_ops`, if present, must allow `sign` or `verify`: a shared secret does both.
        private static func checkKeyOperations(_ reader: JWKReader) throws(JWTError) {
            guard reader.has("key_ops") else { return }
            do {
                try reader.checkIntendedUse(for: .verify)
            } catch  where error.code == .unsupportedKey {
                try reader.checkIntendedUse(for: .sign)
            }
        }

        /// Imports a key from the JSON text of a JSON Web Key; see ``init(jwk:algorithm:)``.
        ///
        /// - Parameters:
        ///   - jwkRepresentation: one JSON object, strict RFC 8259 JSON.
        ///   - algorithm: the algorithm, when the JWK has no `alg`.
        /// - Throws: the JSON errors for text that is not one JSON object; otherwise those of
        ///   ``init(jwk:algorithm:)``.
        public init(jwkRepresentation: String, algorithm: JWSAlgorithm? = nil) throws(JWTError) {
            try self.init(jwk: JSONObject(parsing: Array(jwkRepresentation.utf8)), algorithm: algorithm)
        }

        /// The secret's length in bytes.
        public var byteCount: Int {
            backing.secret.count
        }

        /// The secret.
        ///
        /// This is secret material: keep it out of logs.
        public var rawRepresentation: [UInt8] {
            backing.secret.bytes
        }

        /// The key as a JSON Web Key with the members `kty` (`"oct"`), `k`, `alg`, in that order.
        ///
        /// This is secret material: keep it out of logs.
        public var jwk: JSONObject {
            JWKReader.object([
                ("kty", "oct"), ("k", Base64URL.encode(backing.secret.bytes)), ("alg", algorithm.rawValue),
            ])
        }

        /// The HMAC of `message` with the key's ``algorithm``: 32, 48 or 64 bytes. HMAC is deterministic.
        ///
        /// - Parameter message: the bytes to authenticate (for a JWS, the ASCII of `header.payload`).
        /// - Returns: the MAC, which JWS calls the signature.
        /// - Throws: ``JWTError/Code/cryptographicFailure`` only if OpenSSL fails internally.
        @inlinable
        public func signature(for message: some Collection<UInt8>) throws(JWTError) -> [UInt8] {
            // Inlinable so that a caller in another module gets a copy specialised for its collection type: the
            // unspecialised generic looked up generic metadata at run time on every call, about 1,200 instructions
            // (5%) on the HMAC of a token's signing input (Benchmarks/Callgrind).
            try unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
                try unsafe signature(forContiguous: bytes)
            }
        }

        /// ``signature(for:)`` over bytes already in one buffer.
        @usableFromInline
        func signature(forContiguous message: UnsafeRawBufferPointer) throws(JWTError) -> [UInt8] {
            try unsafe backing.authenticationCode(for: message)
        }

        /// Whether `signature` is the HMAC of `message` under this key, compared in constant time.
        ///
        /// `false` for a wrong MAC and for one of another length: JOSE uses the full hash output, never a
        /// truncated MAC.
        ///
        /// - Parameters:
        ///   - signature: the MAC.
        ///   - message: the authenticated bytes.
        /// - Returns: `true` only if the MAC matches.
        @inlinable  // as signature(for:)
        public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
            let outcome = try? unsafe withContiguousBytes(of: signature) { (code) throws(JWTError) in
                try unsafe withContiguousBytes(of: message) { (bytes) throws(JWTError) in
                    unsafe isValidSignature(contiguous: code, for: bytes)
                }
            }
            return outcome ?? false
        }

        /// ``isValidSignature(_:for:)`` over bytes already in buffers.
        @usableFromInline
        func isValidSignature(
            contiguous signature: UnsafeRawBufferPointer,
            for message: UnsafeRawBufferPointer
        ) -> Bool {
            unsafe backing.isValid(signature, for: message)
        }
    }
}

extension HMAC.Key: CustomStringConvertible {
    /// `HMAC.Key(HS256, redacted, 32 bytes)`: never the secret.
    public var description: String {
        "HMAC.Key(\(algorithm), redacted, \(byteCount) bytes)"
    }
}

extension HMAC.Key: Hashable {
    /// Whether both keys hold the same secret (compared in constant time) for the same algorithm.
    public static func == (lhs: HMAC.Key, rhs: HMAC.Key) -> Bool {
        lhs.backing === rhs.backing
            || (lhs.algorithm == rhs.algorithm
                && ConstantTime.isEqual(lhs.backing.secret.bytes, rhs.backing.secret.bytes))
    }

    /// Hashes the algorithm and the thumbprint (a SHA-256 of the secret, never the secret).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(algorithm)
        hasher.combine(thumbprint)
    }
}

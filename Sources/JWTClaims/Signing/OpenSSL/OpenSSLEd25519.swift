internal import COpenSSL

/// Ed25519 (RFC 8032) keys and signatures through OpenSSL 3: generation, PKCS#8 / SPKI decoding, raw keys, and
/// one-shot `EVP_DigestSign` / `EVP_DigestVerify` (Ed25519 hashes the message itself, with SHA-512, so there is no
/// digest to choose and nothing to pool but the key).
enum OpenSSLEd25519 {
    /// Bytes in a public key, a private key (the seed) and half a signature.
    static let keyByteCount = 32
    /// Bytes in a signature.
    static let signatureByteCount = 64

    /// A validated key and what its exports are built from.
    struct Material {
        /// The OpenSSL key.
        let backing: EVPKey
        /// The 32-byte public key A.
        let publicKey: [UInt8]
        /// The 32-byte private key (the seed), for a private key.
        let seed: SecretBytes?
    }

    // MARK: - Making keys

    /// A fresh private key from OpenSSL's default random generator.
    /// Wraps `EVP_PKEY_CTX_new_from_name`, `EVP_PKEY_keygen_init` and `EVP_PKEY_generate`.
    static func generate() throws(JWTError) -> Material {
        OpenSSLErrorQueue.clear()
        guard let context = unsafe EVP_PKEY_CTX_new_from_name(nil, OpenSSLNames.ed25519.cString, nil) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not create an Ed25519 EVP_PKEY_CTX")
        }
        defer { unsafe EVP_PKEY_CTX_free(context) }
        var pkey: OpaquePointer?
        guard unsafe EVP_PKEY_keygen_init(context) == 1, unsafe EVP_PKEY_generate(context, &pkey) == 1,
            let pkey = unsafe pkey
        else {
            unsafe EVP_PKEY_free(pkey)
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not generate an Ed25519 key")
        }
        return try unsafe material(taking: pkey, isPrivate: true)
    }

    /// A private key from its 32-byte seed; the public key is derived from it.
    /// Wraps `EVP_PKEY_new_raw_private_key_ex`.
    static func privateKey(seed: UnsafeRawBufferPointer) throws(JWTError) -> Material {
        guard seed.count == keyByteCount else {
            throw .invalidKey("an Ed25519 private key is exactly 32 bytes, got \(seed.count)")
        }
        OpenSSLErrorQueue.clear()
        guard
            let pkey = unsafe EVP_PKEY_new_raw_private_key_ex(
                nil,
                OpenSSLNames.ed25519.cString,
                nil,
                seed.baseAddress?.assumingMemoryBound(to: UInt8.self),
                seed.count
            )
        else {
            throw OpenSSLErrorQueue.failure(.invalidKey, "OpenSSL refused the Ed25519 private key")
        }
        return try unsafe material(taking: pkey, isPrivate: true)
    }

    /// A public key from its 32 bytes. Wraps `EVP_PKEY_new_raw_public_key_ex`.
    static func publicKey(raw: [UInt8]) throws(JWTError) -> Material {
        guard raw.count == keyByteCount else {
            throw .invalidKey("an Ed25519 public key is exactly 32 bytes, got \(raw.count)")
        }
        OpenSSLErrorQueue.clear()
        let pkey = unsafe raw.withUnsafeBufferPointer { buffer in
            unsafe EVP_PKEY_new_raw_public_key_ex(
                nil,
                OpenSSLNames.ed25519.cString,
                nil,
                buffer.baseAddress,
                buffer.count
            )
        }
        guard let pkey = unsafe pkey else {
            throw OpenSSLErrorQueue.failure(.invalidKey, "OpenSSL refused the Ed25519 public key")
        }
        return try unsafe material(taking: pkey, isPrivate: false)
    }

    /// A private key decoded from PKCS#8 (RFC 8410), in PEM or DER, rebuilt from its seed alone (so an embedded
    /// public key that does not match the seed is never used, and every encoding of a key exports the same bytes).
    static func privateKey(
        decoding input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding
    ) throws(JWTError) -> Material {
        let decoded = try decode(input, encoding: encoding, isPrivate: true)
        guard let seed = decoded.seed else {
            throw .cryptographicFailure("OpenSSL decoded an Ed25519 private key without its seed")
        }
        return try unsafe seed.withUnsafeBytes { (bytes) throws(JWTError) in try unsafe privateKey(seed: bytes) }
    }

    /// A public key decoded from an X.509 `SubjectPublicKeyInfo` (RFC 8410), in PEM or DER.
    static func publicKey(
        decoding input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding
    ) throws(JWTError) -> Material {
        try decode(input, encoding: encoding, isPrivate: false)
    }

    private static func decode(
        _ input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding,
        isPrivate: Bool
    ) throws(JWTError) -> Material {
        if let pkey = unsafe OpenSSLKeyImport.decode(
            input,
            encoding: encoding,
            structures: [isPrivate ? .pkcs8 : .subjectPublicKeyInfo],
            keyType: OpenSSLNames.ed25519,
            isPrivate: isPrivate
        ) {
            return try unsafe material(taking: pkey, isPrivate: isPrivate)
        }
        let expected = isPrivate ? "an Ed25519 PKCS#8 private key" : "an Ed25519 SubjectPublicKeyInfo"
        throw OpenSSLKeyImport.decodingFailure(of: input, encoding: encoding, expected: expected) { recognized in
            recognized.kind == .ed25519 ? nil : unsupportedKind(recognized.kind)
        }
    }

    /// The error for a key that is not Ed25519, naming what it is.
    static func unsupportedKind(_ kind: OpenSSLKeyImport.Recognized.Kind) -> JWTError {
        switch kind {
        case .other("ED448"), .other("X25519"), .other("X448"):
            return .unsupportedKey(
                "the key type is \(kind); EdDSA here is Ed25519 only (RFC 8037): Ed448 is not supported, and "
                    + "X25519 and X448 are key-agreement keys, not signing keys"
            )
        default:
            return .unsupportedKey("the key type is \(kind); EdDSA needs an Ed25519 key")
        }
    }

    /// Wraps `pkey` (whose ownership passes here) with its raw public key and, for a private key, its seed; frees
    /// it and throws if it is not an Ed25519 key or they cannot be read.
    /// Wraps `EVP_PKEY_is_a`, `EVP_PKEY_get_raw_public_key` and `EVP_PKEY_get_raw_private_key`.
    private static func material(taking pkey: OpaquePointer, isPrivate: Bool) throws(JWTError) -> Material {
        let publicKey: [UInt8]
        let seed: SecretBytes?
        do throws(JWTError) {
            guard unsafe EVP_PKEY_is_a(pkey, "ED25519") == 1 else {
                throw unsafe unsupportedKind(OpenSSLKeyImport.kind(of: pkey))
            }
            var raw = [UInt8](repeating: 0, count: keyByteCount)
            var length = raw.count
            let status = unsafe raw.withUnsafeMutableBufferPointer { buffer in
                unsafe EVP_PKEY_get_raw_public_key(pkey, buffer.baseAddress, &length)
            }
            guard status == 1, length == keyByteCount else {
                throw OpenSSLErrorQueue.failure(.invalidKey, "could not read the Ed25519 public key")
            }
            publicKey = raw
            seed =
                isPrivate
                ? try unsafe SecretBytes(count: keyByteCount) { (output) throws(JWTError) in
                    var seedLength = output.count
                    let base = unsafe output.baseAddress?.assumingMemoryBound(to: UInt8.self)
                    guard unsafe EVP_PKEY_get_raw_private_key(pkey, base, &seedLength) == 1,
                        seedLength == keyByteCount
                    else {
                        throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not read the Ed25519 seed")
                    }
                } : nil
        } catch {
            unsafe EVP_PKEY_free(pkey)
            throw error
        }
        return unsafe Material(
            backing: EVPKey(taking: pkey, hasPrivateKey: isPrivate),
            publicKey: publicKey,
            seed: seed
        )
    }

    // MARK: - Signatures

    /// The 64-byte Ed25519 signature of `message` under `key`, which must be private.
    /// Wraps `EVP_MD_CTX_new`, `EVP_DigestSignInit_ex`, `EVP_DigestSign` and `EVP_MD_CTX_free`.
    static func signature(for message: UnsafeRawBufferPointer, with key: EVPKey) throws(JWTError) -> [UInt8] {
        guard key.hasPrivateKey else {
            throw .invalidKey("this key has no private part, so it cannot sign")
        }
        OpenSSLErrorQueue.clear()
        guard let context = unsafe EVP_MD_CTX_new() else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not allocate an EVP_MD_CTX")
        }
        defer { unsafe EVP_MD_CTX_free(context) }
        var signature = [UInt8](repeating: 0, count: signatureByteCount)
        var length = signature.count
        let status = unsafe key.withUnsafeEVPPKey { pkey in
            guard unsafe EVP_DigestSignInit_ex(context, nil, nil, nil, nil, pkey, nil) == 1 else { return Int32(0) }
            return unsafe signature.withUnsafeMutableBufferPointer { buffer in
                unsafe EVP_DigestSign(
                    context,
                    buffer.baseAddress,
                    &length,
                    message.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    message.count
                )
            }
        }
        guard status == 1, length == signatureByteCount else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "Ed25519 signing failed")
        }
        return signature
    }

    /// Whether `signature` (exactly 64 bytes; anything else is `false`) is a valid Ed25519 signature of `message`
    /// under `key`. OpenSSL checks that S is below the group order L (no malleability) and decodes R and A strictly.
    /// Wraps `EVP_MD_CTX_new`, `EVP_DigestVerifyInit_ex`, `EVP_DigestVerify` and `EVP_MD_CTX_free`.
    static func isValid(
        _ signature: UnsafeRawBufferPointer,
        for message: UnsafeRawBufferPointer,
        with key: EVPKey
    ) -> Bool {
        guard signature.count == signatureByteCount else { return false }
        OpenSSLErrorQueue.clear()
        guard let context = unsafe EVP_MD_CTX_new() else { return false }
        defer { unsafe EVP_MD_CTX_free(context) }
        let status = unsafe key.withUnsafeEVPPKey { pkey in
            guard unsafe EVP_DigestVerifyInit_ex(context, nil, nil, nil, nil, pkey, nil) == 1 else { return Int32(-1) }
            return unsafe EVP_DigestVerify(
                context,
                signature.baseAddress?.assumingMemoryBound(to: UInt8.self),
                signature.count,
                message.baseAddress?.assumingMemoryBound(to: UInt8.self),
                message.count
            )
        }
        // A wrong signature leaves an entry on the queue; nothing else reads it.
        OpenSSLErrorQueue.clear()
        return status == 1
    }
}

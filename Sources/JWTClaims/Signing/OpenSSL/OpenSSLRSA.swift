internal import COpenSSL

/// RSA keys and RSASSA-PKCS1-v1_5 / RSASSA-PSS signatures through OpenSSL 3.
///
/// Keys: generated, decoded from PKCS#8, PKCS#1 or SPKI (PEM or DER), or assembled from their components; every key
/// that leaves this file has passed ``RSAKeyPolicy`` (size, exponent, small factors, ROCA) and, when private, the
/// consistency checks below, and comes with its components read back so exports never ask OpenSSL again.
///
/// Signatures: the key's pool holds `EVP_PKEY_CTX`s configured once for its one algorithm: PKCS#1 v1.5 padding with
/// the hash (OpenSSL 3 checks the DigestInfo strictly: Wycheproof's `MissingNull` vectors are refused), or PSS
/// padding with the hash, MGF1 with the same hash and a salt as long as the hash, set explicitly for signing and for
/// verifying (RFC 7518 section 3.5). Left at OpenSSL's default, a verifier recovers the salt length from the
/// signature and accepts any, which 45 invalid Wycheproof vectors and JWS tcId 281-286 show.
enum OpenSSLRSA {
    /// The public components, big-endian, minimal.
    struct PublicComponents: Sendable, Hashable {
        let modulus: [UInt8]
        let exponent: [UInt8]
    }

    /// The private components of a two-prime key (RFC 8017 section 3.2), big-endian, minimal.
    struct PrivateComponents: Sendable {
        let privateExponent: SecretBytes
        let prime1: SecretBytes
        let prime2: SecretBytes
        let exponent1: SecretBytes
        let exponent2: SecretBytes
        let coefficient: SecretBytes

        /// In RFC 8017 order: d, p, q, dP, dQ, qInv.
        var all: [SecretBytes] { [privateExponent, prime1, prime2, exponent1, exponent2, coefficient] }
    }

    /// A validated key and what its exports are built from.
    struct Material {
        let backing: EVPKey
        let publicComponents: PublicComponents
        let privateComponents: PrivateComponents?
    }

    /// The parameter names of the private components, in ``PrivateComponents/all`` order.
    private static let privateNames: [StaticString] = [
        OpenSSLNames.rsaPrivateExponent, OpenSSLNames.rsaFactor1, OpenSSLNames.rsaFactor2, OpenSSLNames.rsaExponent1,
        OpenSSLNames.rsaExponent2, OpenSSLNames.rsaCoefficient1,
    ]

    // MARK: - Making keys

    /// A fresh key of `bitCount` bits with e = 65537.
    /// Wraps `EVP_PKEY_CTX_new_from_name`, `EVP_PKEY_keygen_init`, `EVP_PKEY_CTX_set_rsa_keygen_bits` and
    /// `EVP_PKEY_generate`.
    static func generate(bitCount: Int) throws(JWTError) -> Material {
        OpenSSLErrorQueue.clear()
        guard let context = unsafe EVP_PKEY_CTX_new_from_name(nil, OpenSSLNames.rsa.cString, nil) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not create an RSA EVP_PKEY_CTX")
        }
        defer { unsafe EVP_PKEY_CTX_free(context) }
        var pkey: OpaquePointer?
        guard unsafe EVP_PKEY_keygen_init(context) == 1,
            unsafe EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bitCount)) == 1,
            unsafe EVP_PKEY_generate(context, &pkey) == 1, let pkey = unsafe pkey
        else {
            unsafe EVP_PKEY_free(pkey)
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not generate a \(bitCount)-bit RSA key")
        }
        return try unsafe material(taking: pkey, isPrivate: true)
    }

    /// A private key decoded from PKCS#8 or PKCS#1 (`RSAPrivateKey`), in PEM or DER; with `structure` nil, PKCS#8
    /// is tried first.
    static func privateKey(
        decoding input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding,
        structure: OpenSSLKeyImport.Structure?
    ) throws(JWTError) -> Material {
        try decode(input, encoding: encoding, structures: structure.map { [$0] } ?? [.pkcs8, .typeSpecific], true)
    }

    /// A public key decoded from SPKI or PKCS#1 (`RSAPublicKey`), in PEM or DER; with `structure` nil, SPKI is
    /// tried first.
    static func publicKey(
        decoding input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding,
        structure: OpenSSLKeyImport.Structure?
    ) throws(JWTError) -> Material {
        try decode(
            input,
            encoding: encoding,
            structures: structure.map { [$0] } ?? [.subjectPublicKeyInfo, .typeSpecific],
            false
        )
    }

    private static func decode(
        _ input: some Collection<UInt8>,
        encoding: OpenSSLKeyImport.Encoding,
        structures: [OpenSSLKeyImport.Structure],
        _ isPrivate: Bool
    ) throws(JWTError) -> Material {
        if let pkey = unsafe OpenSSLKeyImport.decode(
            input,
            encoding: encoding,
            structures: structures,
            keyType: OpenSSLNames.rsa,
            isPrivate: isPrivate
        ) {
            return try unsafe material(taking: pkey, isPrivate: isPrivate)
        }
        let expected = isPrivate ? "an RSA private key" : "an RSA public key"
        throw OpenSSLKeyImport.decodingFailure(of: input, encoding: encoding, expected: expected) { recognized in
            recognized.kind == .rsa ? nil : unsupportedKind(recognized.kind)
        }
    }

    /// The error for a key that is not an RSA key, naming what it is.
    static func unsupportedKind(_ kind: OpenSSLKeyImport.Recognized.Kind) -> JWTError {
        if kind == .other("RSA-PSS") {
            return .unsupportedKey(
                "the key is an RSASSA-PSS key (OID id-RSASSA-PSS, with its own hash and salt restrictions); JOSE "
                    + "binds the algorithm itself, so give the same key as a plain rsaEncryption key"
            )
        }
        return .unsupportedKey("the key type is \(kind); RS* and PS* need an RSA key")
    }

    /// A key from its components: the public ones, and for a private key d, p, q, dP, dQ and qInv in that order.
    /// Wraps `OSSL_PARAM_BLD_*`, `BN_bin2bn` and `EVP_PKEY_fromdata`.
    static func key(
        modulus: [UInt8],
        exponent: [UInt8],
        privateComponents: [[UInt8]]?
    ) throws(JWTError) -> Material {
        OpenSSLErrorQueue.clear()
        guard let builder = unsafe OSSL_PARAM_BLD_new() else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not allocate an OSSL_PARAM_BLD")
        }
        defer { unsafe OSSL_PARAM_BLD_free(builder) }
        // Every BIGNUM is wiped and freed when the builder's parameters are gone; the builder copies them.
        var numbers: [OpaquePointer] = unsafe []
        defer {
            // By index, not `for unsafe number in`: swift-format 6.3.1 drops the space after `unsafe` in that pattern.
            for index in unsafe numbers.indices { unsafe BN_clear_free(numbers[index]) }
        }
        let values = [modulus, exponent] + (privateComponents ?? [])
        let names = [OpenSSLNames.rsaModulus, OpenSSLNames.rsaPublicExponent] + privateNames
        for (value, name) in zip(values, names) {
            guard let number = unsafe BN_secure_new() else {
                throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not allocate a BIGNUM")
            }
            unsafe numbers.append(number)
            let pushed = unsafe value.withUnsafeBufferPointer { buffer in
                unsafe BN_bin2bn(buffer.baseAddress, Int32(buffer.count), number) != nil
                    && OSSL_PARAM_BLD_push_BN(builder, name.cString, number) == 1
            }
            guard pushed else {
                throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not build the RSA key parameters")
            }
        }
        guard let parameters = unsafe OSSL_PARAM_BLD_to_param(builder) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not build the RSA key parameters")
        }
        defer { unsafe OSSL_PARAM_free(parameters) }
        let isPrivate = privateComponents != nil
        let pkey = try unsafe OpenSSLKeyImport.fromData(parameters, keyType: OpenSSLNames.rsa, isPrivate: isPrivate)
        guard let pkey = unsafe pkey else {
            throw OpenSSLErrorQueue.failure(.invalidKey, "OpenSSL refused the RSA key components")
        }
        return try unsafe material(taking: pkey, isPrivate: isPrivate)
    }

    // MARK: - Validation

    /// Reads the components of `pkey` (whose ownership passes here), checks them, and wraps the key; frees it and
    /// throws otherwise.
    private static func material(taking pkey: OpaquePointer, isPrivate: Bool) throws(JWTError) -> Material {
        let publicComponents: PublicComponents
        var privateComponents: PrivateComponents?
        do throws(JWTError) {
            guard unsafe EVP_PKEY_is_a(pkey, "RSA") == 1 else {
                throw unsafe unsupportedKind(OpenSSLKeyImport.kind(of: pkey))
            }
            publicComponents = PublicComponents(
                modulus: try unsafe OpenSSLKeyImport.readNumber(OpenSSLNames.rsaModulus, of: pkey),
                exponent: try unsafe OpenSSLKeyImport.readNumber(OpenSSLNames.rsaPublicExponent, of: pkey)
            )
            try RSAKeyPolicy.check(modulus: publicComponents.modulus, exponent: publicComponents.exponent)
            if isPrivate {
                try unsafe requireTwoPrimes(pkey)
                let secrets = try privateNames.map { (name) throws(JWTError) in
                    try unsafe OpenSSLKeyImport.readSecretNumber(name, of: pkey)
                }
                privateComponents = PrivateComponents(
                    privateExponent: secrets[0],
                    prime1: secrets[1],
                    prime2: secrets[2],
                    exponent1: secrets[3],
                    exponent2: secrets[4],
                    coefficient: secrets[5]
                )
                try unsafe checkConsistency(pkey)
            }
        } catch {
            unsafe EVP_PKEY_free(pkey)
            throw error
        }
        return unsafe Material(
            backing: EVPKey(taking: pkey, hasPrivateKey: isPrivate),
            publicComponents: publicComponents,
            privateComponents: privateComponents
        )
    }

    /// Refuses multi-prime keys (RFC 8017 `otherPrimeInfos`, the JWK's `oth`): JOSE libraries rarely support them,
    /// and our exports write two-prime keys. Wraps `EVP_PKEY_get_bn_param` for the third factor.
    private static func requireTwoPrimes(_ pkey: OpaquePointer) throws(JWTError) {
        var third: OpaquePointer?
        defer { unsafe BN_clear_free(third) }
        if unsafe EVP_PKEY_get_bn_param(pkey, "rsa-factor3", &third) == 1 {
            throw .unsupportedKey("multi-prime RSA keys (more than two primes) are not supported")
        }
        OpenSSLErrorQueue.clear()
    }

    /// Checks that the private components belong together, with a few BIGNUM operations instead of OpenSSL's key
    /// check (which tests p and q for primality: over half a second per 2048-bit key, measured on this machine):
    /// n = p·q, dP = d mod (p−1), dQ = d mod (q−1), e·dP ≡ 1 mod (p−1), e·dQ ≡ 1 mod (q−1) and qInv·q ≡ 1 mod p. Together
    /// they say d inverts e modulo lcm(p−1, q−1), so the key signs what its public key verifies.
    /// Wraps `EVP_PKEY_get_bn_param`, `BN_CTX_secure_new`, `BN_mul`, `BN_div`, `BN_mod_mul`, `BN_sub_word`, `BN_cmp`
    /// and `BN_is_one`.
    private static func checkConsistency(_ pkey: OpaquePointer) throws(JWTError) {
        let names = [OpenSSLNames.rsaModulus, OpenSSLNames.rsaPublicExponent] + privateNames
        var numbers: [OpaquePointer?] = unsafe Array(repeating: nil, count: names.count)
        var scratch: [OpaquePointer?] = unsafe Array(repeating: nil, count: 3)
        guard let context = unsafe BN_CTX_secure_new() else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not allocate a BN_CTX")
        }
        defer {
            let all = unsafe numbers + scratch
            for index in unsafe all.indices { unsafe BN_clear_free(all[index]) }
            unsafe BN_CTX_free(context)
        }
        for index in names.indices {
            guard unsafe EVP_PKEY_get_bn_param(pkey, names[index].cString, &numbers[index]) == 1 else {
                throw OpenSSLErrorQueue.failure(
                    .invalidKey,
                    "the RSA private key lacks \(names[index]) (the CRT components are required)"
                )
            }
        }
        for index in unsafe scratch.indices {
            unsafe scratch[index] = BN_secure_new()
        }
        guard let n = unsafe numbers[0], let e = unsafe numbers[1], let d = unsafe numbers[2],
            let p = unsafe numbers[3], let q = unsafe numbers[4], let dP = unsafe numbers[5],
            let dQ = unsafe numbers[6], let qInv = unsafe numbers[7], let t = unsafe scratch[0],
            let pMinus1 = unsafe scratch[1], let qMinus1 = unsafe scratch[2],
            unsafe BN_copy(pMinus1, p) != nil, unsafe BN_sub_word(pMinus1, 1) == 1,
            unsafe BN_copy(qMinus1, q) != nil, unsafe BN_sub_word(qMinus1, 1) == 1
        else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not prepare the RSA key check")
        }
        let checks: [(String, () -> Bool)] = [
            ("n = p·q", { unsafe BN_mul(t, p, q, context) == 1 && BN_cmp(t, n) == 0 }),
            ("dP = d mod (p−1)", { unsafe BN_div(nil, t, d, pMinus1, context) == 1 && BN_cmp(t, dP) == 0 }),
            ("dQ = d mod (q−1)", { unsafe BN_div(nil, t, d, qMinus1, context) == 1 && BN_cmp(t, dQ) == 0 }),
            ("e·dP ≡ 1 mod (p−1)", { unsafe BN_mod_mul(t, e, dP, pMinus1, context) == 1 && BN_is_one(t) == 1 }),
            ("e·dQ ≡ 1 mod (q−1)", { unsafe BN_mod_mul(t, e, dQ, qMinus1, context) == 1 && BN_is_one(t) == 1 }),
            ("qInv·q ≡ 1 mod p", { unsafe BN_mod_mul(t, qInv, q, p, context) == 1 && BN_is_one(t) == 1 }),
        ]
        for (name, check) in checks where !check() {
            OpenSSLErrorQueue.clear()
            throw .invalidKey("the RSA private key's components do not belong together: \(name) does not hold")
        }
    }

    // MARK: - Signatures

    /// Scratch room for the largest digest.
    private static let digestRoom = 64

    /// Signs `message` with `key` under `algorithm` (RS* or PS*), giving a signature as long as the modulus.
    /// Wraps `EVP_Digest` and `EVP_PKEY_sign`.
    static func signature(
        for message: UnsafeRawBufferPointer,
        with key: EVPKey,
        algorithm: JWSAlgorithm,
        modulusByteCount: Int
    ) throws(JWTError) -> [UInt8] {
        guard key.hasPrivateKey else {
            throw .invalidKey("this key has no private part, so it cannot sign")
        }
        let digester = OpenSSLDigest.of(algorithm.digest)
        OpenSSLErrorQueue.clear()
        var signature = [UInt8](repeating: 0, count: modulusByteCount)
        let length = try unsafe withUnsafeTemporaryAllocation(byteCount: digestRoom, alignment: 8) {
            (scratch: UnsafeMutableRawBufferPointer) throws(JWTError) -> Int in
            let digest = unsafe UnsafeMutableRawBufferPointer(rebasing: scratch[0..<algorithm.digest.byteCount])
            try unsafe digester.hash(message, into: digest)
            return try unsafe signature.withUnsafeMutableBufferPointer { output in
                Result { () throws(JWTError) -> Int in
                    try unsafe key.signingContexts.withContext(make: { () throws(JWTError) in
                        try unsafe makeContext(for: key, algorithm: algorithm, digest: digester, signing: true)
                    }) { (context: OpaquePointer) -> Result<Int, JWTError> in
                        var length = output.count
                        let status = unsafe EVP_PKEY_sign(
                            context,
                            output.baseAddress,
                            &length,
                            digest.baseAddress?.assumingMemoryBound(to: UInt8.self),
                            digest.count
                        )
                        guard status == 1 else {
                            return .failure(
                                OpenSSLErrorQueue.failure(.cryptographicFailure, "\(algorithm) signing failed")
                            )
                        }
                        return .success(length)
                    }
                }
            }.get()
        }
        guard length == modulusByteCount else {
            throw .cryptographicFailure("OpenSSL made an RSA signature of \(length) bytes, not \(modulusByteCount)")
        }
        return signature
    }

    /// Whether `signature` (exactly as long as the modulus; anything else is `false`) is a valid `algorithm`
    /// signature of `message` under `key`. Any internal failure answers `false`.
    /// Wraps `EVP_Digest` and `EVP_PKEY_verify`.
    static func isValid(
        _ signature: UnsafeRawBufferPointer,
        for message: UnsafeRawBufferPointer,
        with key: EVPKey,
        algorithm: JWSAlgorithm,
        modulusByteCount: Int
    ) -> Bool {
        guard signature.count == modulusByteCount else { return false }
        let digester = OpenSSLDigest.of(algorithm.digest)
        OpenSSLErrorQueue.clear()
        do {
            return try unsafe withUnsafeTemporaryAllocation(byteCount: digestRoom, alignment: 8) {
                (scratch: UnsafeMutableRawBufferPointer) throws(JWTError) -> Bool in
                let digest = unsafe UnsafeMutableRawBufferPointer(rebasing: scratch[0..<algorithm.digest.byteCount])
                try unsafe digester.hash(message, into: digest)
                return try unsafe key.verifyingContexts.withContext(make: { () throws(JWTError) in
                    try unsafe makeContext(for: key, algorithm: algorithm, digest: digester, signing: false)
                }) { (context: OpaquePointer) -> Result<Bool, JWTError> in
                    let status = unsafe EVP_PKEY_verify(
                        context,
                        signature.baseAddress?.assumingMemoryBound(to: UInt8.self),
                        signature.count,
                        digest.baseAddress?.assumingMemoryBound(to: UInt8.self),
                        digest.count
                    )
                    // 1: valid; 0: a wrong signature (the context stays good); < 0: a fault or malformed input.
                    switch status {
                    case 1: return .success(true)
                    case 0:
                        OpenSSLErrorQueue.clear()
                        return .success(false)
                    default:
                        return .failure(OpenSSLErrorQueue.failure(.invalidSignature, "\(algorithm) verify failed"))
                    }
                }
            }
        } catch {
            return false
        }
    }

    /// A new context for `key`, configured for `algorithm`: the padding, the hash, and for PSS MGF1 with the same
    /// hash and a salt as long as the hash (`RSA_PSS_SALTLEN_DIGEST`, which on verification also requires exactly
    /// that length).
    /// Wraps `EVP_PKEY_CTX_set_rsa_padding`, `EVP_PKEY_CTX_set_signature_md`, `EVP_PKEY_CTX_set_rsa_mgf1_md` and
    /// `EVP_PKEY_CTX_set_rsa_pss_saltlen`.
    private static func makeContext(
        for key: EVPKey,
        algorithm: JWSAlgorithm,
        digest: OpenSSLDigest,
        signing: Bool
    ) throws(JWTError) -> OpaquePointer {
        let context = try unsafe OpenSSLSignatureContext.make(for: key, signing: signing, algorithm: "\(algorithm)")
        let isPSS = algorithm.family == .rsaPSS
        do {
            try unsafe digest.withUnsafeMethod { (method: OpaquePointer) throws(JWTError) in
                let configured =
                    unsafe EVP_PKEY_CTX_set_rsa_padding(context, isPSS ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING) == 1
                    && EVP_PKEY_CTX_set_signature_md(context, method) == 1
                    && (!isPSS
                        || (EVP_PKEY_CTX_set_rsa_mgf1_md(context, method) == 1
                            && EVP_PKEY_CTX_set_rsa_pss_saltlen(context, RSA_PSS_SALTLEN_DIGEST) == 1))
                guard configured else {
                    throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not configure \(algorithm)")
                }
            }
        } catch {
            unsafe EVP_PKEY_CTX_free(context)
            throw error
        }
        return unsafe context
    }
}

internal import COpenSSL

/// Serialises keys: PKCS#8 through OpenSSL's encoder, the private scalar for JWKs, and PEM armour.
///
/// Public-key encodings do not come through here: for a named-curve P-256 key the SubjectPublicKeyInfo is a fixed
/// 26-byte header followed by the 65-byte point (RFC 5480), so ``P256`` builds it from the cached point and it
/// cannot fail.
extension EVPKey {
    /// The private key as a DER PKCS#8 `PrivateKeyInfo` (RFC 5958) holding an RFC 5915 `ECPrivateKey` with the
    /// public key and the curve named by OID.
    /// Wraps `OSSL_ENCODER_CTX_new_for_pkey` (DER, "PrivateKeyInfo") and `OSSL_ENCODER_to_data`.
    func pkcs8DER() throws(JWTError) -> [UInt8] {
        guard hasPrivateKey else {
            throw .invalidKey("this key has no private scalar")
        }
        OpenSSLErrorQueue.clear()
        // The encoder keeps its output type and structure by pointer until it runs: static C strings.
        let context = unsafe withUnsafeEVPPKey { pkey in
            unsafe OSSL_ENCODER_CTX_new_for_pkey(
                pkey,
                COpenSSL_EVP_PKEY_KEYPAIR(),
                OpenSSLNames.der.cString,
                OpenSSLNames.privateKeyInfo.cString,
                nil
            )
        }
        guard let context = unsafe context else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not create a PKCS#8 encoder")
        }
        defer { unsafe OSSL_ENCODER_CTX_free(context) }
        guard unsafe OSSL_ENCODER_CTX_get_num_encoders(context) > 0 else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "OpenSSL has no PKCS#8 encoder for EC keys")
        }
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard unsafe OSSL_ENCODER_to_data(context, &output, &length) == 1, let output = unsafe output else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not encode the key as PKCS#8")
        }
        // The encoding holds the private scalar: copy it out, then wipe OpenSSL's buffer before freeing it.
        defer {
            unsafe OPENSSL_cleanse(output, length)
            unsafe COpenSSL_OPENSSL_free(output)
        }
        return unsafe [UInt8](UnsafeBufferPointer(start: output, count: length))
    }

    /// The private scalar d, 32 bytes big-endian (for the JWK `d` member).
    func privateScalar() throws(JWTError) -> [UInt8] {
        var scalar = [UInt8](repeating: 0, count: P256.scalarByteCount)
        let outcome = unsafe scalar.withUnsafeMutableBytes { buffer in
            Result { () throws(JWTError) in try unsafe writePrivateScalar(into: buffer) }
        }
        try outcome.get()
        return scalar
    }

    /// Writes the private scalar d, 32 bytes big-endian, into `output`.
    /// Wraps `EVP_PKEY_get_bn_param(OSSL_PKEY_PARAM_PRIV_KEY)`, `BN_bn2binpad` and `BN_clear_free`.
    private func writePrivateScalar(into output: UnsafeMutableRawBufferPointer) throws(JWTError) {
        guard hasPrivateKey, output.count == P256.scalarByteCount,
            let base = unsafe output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        else {
            throw .invalidKey("this key has no private scalar")
        }
        OpenSSLErrorQueue.clear()
        var scalar: OpaquePointer?
        defer { unsafe BN_clear_free(scalar) }
        let status = unsafe withUnsafeEVPPKey { pkey in
            unsafe EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY, &scalar)
        }
        guard status == 1, unsafe BN_bn2binpad(scalar, base, Int32(output.count)) == Int32(output.count) else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not read the private scalar")
        }
    }
}

internal import COpenSSL

/// Makes the `EVP_PKEY_CTX`s that the ECDSA and RSA backends keep in their keys' pools.
enum OpenSSLSignatureContext {
    /// A new context for `key`, initialised for signing or verifying; the caller configures the algorithm's
    /// parameters and owns the result. `algorithm` names the operation in messages.
    /// Wraps `EVP_PKEY_CTX_new_from_pkey` and `EVP_PKEY_sign_init` / `EVP_PKEY_verify_init`.
    static func make(for key: EVPKey, signing: Bool, algorithm: String) throws(JWTError) -> OpaquePointer {
        let context = unsafe key.withUnsafeEVPPKey { pkey in
            unsafe EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil)
        }
        guard let context = unsafe context else {
            throw OpenSSLErrorQueue.failure(.cryptographicFailure, "could not create an EVP_PKEY_CTX")
        }
        let initStatus = unsafe signing ? EVP_PKEY_sign_init(context) : EVP_PKEY_verify_init(context)
        guard initStatus == 1 else {
            unsafe EVP_PKEY_CTX_free(context)
            throw OpenSSLErrorQueue.failure(
                .cryptographicFailure,
                "could not initialise \(algorithm) \(signing ? "signing" : "verification")"
            )
        }
        return unsafe context
    }
}

extension JWTError {
    /// Key material that cannot be a valid key: a bad encoding, a point that is not on the curve, a coordinate or
    /// scalar out of range, a private part that does not match its public part, an RSA public exponent of 1 or an
    /// even one.
    @inline(never)
    static func invalidKey(_ reason: String, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(code: .invalidKey, reason: reason, fileID: fileID, line: line)
    }

    /// A well-formed key that cannot be used here: another key type or curve, a compressed point, an encrypted key,
    /// a weak key (an RSA modulus under 2048 bits, an HMAC key shorter than its hash), an algorithm the key cannot
    /// do, or a JWK whose `use`, `key_ops` or `alg` says it is meant for something else.
    @inline(never)
    static func unsupportedKey(_ reason: String, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(code: .unsupportedKey, reason: reason, fileID: fileID, line: line)
    }

    /// A signature whose length is not the one `algorithm` produces: for ECDSA, the raw `R || S` of RFC 7518
    /// section 3.4 (so DER signatures land here); for EdDSA 64 bytes; for HMAC the hash's length; for RSA the
    /// modulus's length.
    @inline(never)
    static func signatureIsNotRaw(
        byteCount: Int,
        algorithm: JWSAlgorithm,
        expected: Int? = nil,
        fileID: String = #fileID,
        line: UInt = #line
    ) -> JWTError {
        let reason: String
        switch algorithm.family {
        case .ecdsa:
            let size = ECCurve.of(algorithm)?.signatureByteCount ?? 0
            let hint =
                byteCount > 2 && byteCount != size ? " (DER-encoded ECDSA signatures are not accepted by JOSE)" : ""
            reason =
                "an \(algorithm) signature is exactly \(size) bytes of raw R||S (RFC 7518 section 3.4), got "
                + "\(byteCount)\(hint)"
        case .eddsa:
            reason = "an EdDSA (Ed25519) signature is exactly 64 bytes (RFC 8032 section 5.1.6), got \(byteCount)"
        case .hmac:
            reason =
                "an \(algorithm) signature is the full \(algorithm.digest.byteCount)-byte \(algorithm.digest.name) HMAC "
                + "(RFC 7518 section 3.2), got \(byteCount)"
        case .rsaPKCS1, .rsaPSS:
            reason =
                "an \(algorithm) signature is exactly as long as the key's modulus, \(expected ?? 0) bytes (RFC 8017 "
                + "section 8), got \(byteCount)"
        }
        return JWTError(code: .invalidSignatureEncoding, reason: reason, fileID: fileID, line: line)
    }

    /// The cryptographic backend failed for a reason that is not the caller's input (for example, out of memory).
    @inline(never)
    static func cryptographicFailure(_ reason: String, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(code: .cryptographicFailure, reason: reason, fileID: fileID, line: line)
    }
}

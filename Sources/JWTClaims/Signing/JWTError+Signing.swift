extension JWTError {
    /// Key material that cannot be a valid P-256 key: a bad encoding, a point that is not on the curve, a
    /// coordinate or scalar out of range, or a private scalar that does not match its public point.
    @inline(never)
    static func invalidKey(_ reason: String, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(code: .invalidKey, reason: reason, fileID: fileID, line: line)
    }

    /// A well-formed key that ES256 cannot use: another key type or curve, a compressed point, an encrypted key,
    /// or a JWK whose `use`, `key_ops` or `alg` says it is meant for something else.
    @inline(never)
    static func unsupportedKey(_ reason: String, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(code: .unsupportedKey, reason: reason, fileID: fileID, line: line)
    }

    /// A signature that is not exactly 64 bytes of raw R||S (RFC 7518 section 3.4); DER signatures land here.
    @inline(never)
    static func signatureIsNotRaw(byteCount: Int, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        let hint = byteCount > 2 && byteCount != 64 ? " (DER-encoded ECDSA signatures are not accepted by JOSE)" : ""
        return JWTError(
            code: .invalidSignatureEncoding,
            reason:
                "an ES256 signature is exactly 64 bytes of raw R||S (RFC 7518 section 3.4), got \(byteCount)\(hint)",
            fileID: fileID,
            line: line
        )
    }

    /// The cryptographic backend failed for a reason that is not the caller's input (for example, out of memory).
    @inline(never)
    static func cryptographicFailure(_ reason: String, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(code: .cryptographicFailure, reason: reason, fileID: fileID, line: line)
    }
}

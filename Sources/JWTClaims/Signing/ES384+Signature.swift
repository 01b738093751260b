extension ES384 {
    /// An ES384 signature: the 96 bytes `R || S`, each a 48-byte big-endian integer (RFC 7518 section 3.4).
    ///
    /// This is the only form a JWS carries; DER-encoded ECDSA signatures are refused rather than silently
    /// converted, so a token can have exactly one valid encoding of a given signature value.
    public struct Signature: Sendable, Hashable {
        /// The 96 bytes `R || S`.
        public let rawRepresentation: [UInt8]

        /// A signature from its 96 raw bytes `R || S`.
        ///
        /// Only the length is checked here; whether r and s are in range is part of verification.
        ///
        /// - Parameter rawRepresentation: exactly 96 bytes, R then S, each big-endian and left-padded with zeros.
        /// - Throws: ``JWTError/Code/invalidSignatureEncoding`` for any other length (including any DER signature).
        public init(rawRepresentation: some Collection<UInt8>) throws(JWTError) {
            let bytes = [UInt8](rawRepresentation)
            guard bytes.count == ECCurve.p384.signatureByteCount else {
                throw .signatureIsNotRaw(byteCount: bytes.count, algorithm: .es384)
            }
            self.rawRepresentation = bytes
        }

        /// A signature the backend made, of the right length.
        init(validated bytes: [UInt8]) {
            rawRepresentation = bytes
        }
    }
}

/// ES256: ECDSA on the NIST P-256 curve with SHA-256, as JOSE defines it (RFC 7518 section 3.4).
///
/// ```swift
/// let key = try ES256.PrivateKey()
/// let signature = try key.signature(for: Array("header.payload".utf8))
/// let isValid = key.publicKey.isValidSignature(signature, for: Array("header.payload".utf8))
/// ```
///
/// Keys import from and export to PEM, DER, JWK (RFC 7517) and, for public keys, the raw uncompressed point;
/// signatures are always the 64-byte raw `R || S` that JWS uses, never DER. The work is done by the system's
/// OpenSSL 3, whose types never appear in this API.
public enum ES256 {}

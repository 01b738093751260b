/// ES384: ECDSA on the NIST P-384 curve with SHA-384, as JOSE defines it (RFC 7518 section 3.4).
///
/// ```swift
/// let key = try ES384.PrivateKey()
/// let signature = try key.signature(for: Array("header.payload".utf8))
/// let isValid = key.publicKey.isValidSignature(signature, for: Array("header.payload".utf8))
/// ```
///
/// The same implementation as ``ES256`` on another curve: keys import from and export to PEM, DER, JWK (RFC 7517)
/// and, for public keys, the raw uncompressed point; signatures are always the 96-byte raw `R || S` that JWS uses
/// (48 bytes each), never DER.
public enum ES384 {}

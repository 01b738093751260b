/// EdDSA with Ed25519 (RFC 8032), as JOSE defines it (RFC 8037): the `EdDSA` algorithm with `OKP` keys on curve
/// `Ed25519`.
///
/// ```swift
/// let key = try EdDSA.PrivateKey()
/// let signature = try key.signature(for: Array("header.payload".utf8))
/// let isValid = key.publicKey.isValidSignature(signature, for: Array("header.payload".utf8))
/// ```
///
/// Keys import from and export to PEM (PKCS#8 and SPKI, RFC 8410), DER, JWK and their raw 32 bytes; signatures are
/// 64 bytes. Ed448 is not supported, and X25519 and X448 keys (key agreement, not signatures) are refused. RFC 9864
/// registers the fully-specified name `Ed25519` for this algorithm and deprecates `EdDSA`; this library accepts
/// only `EdDSA`, the name every deployed JOSE library writes, so a token headed `Ed25519` is refused.
public enum EdDSA {}

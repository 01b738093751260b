/// HMAC with SHA-2, as JOSE defines it (RFC 7518 section 3.2): `HS256`, `HS384` and `HS512`.
///
/// ```swift
/// let key = try HMAC.Key(algorithm: .hs256)
/// let signature = try key.signature(for: Array("header.payload".utf8))
/// let isValid = key.isValidSignature(signature, for: Array("header.payload".utf8))
/// ```
///
/// An HMAC key is a shared secret, bound to one algorithm, at least as long as the hash's output (32, 48 or 64
/// bytes: RFC 7518 section 3.2 says "A key of the same size as the hash output ... or larger MUST be used"). It
/// comes only from bytes you hand over or from an `oct` JSON Web Key, **never from a PEM or DER document**: a public
/// key can never become an HMAC secret, which is what the classic algorithm-confusion attack needs (an RS256 verifier
/// tricked into checking an HS256 token with the public key's PEM text as the secret).
public enum HMAC {}

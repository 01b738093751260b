/// RSA signatures as JOSE defines them: RSASSA-PKCS1-v1_5 (`RS256`, `RS384`, `RS512`, RFC 7518 section 3.3) and
/// RSASSA-PSS with MGF1 and a salt as long as the hash (`PS256`, `PS384`, `PS512`, section 3.5).
///
/// ```swift
/// let key = try RSA.PrivateKey(algorithm: .ps256)
/// let signature = try key.signature(for: Array("header.payload".utf8))
/// let isValid = key.publicKey.isValidSignature(signature, for: Array("header.payload".utf8))
/// ```
///
/// **An RSA key is bound to one algorithm**, the JWK's `alg` or the one its creator passes, and never takes another:
/// one RSA key can mathematically do all six, but a verifier that let the token choose would let a token signed for
/// one use pass as another. Keys import from and export to PEM (PKCS#8, PKCS#1 `RSA PRIVATE KEY` and `RSA PUBLIC
/// KEY`, SPKI), DER and JWK. Keys must pass the RSA key policy: at least 2048 bits, an odd public exponent of at least
/// 3, no small factors, not a ROCA key.
public enum RSA {}

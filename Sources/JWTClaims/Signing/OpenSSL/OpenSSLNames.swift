internal import COpenSSL

/// The C strings handed to OpenSSL calls that keep the pointer beyond the call.
///
/// `OSSL_PARAM_BLD_push_*` stores the parameter name (and a string value) by pointer until `OSSL_PARAM_BLD_to_param`
/// and the resulting `OSSL_PARAM` array refers to the name for as long as it lives; `OSSL_DECODER_CTX_new_for_pkey`
/// keeps its input type and structure by pointer until decoding; an `OSSL_PARAM` made by `OSSL_PARAM_construct_*`
/// points at its name and value. A Swift `String` passed to a `const char *` parameter is only valid during that one
/// call, so these names are static literals instead, whose storage lives in the binary for the whole process. The
/// imported `OSSL_PKEY_PARAM_*` macros are Swift `String`s and so cannot be used for this; the literals below spell
/// the same names (EVP_PKEY-EC(7), EVP_PKEY-RSA(7), EVP_MAC-HMAC(7), OSSL_DECODER_CTX_new_for_pkey(3)).
enum OpenSSLNames {
    /// `OSSL_PKEY_PARAM_GROUP_NAME`.
    static let groupName: StaticString = "group"
    /// `OSSL_PKEY_PARAM_PUB_KEY`.
    static let publicKey: StaticString = "pub"
    /// `OSSL_PKEY_PARAM_PRIV_KEY`.
    static let privateKey: StaticString = "priv"
    /// OpenSSL's short names for the NIST curves (`SN_X9_62_prime256v1`, `SN_secp384r1`, `SN_secp521r1`).
    static let prime256v1: StaticString = "prime256v1"
    static let secp384r1: StaticString = "secp384r1"
    static let secp521r1: StaticString = "secp521r1"
    /// Key types, for decoders and `EVP_PKEY_CTX_new_from_name`.
    static let ec: StaticString = "EC"
    static let ed25519: StaticString = "ED25519"
    static let rsa: StaticString = "RSA"
    /// The RSA key parameters (`OSSL_PKEY_PARAM_RSA_N`, `_E`, `_D`, `_FACTOR1`, `_FACTOR2`, `_EXPONENT1`,
    /// `_EXPONENT2`, `_COEFFICIENT1`).
    static let rsaModulus: StaticString = "n"
    static let rsaPublicExponent: StaticString = "e"
    static let rsaPrivateExponent: StaticString = "d"
    static let rsaFactor1: StaticString = "rsa-factor1"
    static let rsaFactor2: StaticString = "rsa-factor2"
    static let rsaExponent1: StaticString = "rsa-exponent1"
    static let rsaExponent2: StaticString = "rsa-exponent2"
    static let rsaCoefficient1: StaticString = "rsa-coefficient1"
    /// The MAC algorithm and its digest parameter (`OSSL_MAC_PARAM_DIGEST`).
    static let hmac: StaticString = "HMAC"
    static let digest: StaticString = "digest"
    static let sha256: StaticString = "SHA256"
    static let sha384: StaticString = "SHA384"
    static let sha512: StaticString = "SHA512"
    /// Decoder input types.
    static let pem: StaticString = "PEM"
    static let der: StaticString = "DER"
    /// Decoder structures.
    static let privateKeyInfo: StaticString = "PrivateKeyInfo"
    static let typeSpecific: StaticString = "type-specific"
    static let subjectPublicKeyInfo: StaticString = "SubjectPublicKeyInfo"
}

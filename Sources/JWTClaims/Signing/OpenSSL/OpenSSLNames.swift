internal import COpenSSL

/// The C strings handed to OpenSSL calls that keep the pointer beyond the call.
///
/// `OSSL_PARAM_BLD_push_*` stores the parameter name (and a string value) by pointer until `OSSL_PARAM_BLD_to_param`
/// and the resulting `OSSL_PARAM` array refers to the name for as long as it lives; `OSSL_DECODER_CTX_new_for_pkey`
/// keeps its input type and structure by pointer until decoding. A Swift `String` passed to a `const char *`
/// parameter is only valid during that one call, so these names are static literals instead, whose storage lives
/// in the binary for the whole process. The imported `OSSL_PKEY_PARAM_*` macros are Swift `String`s and so cannot be
/// used for this; the literals below spell the same names (EVP_PKEY-EC(7), OSSL_DECODER_CTX_new_for_pkey(3)).
enum OpenSSLNames {
    /// `OSSL_PKEY_PARAM_GROUP_NAME`.
    static let groupName: StaticString = "group"
    /// `OSSL_PKEY_PARAM_PUB_KEY`.
    static let publicKey: StaticString = "pub"
    /// `OSSL_PKEY_PARAM_PRIV_KEY`.
    static let privateKey: StaticString = "priv"
    /// OpenSSL's short name for P-256 (`SN_X9_62_prime256v1`).
    static let prime256v1: StaticString = "prime256v1"
    /// The EC key type, for decoders and `EVP_PKEY_CTX_new_from_name`.
    static let ec: StaticString = "EC"
    /// Decoder input types.
    static let pem: StaticString = "PEM"
    static let der: StaticString = "DER"
    /// Decoder structures.
    static let privateKeyInfo: StaticString = "PrivateKeyInfo"
    static let typeSpecific: StaticString = "type-specific"
    static let subjectPublicKeyInfo: StaticString = "SubjectPublicKeyInfo"
}

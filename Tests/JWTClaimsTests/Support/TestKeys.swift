import JWTClaims

/// Keys shared by the token-level tests, made once per process.
enum TestKeys {
    /// The private key of RFC 7515 appendix A.3, as a JWK.
    static let rfc7515PrivateJWK = """
        {"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",\
        "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}
        """

    /// The RFC 7515 A.3 key pair.
    static func rfc7515() throws -> ES256.PrivateKey {
        try ES256.PrivateKey(jwkRepresentation: rfc7515PrivateJWK)
    }
}

import JWTClaims

/// Keys and tokens shared by the CLI tests.
enum Fixtures {
    /// A P-256 key in SEC1 form (`EC PRIVATE KEY`), as `openssl ecparam -genkey -noout` writes it; made for these
    /// tests only.
    static let sec1PrivateKeyPEM = """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIH5gVOnA2i/kwqm+OwzplrxbiaOKycHdjvf3kklxQRQqoAoGCCqGSM49
        AwEHoUQDQgAEG7FaD8TmYmAwypmnMBXrro3AbRKY71BARydk7335WuKcVOGKuvGH
        uqX0XOpBeCSIBG2KRGqtkh8GqajCUDsoEA==
        -----END EC PRIVATE KEY-----

        """

    /// The public key of ``sec1PrivateKeyPEM`` in SPKI form (`openssl ec -pubout`).
    static let spkiPublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEG7FaD8TmYmAwypmnMBXrro3AbRKY
        71BARydk7335WuKcVOGKuvGHuqX0XOpBeCSIBG2KRGqtkh8GqajCUDsoEA==
        -----END PUBLIC KEY-----

        """

    /// The RFC 7638 thumbprint of that key, as `jwt-claims thumbprint` printed it when the fixture was made.
    static let thumbprint = "tmQr54FQWtrLM1xy4PDV9-8OG9_a9Hi5xAI19U-dazE"

    /// The fixture key.
    static func key() throws -> ES256.PrivateKey {
        try ES256.PrivateKey(pemRepresentation: sec1PrivateKeyPEM)
    }

    /// A JWK object's compact text with `extra` members appended.
    static func jwk(_ object: JSONObject, adding extra: [(String, JSONValue)] = []) -> String {
        var object = object
        for (name, value) in extra { object[name] = value }
        return object.serialized()
    }

    /// The claims used by most tests: valid from 1599177603 to 1599181203, as on the reference page.
    static let claims =
        #"{"aud":"a4471794-8ee8-4d88-b321-5f7a22803d43","exp":1599181203,"iat":1599177603,"#
        + #""iss":"https://www.cotter.app","sub":"5522261a","big":12345678901234567890,"f":1.50}"#

    /// An instant inside ``claims``' lifetime.
    static let insideLifetime = "1599180000"

    /// Signs ``claims`` (or `claims`) with the fixture key and `keyID`.
    static func token(claims: String = Fixtures.claims, keyID: String? = nil) throws -> String {
        try JWTSigner(key: key(), keyID: keyID).sign(ClaimSet(parsing: claims))
    }
}

import JWTClaims

/// Authenticates API clients against the service's ``APIKeySet``.
///
/// A wrong secret and an unknown id take the same path: the presented secret is hashed and compared, in constant
/// time, with a digest either way (an unknown id's is a dummy no secret has), and both give the same 401 text. So
/// neither the answer nor its timing tells a guesser whether an id exists.
struct ClientAuthenticator: Sendable {
    /// What a route requires.
    enum Requirement: Sendable {
        /// An id and its secret (issue, custom).
        case idAndSecret
        /// An id; a secret, if sent, must be right (revoke).
        case id
        /// The id in the refresh path; a header or Basic id, if sent, must be the same (refresh grant).
        case pathID(String)
        /// An id if the client sends one (verify); a secret, if sent, must be right.
        case optionalID
    }

    /// The keys.
    let apiKeys: APIKeySet
    /// A key no secret matches, compared against when the id is unknown.
    private let absentKey: APIKey?

    /// An authenticator over `apiKeys`.
    init(apiKeys: APIKeySet) {
        self.apiKeys = apiKeys
        // The digest of no secret in practice: 32 zero bytes are not the SHA-256 of any known input.
        absentKey = try? APIKey(id: "absent", secretDigest: Array(repeating: 0, count: 32))
    }

    /// The key `credentials` authenticate under `requirement`; nil only for ``Requirement/optionalID`` without an id.
    ///
    /// - Throws: ``ServiceError`` `invalid_client` (with `WWW-Authenticate: Basic` after Basic credentials or when
    ///   none were sent) for missing, unknown or wrong credentials, always with the same text.
    func authenticate(_ credentials: ClientCredentials, _ requirement: Requirement) throws(ServiceError) -> APIKey? {
        let failure = ServiceError.invalidClient(afterBasic: credentials.viaBasic || credentials.keyID == nil)
        let id: String
        switch requirement {
        case .pathID(let pathID):
            if let presented = credentials.keyID, presented != pathID {
                throw failure
            }
            id = pathID
        case .optionalID:
            guard let presented = credentials.keyID else {
                guard credentials.secret == nil else { throw failure }
                return nil
            }
            id = presented
        case .idAndSecret, .id:
            guard let presented = credentials.keyID else { throw failure }
            id = presented
        }
        let key = apiKeys.key(forID: id)
        switch requirement {
        case .idAndSecret:
            // Hash and compare whether or not the id exists: the same work for an unknown id as for a wrong secret.
            let matches = (key ?? absentKey)?.matches(secret: credentials.secret ?? "") ?? false
            guard let key, matches, credentials.secret != nil else { throw failure }
            return key
        case .id, .optionalID, .pathID:
            guard let key else { throw failure }
            if let secret = credentials.secret, !key.matches(secret: secret) {
                throw failure
            }
            return key
        }
    }
}

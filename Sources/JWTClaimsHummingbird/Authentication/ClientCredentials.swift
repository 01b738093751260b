import HTTPTypes
import Hummingbird

/// The API credentials a request presents: the `API_KEY_ID` and `API_SECRET_KEY` headers (as the reference API
/// takes them), or HTTP Basic with the id as user id and the secret as password (proxies such as nginx drop header
/// names with underscores by default).
///
/// The headers win when either is present; a request with neither and no Basic credentials presents none.
struct ClientCredentials: Sendable {
    /// The presented key id, if any.
    let keyID: String?
    /// The presented secret, if any (an empty Basic password counts as none).
    let secret: String?
    /// Whether the credentials came as HTTP Basic, so that a 401 carries `WWW-Authenticate: Basic`.
    let viaBasic: Bool

    /// The header `API_KEY_ID`.
    static let keyIDHeader = HTTPField.Name("API_KEY_ID")
    /// The header `API_SECRET_KEY`.
    static let secretHeader = HTTPField.Name("API_SECRET_KEY")

    /// The credentials `request` presents.
    ///
    /// - Throws: ``ServiceError`` `invalid_client` for malformed Basic credentials, or a header sent twice.
    init(_ request: Request) throws(ServiceError) {
        let fields = request.headers
        let ids = Self.keyIDHeader.map { fields[values: $0] } ?? []
        let secrets = Self.secretHeader.map { fields[values: $0] } ?? []
        if !ids.isEmpty || !secrets.isEmpty {
            guard ids.count <= 1, secrets.count <= 1 else {
                throw .invalidClient(afterBasic: false)
            }
            keyID = ids.first
            secret = secrets.first
            viaBasic = false
            return
        }
        for value in fields[values: .authorization] {
            switch BasicCredentials.parse(value) {
            case .success(let basic)?:
                keyID = basic.userID
                secret = basic.password.isEmpty ? nil : basic.password
                viaBasic = true
                return
            case .failure(let error)?:
                throw error
            case nil:
                continue
            }
        }
        keyID = nil
        secret = nil
        viaBasic = false
    }
}

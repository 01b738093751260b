/// The SHA-2 hashes the JWS algorithms use (FIPS 180-4), named without OpenSSL: the backend maps each to its fetched
/// implementation.
enum Digest: Sendable {
    case sha256
    case sha384
    case sha512

    /// Bytes in a digest, which is also the PSS salt length and the shortest HMAC key of the algorithms using it.
    var byteCount: Int {
        switch self {
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    /// The name, for messages: `SHA-256`.
    var name: String {
        switch self {
        case .sha256: "SHA-256"
        case .sha384: "SHA-384"
        case .sha512: "SHA-512"
        }
    }
}

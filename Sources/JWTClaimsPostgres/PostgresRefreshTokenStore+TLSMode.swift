extension PostgresRefreshTokenStore {
    /// Whether and how the store's connections use TLS: libpq's `sslmode`, as far as postgres-nio offers it.
    ///
    /// | mode | URL | the server without TLS | the server's certificate |
    /// |---|---|---|---|
    /// | ``disable`` | `sslmode=disable` | plain text | not used |
    /// | ``prefer`` (default) | `sslmode=prefer` | plain text | not checked |
    /// | ``require(rootCertificatePath:)`` | `sslmode=require` | refused | not checked; with a root, its chain is |
    /// | ``verifyCA(rootCertificatePath:)`` | `sslmode=verify-ca` | refused | chain checked, not the host name |
    /// | ``verifyFull(rootCertificatePath:)`` | `sslmode=verify-full` | refused | chain and host name checked |
    ///
    /// Only ``verifyFull(rootCertificatePath:)`` makes sure that the store talks to the server it names: the other
    /// modes encrypt (or not) but accept any server that answers, so a machine in the middle could read the
    /// refresh-token records and the password's SCRAM exchange. Use `verify-full` whenever the database is reached over
    /// a network you do not control.
    ///
    /// A root certificate path names a PEM file of trusted certificate authorities (`sslrootcert=PATH`). Without
    /// one, ``verifyCA(rootCertificatePath:)`` and ``verifyFull(rootCertificatePath:)`` trust the system's
    /// certificate authorities (libpq would read `~/.postgresql/root.crt` instead). `require` with a root behaves as
    /// `verify-ca`, as in libpq. Not offered: libpq's `allow`, and client certificates (`sslcert`, `sslkey`).
    public enum TLSMode: Hashable, Sendable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it, plain text otherwise; the certificate is not checked (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is checked against `rootCertificatePath` when one is given, and
        /// not at all otherwise.
        case require(rootCertificatePath: String? = nil)
        /// TLS or no connection; the certificate must chain to a trusted authority (`rootCertificatePath`, or the
        /// system's), whatever host name it was issued for.
        case verifyCA(rootCertificatePath: String? = nil)
        /// TLS or no connection; the certificate must chain to a trusted authority (`rootCertificatePath`, or the
        /// system's) and be issued for the configured host (name or IP address).
        case verifyFull(rootCertificatePath: String? = nil)

        /// The mode's `sslmode` spelling, such as `verify-full`.
        public var name: String {
            switch self {
            case .disable: "disable"
            case .prefer: "prefer"
            case .require: "require"
            case .verifyCA: "verify-ca"
            case .verifyFull: "verify-full"
            }
        }

        /// The file of trusted certificate authorities, if the mode has one.
        public var rootCertificatePath: String? {
            switch self {
            case .disable, .prefer: nil
            case .require(let path), .verifyCA(let path), .verifyFull(let path): path
            }
        }
    }
}

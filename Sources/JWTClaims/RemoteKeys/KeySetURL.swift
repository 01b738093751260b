/// The checked URL of a remote JWK Set (`package` so that the HTTP fetcher of JWTClaimsHummingbird checks it the
/// same way): absolute, `https`, or `http` to a loopback host only.
///
/// Loopback `http` exists for tests and for a sidecar on the same machine; nothing off the machine is ever fetched
/// without TLS, since whoever can change the key set can mint tokens.
package struct KeySetURL: Sendable, Hashable {
    /// The URL as configured.
    package let text: String
    /// The host, lowercased, without brackets or port.
    package let host: String
    /// Whether the scheme is `https`.
    package let isHTTPS: Bool

    /// Checks `text`.
    ///
    /// - Throws: ``JWTError/Code/invalidKeySetURL`` for another scheme, a missing host, user information, a
    ///   fragment, whitespace or control characters, or plain `http` to a host that is not loopback.
    package init(_ text: String) throws(JWTError) {
        let lowered = text.lowercased()
        let isHTTPS = lowered.hasPrefix("https://")
        guard isHTTPS || lowered.hasPrefix("http://") else {
            throw Self.invalid(text, "it must be an https:// URL")
        }
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), !text.contains("#") else {
            throw Self.invalid(text, "it must be ASCII without spaces, control characters or a fragment")
        }
        let rest = lowered.dropFirst(isHTTPS ? 8 : 7)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        guard !authority.contains("@") else {
            throw Self.invalid(text, "it must not carry user information")
        }
        let host: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw Self.invalid(text, "its IPv6 host has no closing bracket")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
        } else {
            host = authority.prefix { $0 != ":" }
        }
        guard !host.isEmpty else {
            throw Self.invalid(text, "it has no host")
        }
        guard isHTTPS || Self.isLoopback(host) else {
            throw Self.invalid(
                text,
                "plain http is allowed for a loopback host only (localhost, 127.0.0.0/8, ::1); use https"
            )
        }
        self.text = text
        self.host = String(host)
        self.isHTTPS = isHTTPS
    }

    /// Whether `host` names this machine: `localhost`, an IPv4 address in 127.0.0.0/8, or `::1`.
    package static func isLoopback(_ host: some StringProtocol) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" {
            return true
        }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127"
            && octets.allSatisfy { octet in
                !octet.isEmpty && octet.count <= 3 && octet.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                    && (Int(octet) ?? 256) <= 255
            }
    }

    private static func invalid(_ text: String, _ why: String) -> JWTError {
        JWTError(
            code: .invalidKeySetURL,
            reason: "the JWK Set URL \(JWTError.quoted(text, limit: 200)) cannot be used: \(why)"
        )
    }
}

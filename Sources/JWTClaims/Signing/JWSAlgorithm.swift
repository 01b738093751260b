/// A JWS signature algorithm (RFC 7518 section 3, RFC 8037 section 3.1): the `alg` a token's header names and the
/// one algorithm every key of this library is bound to.
///
/// **A key decides its algorithm; a token header never does.** Every key value carries exactly one
/// `JWSAlgorithm`, fixed when the key is made: an EC key's curve gives ES256, ES384 or ES512, an Ed25519 key gives
/// EdDSA, and an RSA or HMAC key takes the JWK's `alg` or the algorithm its creator passes. ``JWTVerifier`` compares
/// the header's `alg` with the selected key's algorithm before any cryptography runs, so a token can never make an
/// RSA public key act as an HMAC secret (the classic algorithm-confusion attack), and `none` never verifies: it is
/// not a `JWSAlgorithm` at all.
///
/// Names are compared code unit by code unit, as RFC 7515 section 4.1.1 requires: `es256`, `ES256 ` and `None` name
/// no algorithm.
///
/// ```swift
/// JWSAlgorithm(rawValue: "PS256") == .ps256   // true
/// JWSAlgorithm(rawValue: "none")             // nil
/// ```
public struct JWSAlgorithm: Sendable {
    /// The algorithms, in the order of ``allCases``.
    enum Backing: UInt8, Sendable, CaseIterable {
        case es256, es384, es512
        case eddsa
        case rs256, rs384, rs512
        case ps256, ps384, ps512
        case hs256, hs384, hs512
    }

    /// The kinds of key an algorithm needs.
    enum Family: Sendable {
        /// ECDSA on a NIST curve (`EC` keys).
        case ecdsa
        /// Ed25519 (`OKP` keys).
        case eddsa
        /// RSASSA-PKCS1-v1_5 (`RSA` keys).
        case rsaPKCS1
        /// RSASSA-PSS with MGF1 and a salt as long as the hash (`RSA` keys).
        case rsaPSS
        /// HMAC (`oct` keys).
        case hmac
    }

    let backing: Backing

    private init(_ backing: Backing) {
        self.backing = backing
    }

    /// ECDSA on P-256 with SHA-256; raw 64-byte `R || S` signatures (RFC 7518 section 3.4).
    public static let es256 = JWSAlgorithm(.es256)
    /// ECDSA on P-384 with SHA-384; raw 96-byte `R || S` signatures.
    public static let es384 = JWSAlgorithm(.es384)
    /// ECDSA on P-521 with SHA-512; raw 132-byte `R || S` signatures (66 bytes each: P-521 scalars have 521 bits).
    public static let es512 = JWSAlgorithm(.es512)
    /// EdDSA with Ed25519 (RFC 8037); 64-byte signatures. Ed448 is not supported.
    public static let eddsa = JWSAlgorithm(.eddsa)
    /// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 section 3.3).
    public static let rs256 = JWSAlgorithm(.rs256)
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    public static let rs384 = JWSAlgorithm(.rs384)
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    public static let rs512 = JWSAlgorithm(.rs512)
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt (RFC 7518 section 3.5).
    public static let ps256 = JWSAlgorithm(.ps256)
    /// RSASSA-PSS with SHA-384, MGF1 with SHA-384 and a 48-byte salt.
    public static let ps384 = JWSAlgorithm(.ps384)
    /// RSASSA-PSS with SHA-512, MGF1 with SHA-512 and a 64-byte salt.
    public static let ps512 = JWSAlgorithm(.ps512)
    /// HMAC with SHA-256 (RFC 7518 section 3.2); keys of at least 32 bytes.
    public static let hs256 = JWSAlgorithm(.hs256)
    /// HMAC with SHA-384; keys of at least 48 bytes.
    public static let hs384 = JWSAlgorithm(.hs384)
    /// HMAC with SHA-512; keys of at least 64 bytes.
    public static let hs512 = JWSAlgorithm(.hs512)

    /// Every supported algorithm: ES256, ES384, ES512, EdDSA, RS256, RS384, RS512, PS256, PS384, PS512, HS256, HS384,
    /// HS512.
    public static let allCases: [JWSAlgorithm] = Backing.allCases.map(JWSAlgorithm.init)

    /// The algorithm registered under `name`, compared code unit by code unit; nil for any other text, including
    /// `none` in every spelling.
    ///
    /// - Parameter rawValue: a JOSE `alg` value such as `"RS256"`.
    public init?(rawValue: String) {
        // Every name is 5 ASCII bytes; anything else is rejected before a comparison.
        guard rawValue.utf8.count == 5,
            let found = Self.allCases.first(where: { CodeUnitString.equal($0.rawValue, rawValue) })
        else { return nil }
        self = found
    }

    /// The JOSE name, as it appears in a header's or a JWK's `alg`: `ES256`, `EdDSA`, `PS384`, ...
    public var rawValue: String {
        switch backing {
        case .es256: "ES256"
        case .es384: "ES384"
        case .es512: "ES512"
        case .eddsa: "EdDSA"
        case .rs256: "RS256"
        case .rs384: "RS384"
        case .rs512: "RS512"
        case .ps256: "PS256"
        case .ps384: "PS384"
        case .ps512: "PS512"
        case .hs256: "HS256"
        case .hs384: "HS384"
        case .hs512: "HS512"
        }
    }

    /// The kind of key the algorithm needs.
    var family: Family {
        switch backing {
        case .es256, .es384, .es512: .ecdsa
        case .eddsa: .eddsa
        case .rs256, .rs384, .rs512: .rsaPKCS1
        case .ps256, .ps384, .ps512: .rsaPSS
        case .hs256, .hs384, .hs512: .hmac
        }
    }

    /// The hash the algorithm signs or authenticates with (Ed25519 hashes inside the algorithm, with SHA-512).
    var digest: Digest {
        switch backing {
        case .es256, .rs256, .ps256, .hs256: .sha256
        case .es384, .rs384, .ps384, .hs384: .sha384
        case .es512, .rs512, .ps512, .hs512, .eddsa: .sha512
        }
    }

    /// The RSA algorithms, for messages.
    static let rsaAlgorithms: [JWSAlgorithm] = [.rs256, .rs384, .rs512, .ps256, .ps384, .ps512]
    /// The HMAC algorithms, for messages.
    static let hmacAlgorithms: [JWSAlgorithm] = [.hs256, .hs384, .hs512]
}

extension JWSAlgorithm: Hashable {
    /// Whether both name the same algorithm.
    public static func == (lhs: JWSAlgorithm, rhs: JWSAlgorithm) -> Bool {
        lhs.backing == rhs.backing
    }

    /// Hashes the algorithm.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(backing)
    }
}

extension JWSAlgorithm: RawRepresentable {}

extension JWSAlgorithm: CustomStringConvertible {
    /// The JOSE name, such as `RS256`.
    public var description: String {
        rawValue
    }
}

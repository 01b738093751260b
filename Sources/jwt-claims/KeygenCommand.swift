import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims keygen`: makes a new key for one JOSE algorithm.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make a new key (ES256 by default); print the private key, or write the keys to files.",
        discussion: """
            --alg picks the algorithm: ES256/ES384/ES512 (P-256/P-384/P-521), EdDSA (Ed25519), RS*/PS* (2048-bit \
            RSA), or HS256/HS384/HS512 (a random secret as long as the hash, written as one JWK with kty "oct" and \
            "alg"; it has no public half, so --public-out is refused). A PEM file carries no algorithm: an RSA key \
            read from PEM is RS256 unless --alg says otherwise, so keep a PS* key as a JWK (--format jwk), which \
            records "alg". Without --private-out the private key is printed to standard output. Private key files \
            are created with mode 0600, public ones with 0644. If either output file exists, nothing is written \
            unless --force is given. --kid thumbprint sets the RFC 7638 (RFC 8037) thumbprint as the JWK "kid"; a \
            PEM file has no place for a kid, so --kid needs --format jwk (or an HMAC algorithm).
            """
    )

    /// The key file formats.
    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// PEM: PKCS#8 `PRIVATE KEY` and SPKI `PUBLIC KEY`.
        case pem
        /// JSON Web Key (RFC 7517), one compact JSON object.
        case jwk
    }

    /// The `--kid` value that means the key's RFC 7638 thumbprint.
    static let thumbprintKeyID = "thumbprint"

    @Option(help: ArgumentHelp("The algorithm the key is for.", valueName: "alg"), transform: AlgorithmArgument.parse)
    var alg: JWSAlgorithm = .es256

    @Option(help: ArgumentHelp("Write the private key to this file (mode 0600).", valueName: "file"))
    var privateOut: String?

    @Option(help: ArgumentHelp("Write the public key to this file (mode 0644).", valueName: "file"))
    var publicOut: String?

    @Option(help: "The key format (an HMAC key is always a JWK).")
    var format: Format = .pem

    @Option(help: ArgumentHelp("The JWK 'kid', or 'thumbprint' for the RFC 7638 thumbprint.", valueName: "id"))
    var kid: String?

    @Flag(help: "Overwrite existing output files.")
    var force = false

    /// Whether `algorithm` is an HMAC one, whose key is a single secret.
    static func isHMAC(_ algorithm: JWSAlgorithm) -> Bool {
        [JWSAlgorithm.hs256, .hs384, .hs512].contains(algorithm)
    }

    func validate() throws {
        if Self.isHMAC(alg), publicOut != nil {
            throw ValidationError("--public-out: an \(alg) key is one shared secret, with no public key to write")
        }
        if kid != nil, format == .pem, !Self.isHMAC(alg) {
            throw ValidationError("--kid needs --format jwk: a PEM file has no place for a key ID")
        }
        if kid?.isEmpty == true { throw ValidationError("--kid must not be empty") }
        if let privateOut, privateOut == publicOut {
            throw ValidationError("--private-out and --public-out must be different files")
        }
    }

    /// The private and public key texts in `format`, each ending in a line feed; an HMAC key is one JWK and has no
    /// public text.
    static func texts(for key: JWTSigningKey, format: Format, kid: String?) -> (private: String, public: String?) {
        let publicKey = key.verificationKey
        if format == .pem, let privatePEM = key.pemRepresentation, let publicPEM = publicKey.pemRepresentation {
            return (privatePEM, publicPEM)
        }
        let keyID = kid == thumbprintKeyID ? key.thumbprint : kid
        var privateJWK = key.jwk
        var publicJWK = publicKey.publicJWK
        if let keyID {
            privateJWK["kid"] = .string(keyID)
            publicJWK?["kid"] = .string(keyID)
        }
        return (privateJWK.serialized() + "\n", publicJWK.map { $0.serialized() + "\n" })
    }

    func run() throws(CLIError) {
        if !force { try KeyFileWriter.checkAbsent([privateOut, publicOut].compactMap(\.self)) }
        let key: JWTSigningKey
        do throws(JWTError) {
            key = try JWTSigningKey(generatingFor: alg)
        } catch {
            throw .badInput("cannot generate a key", error)
        }
        let (privateText, publicText) = Self.texts(for: key, format: format, kid: kid)
        if let privateOut {
            try KeyFileWriter.write(privateText, to: privateOut, mode: KeyFileWriter.privateMode, force: force)
        } else {
            Console.printText(privateText)
        }
        if let publicOut, let publicText {
            try KeyFileWriter.write(publicText, to: publicOut, mode: KeyFileWriter.publicMode, force: force)
        }
    }
}

import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims keygen`: makes a new P-256 key pair.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make a new P-256 (ES256) key; print the private key, or write the keys to files.",
        discussion: """
            Without --private-out the private key is printed to standard output. Private key files are created \
            with mode 0600, public ones with 0644. If either output file exists, nothing is written unless \
            --force is given. --kid thumbprint sets the RFC 7638 thumbprint as the JWK "kid"; a PEM file has no \
            place for a kid, so --kid needs --format jwk.
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

    @Option(help: ArgumentHelp("Write the private key to this file (mode 0600).", valueName: "file"))
    var privateOut: String?

    @Option(help: ArgumentHelp("Write the public key to this file (mode 0644).", valueName: "file"))
    var publicOut: String?

    @Option(help: "The key format.")
    var format: Format = .pem

    @Option(help: ArgumentHelp("The JWK 'kid', or 'thumbprint' for the RFC 7638 thumbprint.", valueName: "id"))
    var kid: String?

    @Flag(help: "Overwrite existing output files.")
    var force = false

    func validate() throws {
        if kid != nil, format == .pem {
            throw ValidationError("--kid needs --format jwk: a PEM file has no place for a key ID")
        }
        if kid?.isEmpty == true { throw ValidationError("--kid must not be empty") }
        if let privateOut, privateOut == publicOut {
            throw ValidationError("--private-out and --public-out must be different files")
        }
    }

    /// The private and public key texts in `format`, each ending in a line feed.
    static func texts(for key: ES256.PrivateKey, format: Format, kid: String?) -> (private: String, public: String) {
        switch format {
        case .pem:
            return (key.pemRepresentation, key.publicKey.pemRepresentation)
        case .jwk:
            let keyID = kid == thumbprintKeyID ? key.publicKey.thumbprint : kid
            var privateJWK = key.jwk
            var publicJWK = key.publicKey.jwk
            if let keyID {
                privateJWK["kid"] = .string(keyID)
                publicJWK["kid"] = .string(keyID)
            }
            return (privateJWK.serialized() + "\n", publicJWK.serialized() + "\n")
        }
    }

    func run() throws(CLIError) {
        if !force { try KeyFileWriter.checkAbsent([privateOut, publicOut].compactMap(\.self)) }
        let key: ES256.PrivateKey
        do throws(JWTError) {
            key = try ES256.PrivateKey()
        } catch {
            throw .badInput("cannot generate a key", error)
        }
        let (privateText, publicText) = Self.texts(for: key, format: format, kid: kid)
        if let privateOut {
            try KeyFileWriter.write(privateText, to: privateOut, mode: KeyFileWriter.privateMode, force: force)
        } else {
            Console.printText(privateText)
        }
        if let publicOut {
            try KeyFileWriter.write(publicText, to: publicOut, mode: KeyFileWriter.publicMode, force: force)
        }
    }
}

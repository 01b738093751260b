import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims thumbprint`: prints the RFC 7638 JWK thumbprint of a key.
struct ThumbprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thumbprint",
        abstract: "Print the RFC 7638 thumbprint of a key (of each key, one a line, for a JWK Set).",
        discussion: "A private key prints its public key's thumbprint. Exit status: 0 printed; 2 an unusable key file."
    )

    @Option(help: ArgumentHelp("The key: PEM, DER, JWK or JWK Set.", valueName: "file"))
    var key: String

    func run() throws(CLIError) {
        for entry in try KeyFile(path: key).publicKeys {
            Console.printLine(entry.key.thumbprint)
        }
    }
}

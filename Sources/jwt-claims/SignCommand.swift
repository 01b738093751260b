import ArgumentParser
import JWTClaims
import JWTClaimsWireFormat

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims sign`: signs a JSON object of claims (or a batch of them) with the key's algorithm.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a JSON object of claims and print the token.",
        discussion: """
            The claims are signed exactly as written (member order and number text kept). The header is \
            {"alg":ALG,"typ":"JWT"} plus "kid" from --kid or the key's JWK "kid". ALG is the key's: its JWK "alg", \
            else the only one its type allows (EC curve, Ed25519), else --alg, else RS256 for an RSA key; an HMAC \
            (oct) key needs "alg" or --alg. Exit status: 0 signed; 2 bad usage, an unusable key file, an --alg the \
            key cannot do or that disagrees with its JWK "alg", or claims that are not a JSON object; with \
            --jsonl, 1 if any line was refused.
            """
    )

    @Option(
        help: ArgumentHelp(
            "The private key: PEM (PKCS#8, SEC1 or PKCS#1), DER, or JWK (EC, OKP, RSA, or an oct secret).",
            valueName: "file"
        )
    )
    var key: String

    @Option(
        help: ArgumentHelp("The algorithm, for a key that allows several (RSA, oct).", valueName: "alg"),
        transform: AlgorithmArgument.parse
    )
    var alg: JWSAlgorithm?

    @Option(help: ArgumentHelp("The header 'kid'; default: the JWK's 'kid', if any.", valueName: "id"))
    var kid: String?

    @Option(help: ArgumentHelp("The claims, a JSON object.", valueName: "json"))
    var claims: String?

    @Option(help: ArgumentHelp("A file holding the claims (with --jsonl: one object per line).", valueName: "file"))
    var claimsFile: String?

    @Flag(help: "Sign one claim set per line of the input; print {\"token\":\"...\"} per input line.")
    var jsonl = false

    @Argument(help: ArgumentHelp("- to read the claims from standard input.", valueName: "-"))
    var dash: String?

    func validate() throws {
        let source: ClaimsSource
        do throws(CLIError) {
            source = try ClaimsSource.choose(inline: claims, file: claimsFile, dash: dash)
        } catch {
            throw ValidationError(error.message)
        }
        if jsonl, case .inline = source {
            throw ValidationError("--jsonl reads lines from --claims-file FILE or - (stdin), not --claims")
        }
    }

    func run() throws(CLIError) {
        let source = try ClaimsSource.choose(inline: claims, file: claimsFile, dash: dash)
        let (privateKey, fileKeyID) = try KeyFile(path: key, algorithm: alg).signingKey()
        let signer = JWTSigner(key: privateKey, keyID: kid ?? fileKeyID)
        if jsonl, case .input(let input) = source {
            try JSONLines.run(input: input, maximumLineLength: ClaimsSource.maximumSize) { bytes in
                do throws(JWTError) {
                    let token = try signer.sign(ClaimSet(parsing: bytes))
                    return .success(CustomClaimsResponse(token: token).serialized())
                } catch {
                    return .failure(JSONLines.Refusal(reason: error.reason))
                }
            }.check()
            return
        }
        let bytes = try source.read()
        let claimSet: ClaimSet
        do throws(JWTError) {
            claimSet = try ClaimSet(parsing: bytes)
        } catch {
            throw .badInput(source.label, error)
        }
        do throws(JWTError) {
            Console.printLine(try signer.sign(claimSet))
        } catch {
            throw .badInput("cannot sign", error)
        }
    }
}

import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims augment`: adds custom claims to a verified token, as the reference custom-claims endpoint does.
struct AugmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "augment",
        abstract: "Add custom claims to a token and print {\"token\":\"...\"}, as the reference API does.",
        discussion: """
            The token is verified first (signature, exp, nbf, iat, and the validation flags). Every original \
            claim is kept in place with its exact value; the attributes follow, in order. exp, nbf, iat and jti are \
            kept. The new header has alg, the original typ, and the signer's kid (--kid or the signing JWK's kid). \
            Exit status: 0 augmented; 1 the token was refused; 2 bad usage, an unusable key file, or attributes \
            the policy refuses (all protected names are listed at once); with --jsonl, 1 if any line was refused.
            """
    )

    @Option(
        help: ArgumentHelp(
            "The original token, or - to read it from standard input; with --jsonl, a file of tokens or -.",
            valueName: "token"
        )
    )
    var token: String

    @Option(help: ArgumentHelp("The custom attributes, a JSON object.", valueName: "json"))
    var claims: String?

    @Option(help: ArgumentHelp("A file holding the custom attributes.", valueName: "file"))
    var claimsFile: String?

    @Option(
        help: ArgumentHelp("The key that verifies the original token: PEM, DER, JWK or JWK Set.", valueName: "file")
    )
    var verifyKey: String

    @Option(help: ArgumentHelp("The private key that signs the new token: PEM, DER or JWK.", valueName: "file"))
    var signingKey: String

    @Option(help: ArgumentHelp("The new header's 'kid'; default: the signing JWK's 'kid', if any.", valueName: "id"))
    var kid: String?

    @OptionGroup var validation: ValidationFlags

    @OptionGroup var policy: PolicyFlags

    @Flag(help: "Augment one token per line of --token's file; print {\"token\":\"...\"} per input line.")
    var jsonl = false

    func validate() throws {
        let source: ClaimsSource
        do throws(CLIError) {
            source = try ClaimsSource.choose(inline: claims, file: claimsFile, dash: nil)
        } catch {
            throw ValidationError(error.message)
        }
        if token == InputSource.standardInputName, case .input(let input) = source, input.isStandardInput {
            throw ValidationError("--token and --claims-file cannot both read standard input")
        }
    }

    func run() throws(CLIError) {
        let source = try ClaimsSource.choose(inline: claims, file: claimsFile, dash: nil)
        let verifier = try KeyFile(path: verifyKey).verifier(options: validation.options())
        let (privateKey, fileKeyID) = try KeyFile(path: signingKey).signingKey()
        let augmenter = ClaimsAugmenter(
            verifier: verifier,
            signer: JWTSigner(key: privateKey, keyID: kid ?? fileKeyID),
            policy: policy.policy
        )
        let request = try AugmentRequest(
            augmenter: augmenter,
            attributesText: source.read(),
            label: source.label,
            now: validation.now
        )
        let maximumSize = verifier.options.limits.maximumTokenSize
        if jsonl {
            try JSONLines.run(input: InputSource(token, role: "token file"), maximumLineLength: maximumSize) { bytes in
                do throws(CLIError) {
                    return .success(try request.augment(String(decoding: bytes, as: UTF8.self)))
                } catch {
                    return .failure(JSONLines.Refusal(reason: error.message))
                }
            }.check()
            return
        }
        Console.printLine(try request.augment(TokenArgument.read(token, maximumSize: maximumSize)))
    }
}

import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims verify`: verifies a token (or a batch) and prints its claims exactly as the token carries them.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a token and print its claims as JSON (member order and number text kept).",
        discussion: """
            The key decides the algorithm (its JWK "alg", else its type's only one, else --alg, else RS256 for \
            RSA); a token whose header "alg" is another is refused, and "none" never verifies. Exit status: 0 the \
            token is valid; 1 it was refused (the reason is printed as 'error: <reason>' on standard error); 2 bad \
            usage or an unusable key file (or an --alg the key cannot do).
            """
    )

    @Option(help: ArgumentHelp("The verification key: PEM, DER, JWK or JWK Set.", valueName: "file"))
    var key: String

    @Option(
        help: ArgumentHelp("The algorithm, for a key that allows several (RSA, oct).", valueName: "alg"),
        transform: AlgorithmArgument.parse
    )
    var alg: JWSAlgorithm?

    @OptionGroup var validation: ValidationFlags

    @Option(help: ArgumentHelp("The largest token accepted, in bytes.", valueName: "bytes"))
    var maxTokenSize: Int = TokenLimits.defaultMaximumSize

    @Flag(help: "Verify one token per line of the input; print one JSON line per input line.")
    var jsonl = false

    @Argument(help: ArgumentHelp("The token, or - to read it from standard input (the default).", valueName: "token"))
    var input: String = InputSource.standardInputName

    func validate() throws {
        guard maxTokenSize > 0 else { throw ValidationError("--max-token-size must be at least 1") }
    }

    func run() throws(CLIError) {
        let verifier = try KeyFile(path: key, algorithm: alg).verifier(
            options: validation.options(limits: TokenLimits.limits(maximumSize: maxTokenSize))
        )
        let now = validation.now
        if jsonl {
            try JSONLines.run(input: InputSource(input, role: "token file"), maximumLineLength: maxTokenSize) {
                bytes in
                do throws(JWTError) {
                    let token = String(decoding: bytes, as: UTF8.self)
                    return .success(try verifier.verify(token, now: now).claims.serialized())
                } catch {
                    return .failure(JSONLines.Refusal(reason: error.reason))
                }
            }.check()
            return
        }
        let token = try TokenArgument.read(input, maximumSize: maxTokenSize)
        do throws(JWTError) {
            Console.printLine(try verifier.verify(token, now: now).claims.serialized())
        } catch {
            throw .rejected(error)
        }
    }
}

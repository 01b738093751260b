import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims decode`: prints a token's header and claims without verifying anything.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print a token's header and claims as JSON WITHOUT verifying them.",
        discussion: """
            Prints {"header":{...},"claims":{...}} on one line and a warning on standard error: nothing is \
            verified, so nothing printed may be trusted. The token must still be well formed (three Base64URL \
            segments, JSON objects, a signature of the length its "alg" makes) and within the size limit, as for \
            verify. Exit status: 0 decoded; 1 the token is malformed; 2 bad usage.
            """
    )

    /// What `decode` says on standard error, once per run.
    static let warning = "warning: decoded without verifying the signature or the claims; do not trust them"

    @Option(help: ArgumentHelp("The largest token accepted, in bytes.", valueName: "bytes"))
    var maxTokenSize: Int = TokenLimits.defaultMaximumSize

    @Flag(help: "Decode one token per line of the input; print one JSON line per input line.")
    var jsonl = false

    @Argument(help: ArgumentHelp("The token, or - to read it from standard input (the default).", valueName: "token"))
    var input: String = InputSource.standardInputName

    func validate() throws {
        guard maxTokenSize > 0 else { throw ValidationError("--max-token-size must be at least 1") }
    }

    /// `{"header":{...},"claims":{...}}` for a decoded token.
    static func outputLine(for token: UnverifiedJWT) -> String {
        JSONObject(
            dictionaryLiteral: ("header", .object(token.header.members)),
            ("claims", .object(token.claims.object))
        )
        .serialized()
    }

    func run() throws(CLIError) {
        let limits = TokenLimits.limits(maximumSize: maxTokenSize)
        if jsonl {
            Console.printError(Self.warning)
            try JSONLines.run(input: InputSource(input, role: "token file"), maximumLineLength: maxTokenSize) {
                bytes in
                do throws(JWTError) {
                    let token = try UnverifiedJWT(decoding: String(decoding: bytes, as: UTF8.self), limits: limits)
                    return .success(Self.outputLine(for: token))
                } catch {
                    return .failure(JSONLines.Refusal(reason: error.reason))
                }
            }.check()
            return
        }
        let text = try TokenArgument.read(input, maximumSize: maxTokenSize)
        do throws(JWTError) {
            let token = try UnverifiedJWT(decoding: text, limits: limits)
            Console.printError(Self.warning)
            Console.printLine(Self.outputLine(for: token))
        } catch {
            throw .rejected(error)
        }
    }
}

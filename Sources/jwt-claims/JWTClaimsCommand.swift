import ArgumentParser
import NIOCore
import NIOPosix

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// The `jwt-claims` command: JSON Web Tokens of every JOSE signature algorithm from the command line.
///
/// Its own `main` replaces ArgumentParser's so that the exit statuses are the contract's: 0 success, 1 a token
/// was refused, 2 bad usage or bad input (ArgumentParser's usage errors would otherwise exit 64).
@main
struct JWTClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jwt-claims",
        abstract:
            "Sign, verify, decode and augment JSON Web Tokens, keeping every claim intact; serve the reference API.",
        discussion: """
            Exit status: 0 success; 1 a token was refused (bad signature, expired, wrong audience, malformed, \
            unknown kid, ...; with --jsonl, any line refused); 2 bad usage or bad input that is not a token \
            (unreadable or invalid key file, invalid claims JSON, attributes the policy refuses, a file that would \
            be overwritten). Errors are printed to standard error as 'error: <reason>'.
            """,
        subcommands: [
            KeygenCommand.self, SignCommand.self, VerifyCommand.self, DecodeCommand.self, AugmentCommand.self,
            ThumbprintCommand.self, DemoCommand.self, SpeedCommand.self, ServeCommand.self, APIKeyCommand.self,
        ]
    )

    /// Parses `arguments`, runs the command, prints any error, and returns the exit status.
    static func execute(_ arguments: [String]) async -> ExitStatus {
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            return .success
        } catch let error as CLIError {
            if !error.message.isEmpty { Console.printError("error: \(error.message)") }
            return error.status
        } catch {
            let (status, text) = outcome(of: error)
            if status == .success {
                Console.printLine(text)
            } else {
                Console.printError(text)
            }
            return status
        }
    }

    /// The status and text for an error ArgumentParser raised: a help or version request exits 0 with its text on
    /// standard output; every usage error exits 2 (not ArgumentParser's 64) with `error: ...` and the usage.
    static func outcome(of error: any Error) -> (status: ExitStatus, text: String) {
        let text = fullMessage(for: error)
        if exitCode(for: error) == .success { return (.success, text) }
        let prefix = "Error: "
        return (.badInput, text.hasPrefix(prefix) ? "error: " + text.dropFirst(prefix.count) : "error: " + text)
    }

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == ServeCommand.configuration.commandName {
            // The service's requests arrive on NIO's event-loop threads and its handlers are Swift tasks: with the
            // default global executor every request hops to a concurrency thread and back. Running the tasks on the
            // event loops themselves removes those hops. NIO allows it only from the main thread before any task
            // has been enqueued, which is here; if it is refused, the default executor serves, only slower.
            _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        exitProcess(await execute(arguments))
    }
}

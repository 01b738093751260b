import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims speed`: ES256 sign, verify, augment and decode operations per second, like `openssl speed`.
struct SpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed",
        abstract: "Measure ES256 sign, verify, augment and decode operations per second on this machine.",
        discussion: "One thread; the reference page's 11-claim access token; each operation runs for --seconds."
    )

    @Option(help: ArgumentHelp("How long to run each operation (integer or decimal).", valueName: "seconds"))
    var seconds = SecondsArgument.oneSecond

    func validate() throws {
        guard seconds.duration > .zero, seconds.duration <= .seconds(600) else {
            throw ValidationError("--seconds must be more than 0 and at most 600")
        }
    }

    func run() throws(CLIError) {
        let measurements: [SpeedTest.Measurement]
        do throws(JWTError) {
            measurements = try SpeedTest.run(for: seconds.duration, now: TimeArguments.now.secondsSince1970)
        } catch {
            throw .badInput("the speed test failed", error)
        }
        for line in SpeedTest.table(measurements) { Console.printLine(line) }
    }
}

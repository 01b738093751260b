import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims demo`: runs the reference custom-claims flow with no arguments and no files.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Issue the reference page's access token, add its custom claims, verify, and show both tokens.",
        discussion: "Needs no arguments and writes no files: the issuer key is made in memory and forgotten."
    )

    func run() throws(CLIError) {
        let key: ES256.PrivateKey
        do throws(JWTError) {
            key = try ES256.PrivateKey()
        } catch {
            throw .badInput("cannot generate a key", error)
        }
        Console.printLine(try Demo.report(key: key, now: TimeArguments.now.secondsSince1970))
    }
}

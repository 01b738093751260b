import ArgumentParser

#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `jwt-claims apikey`: manages the API-key file of `jwt-claims serve`.
struct APIKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikey",
        abstract: "Manage the API-key file of `jwt-claims serve`.",
        subcommands: [APIKeyNewCommand.self]
    )
}

import ArgumentParser
import Foundation
import JWTClaims
import JWTClaimsHummingbird

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif
#if !Hummingbird
#error("jwt-claims apikey needs the package trait Hummingbird: build with the default traits")
#endif

/// `jwt-claims apikey new`: makes an API key and adds its SHA-256 digest to the key file.
struct APIKeyNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Make an API key, add it to the key file, and print its id and secret once.",
        discussion: """
            The id is random (22 Base64URL characters) and the secret is 256 random bits (43 Base64URL characters). \
            The file keeps only the secret's SHA-256; it is created with mode 0600 if it does not exist, and \
            replaced atomically (mode 0600) if it does. Prints API_KEY_ID=<id> and API_SECRET_KEY=<secret>: the \
            secret cannot be shown again.
            """
    )

    @Option(help: ArgumentHelp("The API-key file to add the key to (created if missing).", valueName: "file"))
    var file: String

    @Option(
        name: .customLong("allowed-origin"),
        help: ArgumentHelp(
            "A browser origin (scheme://host[:port]) allowed to call with this key, repeatable; default any.",
            valueName: "origin"
        )
    )
    var allowedOrigins: [String] = []

    @Option(help: ArgumentHelp("A label for operators, kept in the file.", valueName: "text"))
    var name: String?

    func run() throws(CLIError) {
        let origins: AllowedOrigins =
            allowedOrigins.isEmpty || allowedOrigins == ["*"] ? .any : .only(Set(allowedOrigins))
        let existing = try Self.existingFile(at: file)
        let new: NewAPIKey
        let bytes: [UInt8]
        do throws(JWTError) {
            new = try NewAPIKey.generate(allowedOrigins: origins, name: name)
            bytes = try APIKeySet.adding(new.key, toFile: existing)
        } catch {
            throw .badInput("API-key file '\(file)'", error)
        }
        try Self.replace(file, with: bytes)
        Console.printLine("API_KEY_ID=\(new.key.id)")
        Console.printLine("API_SECRET_KEY=\(new.secret)")
    }

    /// The file's bytes, or nil when it does not exist.
    private static func existingFile(at path: String) throws(CLIError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try InputSource(path, role: "API-key file").readAll(limit: APIKeySet.maximumFileSize)
    }

    /// Writes `bytes` to a new file beside `path` (mode 0600 from its creation) and renames it over `path`, so a
    /// reader sees the old file or the new one, never half of one, and the secret digests are never readable by
    /// others.
    private static func replace(_ path: String, with bytes: [UInt8]) throws(CLIError) {
        let temporary = path + ".tmp-\(UInt64.random(in: 0...UInt64.max))"
        try KeyFileWriter.write(
            String(decoding: bytes, as: UTF8.self),
            to: temporary,
            mode: KeyFileWriter.privateMode,
            force: false
        )
        // SAFETY: `rename` only reads the two NUL-terminated copies Swift passes for the call's duration.
        guard unsafe rename(temporary, path) == 0 else {
            let reason = SystemError.message(errno)
            // SAFETY: as above.
            _ = unsafe unlink(temporary)
            throw .badInput("cannot replace '\(path)': \(reason)")
        }
    }
}

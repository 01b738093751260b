import ArgumentParser
import JWTClaims
import Testing

@testable import jwt_claims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

@Suite("ExitStatus")
struct ExitStatusTests {
    @Test("the statuses are the contract's numbers")
    func numbers() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 2])
    }

    @Test("a token error is a refusal, unless the cryptographic backend failed")
    func tokenErrors() throws {
        let key = try ES256.PrivateKey()
        let now = NumericDate(secondsSince1970: 10)
        let expired = #expect(throws: JWTError.self) {
            _ = try JWTVerifier(key: key.publicKey).verify(JWTSigner(key: key).sign(["exp": 5]), now: now)
        }
        let malformed = #expect(throws: JWTError.self) { _ = try UnverifiedJWT(decoding: "a.b") }
        for error in [expired, malformed].compactMap(\.self) {
            #expect(ExitStatus.forTokenError(error) == .rejected)
            #expect(CLIError.rejected(error) == CLIError(status: .rejected, message: error.reason))
        }
    }

    @Test("augment: policy refusals are bad input and token refusals are 1, each told by its code alone")
    func augmentErrors() throws {
        let key = try ES256.PrivateKey()
        var options = JWTValidationOptions()
        options.limits.maximumTokenSize = 200
        let augmenter = ClaimsAugmenter(
            verifier: JWTVerifier(key: key.publicKey, options: options),
            signer: JWTSigner(key: key),
            policy: AugmentationPolicy(onExistingClaim: .reject, maximumTokenSize: 100)
        )
        let now = NumericDate(secondsSince1970: 10)
        let token = try JWTSigner(key: key).sign(["role": "user"])
        let conflict = try #require(
            #expect(throws: JWTError.self) { _ = try augmenter.augment(token, with: ["role": "admin"], now: now) }
        )
        #expect(conflict.code == .conflictingClaim)
        #expect(ExitStatus.forAugmentError(conflict) == .badInput)

        // The augmented token would be too large: the policy's refusal.
        let resultTooLarge = try #require(
            #expect(throws: JWTError.self) { _ = try augmenter.augment(token, with: ["x": 1], now: now) }
        )
        #expect(resultTooLarge.code == .tokenTooLarge)
        #expect(ExitStatus.forAugmentError(resultTooLarge) == .badInput)

        // The original token is too large for the verifier: a refusal of the token.
        let large = try JWTSigner(key: key).sign(["blob": .string(String(repeating: "x", count: 300))])
        let originalTooLarge = try #require(
            #expect(throws: JWTError.self) { _ = try augmenter.augment(large, with: ["x": 1], now: now) }
        )
        #expect(originalTooLarge.code == .limitExceeded)
        #expect(ExitStatus.forAugmentError(originalTooLarge) == .rejected)

        let forged = try JWTSigner(key: ES256.PrivateKey()).sign(["role": "user"])
        let invalid = try #require(
            #expect(throws: JWTError.self) { _ = try augmenter.augment(forged, with: ["x": 1], now: now) }
        )
        #expect(ExitStatus.forAugmentError(invalid) == .rejected)
    }

    /// Arguments that ArgumentParser refuses.
    struct Usage: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(
        "ArgumentParser's usage errors exit 2 (not 64) with 'error: ...'",
        arguments: [
            Usage(arguments: ["verify"], message: "error: Missing expected argument '--key <file>'"),
            Usage(arguments: ["frobnicate"], message: "error: Unexpected argument 'frobnicate'"),
            Usage(arguments: ["verify", "--key", "k", "--colour"], message: "error: Unknown option '--colour'"),
            Usage(arguments: ["verify", "--key", "k", "--leeway", "-1"], message: "error: "),
            Usage(arguments: ["verify", "--key", "k", "--at", "noon"], message: "error: The value 'noon' is invalid"),
            Usage(arguments: ["keygen", "--kid", "k"], message: "error: --kid needs --format jwk"),
            Usage(arguments: ["sign", "--key", "k"], message: "error: give the claims with --claims"),
            Usage(
                arguments: ["sign", "--key", "k", "--claims", "{}", "-"],
                message: "error: give the claims only once"
            ),
            Usage(arguments: ["speed", "--seconds", "0"], message: "error: --seconds must be more than 0"),
        ]
    )
    func usageErrors(_ usage: Usage) {
        let error = #expect(throws: (any Error).self) { _ = try JWTClaimsCommand.parseAsRoot(usage.arguments) }
        guard let error else { return }
        #expect(JWTClaimsCommand.exitCode(for: error) != .success)
        let outcome = JWTClaimsCommand.outcome(of: error)
        #expect(outcome.status == .badInput)
        #expect(outcome.text.hasPrefix(usage.message), "\(outcome.text)")
    }

    @Test("help is not an error: it exits 0")
    func help() {
        for arguments in [["--help"], ["verify", "--help"], ["augment", "-h"]] {
            let error = #expect(throws: (any Error).self) {
                var command = try JWTClaimsCommand.parseAsRoot(arguments)
                try command.run()
            }
            guard let error else { continue }
            let outcome = JWTClaimsCommand.outcome(of: error)
            #expect(outcome.status == .success)
            #expect(outcome.text.contains("USAGE: jwt-claims"))
        }
    }
}

import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// The flags that say what verification checks beyond the signature, shared by `verify` and `augment`.
struct ValidationFlags: ParsableArguments {
    @Option(name: .customLong("issuer"), help: "An accepted 'iss' (repeat for several); default: not checked.")
    var issuers: [String] = []

    @Option(
        name: .customLong("audience"),
        help: "An accepted audience: 'aud' must name one (repeat for several); default: not checked."
    )
    var audiences: [String] = []

    @Option(
        name: .customLong("typ"),
        help: "The expected header 'typ', compared case-insensitively; 'application/' may be left out."
    )
    var type: String?

    @Option(
        help: ArgumentHelp(
            "Clock skew allowed for 'exp', 'nbf' and 'iat', in seconds (integer or decimal).",
            valueName: "seconds"
        )
    )
    var leeway: SecondsArgument?

    @Option(name: .customLong("require"), help: ArgumentHelp("A claim that must be present.", valueName: "claim"))
    var requiredClaims: [String] = []

    @Option(
        name: .customLong("at"),
        help: ArgumentHelp(
            "Validate at this Unix time, in integer or decimal seconds; default: now.",
            valueName: "unix-seconds"
        )
    )
    var instant: InstantArgument?

    /// The validation time: `--at`, or the system clock.
    var now: NumericDate {
        instant?.date ?? TimeArguments.now
    }

    /// The library's options for these flags and `limits`.
    func options(limits: JWTLimits = JWTLimits()) -> JWTValidationOptions {
        JWTValidationOptions(
            leeway: leeway?.duration ?? .zero,
            issuers: issuers,
            audiences: audiences,
            type: type,
            requiredClaims: requiredClaims.map(ClaimName.init(rawValue:)),
            limits: limits
        )
    }

    func validate() throws {
        if let empty = requiredClaims.first(where: \.isEmpty) {
            throw ValidationError("--require needs a claim name, not '\(empty)'")
        }
    }
}

import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// The `augment` flags that set the ``AugmentationPolicy``; every default is the library's.
struct PolicyFlags: ParsableArguments {
    /// `--on-protected`.
    enum ProtectedChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
        case reject, ignore
    }

    /// `--on-existing`.
    enum ExistingChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
        case replace, reject, keep
    }

    /// `--null`.
    enum NullChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
        case keep, remove
    }

    @Option(help: "An attribute naming a protected claim: refuse the request, or ignore the attribute.")
    var onProtected: ProtectedChoice = .reject

    @Option(help: "An attribute naming a claim the token has: replace it in place, refuse, or keep the token's.")
    var onExisting: ExistingChoice = .replace

    @Option(help: "An attribute whose value is null: store null, or remove that claim.")
    var null: NullChoice = .keep

    @Option(
        help: ArgumentHelp(
            "Protect this claim too (repeat for several); registered and OpenID Connect claims always are.",
            valueName: "name"
        )
    )
    var protect: [String] = []

    @Option(help: ArgumentHelp("The largest attributes object, in bytes of compact JSON.", valueName: "bytes"))
    var maxAttributesSize = AugmentationPolicy().maximumAttributesSize

    @Option(help: ArgumentHelp("The largest augmented token, in bytes.", valueName: "bytes"))
    var maxTokenSize = AugmentationPolicy().maximumTokenSize

    @Option(help: ArgumentHelp("The deepest nesting of the attributes.", valueName: "levels"))
    var maxDepth = AugmentationPolicy().maximumDepth

    /// The library's policy for these flags.
    var policy: AugmentationPolicy {
        AugmentationPolicy(
            protectedClaims: AugmentationPolicy.defaultProtectedClaims.union(protect),
            onProtectedClaim: onProtected == .reject ? .reject : .ignore,
            onExistingClaim: onExisting == .replace ? .replace : onExisting == .reject ? .reject : .keep,
            onNull: null == .keep ? .keep : .removeClaim,
            maximumAttributesSize: maxAttributesSize,
            maximumTokenSize: maxTokenSize,
            maximumDepth: maxDepth
        )
    }

    func validate() throws {
        for (flag, value) in [
            ("--max-attributes-size", maxAttributesSize), ("--max-token-size", maxTokenSize), ("--max-depth", maxDepth),
        ] where value < 1 {
            throw ValidationError("\(flag) must be at least 1")
        }
        if protect.contains(where: \.isEmpty) { throw ValidationError("--protect needs a claim name") }
    }
}

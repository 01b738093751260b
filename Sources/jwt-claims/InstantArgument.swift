import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `--at`: integer or decimal Unix seconds, kept exactly as written (never through `Double`).
struct InstantArgument: ExpressibleByArgument, Sendable {
    /// The instant.
    let date: NumericDate

    /// Nil (a usage error) unless `argument` is a JSON number in range, such as `1599180000` or `1599181202.5`.
    init?(argument: String) {
        guard let date = TimeArguments.instant(argument) else { return nil }
        self.date = date
    }
}

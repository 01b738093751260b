import ArgumentParser

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `--leeway` and `--seconds`: non-negative integer or decimal seconds, converted to a `Duration` exactly.
struct SecondsArgument: ExpressibleByArgument, Sendable {
    /// The duration.
    let duration: Duration
    /// The text it was read from, shown as a default in help.
    let text: String

    /// One second, `speed`'s default.
    static let oneSecond = SecondsArgument(duration: .seconds(1), text: "1")

    private init(duration: Duration, text: String) {
        self.duration = duration
        self.text = text
    }

    /// Nil (a usage error) unless `argument` is such as `30` or `0.25`.
    init?(argument: String) {
        guard let duration = TimeArguments.duration(argument) else { return nil }
        self.duration = duration
        self.text = argument
    }

    /// The text shown as the default value in help.
    var defaultValueDescription: String { text }
}

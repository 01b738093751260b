/// A database password that never shows itself: its description, debug description and mirror (`print`, `dump`,
/// string interpolation, a debugger's summary) say `***`, so no log line or error that describes a configuration
/// can carry it. Only ``value`` gives the text, for the one place that authenticates.
struct RedactedPassword: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The password.
    let value: String

    /// `***`.
    var description: String { "***" }

    /// `***`.
    var debugDescription: String { "***" }

    /// No children, so `dump` prints `***` and nothing else.
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: nil) }
}

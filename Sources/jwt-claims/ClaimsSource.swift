/// Where `sign` and `augment` read a JSON object: inline (`--claims`), or a file or standard input.
enum ClaimsSource: Sendable, Equatable {
    /// `--claims JSON`.
    case inline(String)
    /// `--claims-file FILE`, or `-` for standard input.
    case input(InputSource)

    /// The largest claims text read: the library's JSON input bound (1 MiB).
    static let maximumSize = 1 << 20

    /// Picks the one source given.
    ///
    /// - Throws: ``CLIError`` (status 2) unless exactly one of the three is given, or when `dash` is something
    ///   other than `-`.
    static func choose(inline: String?, file: String?, dash: String?) throws(CLIError) -> ClaimsSource {
        if let dash, dash != InputSource.standardInputName {
            throw .badInput("unexpected argument '\(dash)': give the claims with --claims, --claims-file or -")
        }
        switch (inline, file, dash) {
        case (let json?, nil, nil): return .inline(json)
        case (nil, let path?, nil): return .input(InputSource(path, role: "claims file"))
        case (nil, nil, _?): return .input(InputSource(InputSource.standardInputName, role: "claims"))
        case (nil, nil, nil): throw .badInput("give the claims with --claims JSON, --claims-file FILE or - (stdin)")
        default: throw .badInput("give the claims only once: --claims, --claims-file or -")
        }
    }

    /// How the source is named in messages.
    var label: String {
        switch self {
        case .inline: return "--claims"
        case .input(let source): return source.label
        }
    }

    /// The JSON text.
    ///
    /// - Throws: ``CLIError`` (status 2) when the file cannot be read or is over ``maximumSize``.
    func read() throws(CLIError) -> [UInt8] {
        switch self {
        case .inline(let json): return Array(json.utf8)
        case .input(let source): return try source.readAll(limit: Self.maximumSize)
        }
    }
}

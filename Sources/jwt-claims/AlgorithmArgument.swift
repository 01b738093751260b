import ArgumentParser
import JWTClaims

// ArgumentParser comes with the package trait CLI (on by default): without it, say so beside "no such module".
#if !CLI
#error("jwt-claims needs the package trait CLI (swift-argument-parser): build with the default traits")
#endif

/// `--alg ES384`: the JOSE name exactly, so a misspelt or unknown algorithm (`none` included) is a usage error
/// (exit 2) that lists the thirteen names. (A transform, not an `ExpressibleByArgument` conformance: that would make
/// a public conformance of a library type to a protocol this module imports internally.)
enum AlgorithmArgument {
    /// The algorithm named `text`, case-sensitively as RFC 7518 registers it.
    ///
    /// - Throws: `ValidationError` naming the text and the algorithms there are.
    static func parse(_ text: String) throws -> JWSAlgorithm {
        guard let algorithm = JWSAlgorithm(rawValue: text) else {
            let names = JWSAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--alg '\(text)' is no JOSE signature algorithm; use one of \(names)")
        }
        return algorithm
    }
}

/// The JOSE header of a compact JWT: `alg`, `typ`, `kid`, `cty`, `crit`, and every other member kept as JSON.
///
/// A decoded header has been checked for shape only: `alg` is a string, `typ`, `kid` and `cty` are strings when
/// present, and `crit` is a non-empty array of distinct strings. Whether `alg` is acceptable and whether `crit` names
/// only understood extensions is decided by ``JWTVerifier``.
public struct JWTHeader: Hashable, Sendable, CustomStringConvertible {
    /// Every header member, in order, including those this library does not interpret.
    public let members: JSONObject

    /// Checks the shape of a header object.
    ///
    /// - Throws: ``JWTError/Code/invalidHeader`` naming the member that is missing or has the wrong type.
    public init(_ members: JSONObject) throws(JWTError) {
        guard let alg = members["alg"] else {
            throw JWTError.invalidHeader("the header has no \"alg\" member")
        }
        guard case .string = alg else {
            throw JWTError.invalidHeader("the header's \"alg\" must be a string, not \(alg.kindDescription)")
        }
        for name in ["typ", "kid", "cty"] {
            if let value = members[name], value.stringValue == nil {
                throw JWTError.invalidHeader("the header's \"\(name)\" must be a string, not \(value.kindDescription)")
            }
        }
        if let crit = members["crit"] {
            guard case .array(let elements) = crit, !elements.isEmpty else {
                throw JWTError.invalidHeader(
                    "the header's \"crit\" must be a non-empty array of strings (RFC 7515 section 4.1.11)"
                )
            }
            var seen: Set<String> = []
            for element in elements {
                guard let name = element.stringValue else {
                    throw JWTError.invalidHeader(
                        "the header's \"crit\" must list strings, not \(element.kindDescription)"
                    )
                }
                guard seen.insert(name).inserted else {
                    throw JWTError.invalidHeader("the header's \"crit\" lists \(JWTError.quoted(name)) twice")
                }
            }
        }
        self.members = members
    }

    /// `alg`: the signature algorithm the token claims to use. A verifier accepts it only when it is exactly the
    /// algorithm of the key that verifies the token (see ``JWSAlgorithm``).
    public var algorithm: String {
        members["alg"]?.stringValue ?? ""
    }

    /// `typ`: the media type of the whole token, such as `JWT` (RFC 7515 section 4.1.9).
    public var type: String? {
        members["typ"]?.stringValue
    }

    /// `kid`: which key signed the token.
    public var keyID: String? {
        members["kid"]?.stringValue
    }

    /// `cty`: the media type of the payload, for nested tokens (RFC 7515 section 4.1.10).
    public var contentType: String? {
        members["cty"]?.stringValue
    }

    /// `crit`: the extensions a recipient must understand to accept the token (RFC 7515 section 4.1.11).
    public var critical: [String]? {
        members["crit"]?.arrayValue?.compactMap(\.stringValue)
    }

    /// The compact JSON text of the header.
    public var description: String {
        members.serialized()
    }
}

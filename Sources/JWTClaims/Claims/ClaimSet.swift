/// The claims of a JWT: an ordered JSON object of uniquely named claims.
///
/// A `ClaimSet` is lossless. It keeps every claim, in order, with its exact JSON value, whether or not this library
/// knows what it means. Typed accessors read and write the registered claims in the shape RFC 7519 expects; the
/// subscript reaches everything else:
///
/// ```swift
/// var claims = ClaimSet()
/// claims.subject = "user-1"
/// claims.expiration = NumericDate(secondsSince1970: 1599181203)
/// claims["role"] = "admin"
/// claims["user_id"] = JSONValue(userID)  // a value known only at run time
/// ```
///
/// `==` is exact, as the lossless model needs: same claims in the same order, numbers with the same text.
/// ``hasSameValue(as:)`` asks whether two claim sets mean the same JSON, whatever the order and number spelling.
///
/// A typed getter returns nil both when its claim is absent and when it has the wrong JSON type; verification
/// (``JWTVerifier``) rejects a registered claim of the wrong type with ``JWTError/Code/invalidClaimValue`` before the
/// claims are returned, so after verification nil means absent.
public struct ClaimSet: Hashable, Sendable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// The claims as a JSON object, in order.
    public var object: JSONObject

    /// An empty claim set.
    public init() {
        self.object = JSONObject()
    }

    /// The claims of a JSON object, in its order.
    public init(_ object: JSONObject) {
        self.object = object
    }

    /// Claims from a literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        for (name, value) in elements {
            object[name] = value
        }
        self.object = object
    }

    /// Parses claims from JSON text that must be an object.
    ///
    /// - Throws: ``JWTError/Code/invalidJSON``, ``JWTError/Code/duplicateMember`` or
    ///   ``JWTError/Code/limitExceeded`` for bad JSON; ``JWTError/Code/invalidClaims`` when it is not an object.
    public init(
        parsing bytes: some Collection<UInt8>,
        options: JSONParsingOptions = JSONParsingOptions()
    )
        throws(JWTError)
    {
        let value = try JSONValue(parsing: bytes, options: options)
        guard case .object(let object) = value else {
            throw JWTError.claimsNotAnObject(value)
        }
        self.object = object
    }

    /// Parses claims from JSON text that must be an object.
    ///
    /// - Throws: as ``init(parsing:options:)``.
    public init(parsing text: String, options: JSONParsingOptions = JSONParsingOptions()) throws(JWTError) {
        try self.init(parsing: Array(text.utf8), options: options)
    }

    /// The value of the claim named `name`; assigning nil removes it, assigning to an existing claim replaces it in
    /// place, assigning a new name appends it.
    ///
    /// Assign a literal directly (`claims["role"] = "admin"`) and a run-time value through a ``JSONValue``
    /// initialiser (`claims["user_id"] = JSONValue(userID)`, `claims["score"] = try JSONValue(score)`).
    public subscript(name: String) -> JSONValue? {
        get { object[name] }
        set { object[name] = newValue }
    }

    /// The value of the claim named `name`.
    public subscript(name: ClaimName) -> JSONValue? {
        get { object[name.rawValue] }
        set { object[name.rawValue] = newValue }
    }

    /// The claim names, in order.
    public var names: [String] { object.names }

    /// The number of claims.
    public var count: Int { object.count }

    /// Whether a claim named `name` is present.
    public func contains(_ name: ClaimName) -> Bool {
        object.contains(name: name.rawValue)
    }

    /// `iss` as a string.
    public var issuer: String? {
        get { object[ClaimName.issuer.rawValue]?.stringValue }
        set { object[ClaimName.issuer.rawValue] = newValue.map { .string($0) } }
    }

    /// `sub` as a string.
    public var subject: String? {
        get { object[ClaimName.subject.rawValue]?.stringValue }
        set { object[ClaimName.subject.rawValue] = newValue.map { .string($0) } }
    }

    /// `jti` as a string.
    public var jwtID: String? {
        get { object[ClaimName.jwtID.rawValue]?.stringValue }
        set { object[ClaimName.jwtID.rawValue] = newValue.map { .string($0) } }
    }

    /// `aud`, remembering whether it was a string or an array.
    public var audience: Audience? {
        get { object[ClaimName.audience.rawValue].flatMap { Audience($0) } }
        set { object[ClaimName.audience.rawValue] = newValue?.jsonValue }
    }

    /// `exp` as a NumericDate.
    public var expiration: NumericDate? {
        get { date(.expiration) }
        set { object[ClaimName.expiration.rawValue] = newValue?.jsonValue }
    }

    /// `nbf` as a NumericDate.
    public var notBefore: NumericDate? {
        get { date(.notBefore) }
        set { object[ClaimName.notBefore.rawValue] = newValue?.jsonValue }
    }

    /// `iat` as a NumericDate.
    public var issuedAt: NumericDate? {
        get { date(.issuedAt) }
        set { object[ClaimName.issuedAt.rawValue] = newValue?.jsonValue }
    }

    /// Whether two claim sets mean the same claims: the same names with values of the same value, in any order.
    ///
    /// Claim order is ignored, as it is in nested objects, and numbers compare by exact decimal value, so
    /// `{"sub":"a","exp":1.8e9}` has the same value as `{"exp":1800000000,"sub":"a"}`; arrays keep their order and
    /// strings compare exactly (see ``JSONValue/hasSameValue(as:)``). `==` is stricter, as the lossless model needs:
    /// it also compares claim order and how each number is written.
    ///
    /// - Parameter other: The claim set to compare with.
    /// - Returns: `true` if both claim sets denote the same JSON data.
    public func hasSameValue(as other: ClaimSet) -> Bool {
        object.hasSameValue(as: other.object)
    }

    /// The compact JSON text of the claims, members in order, numbers as written.
    public func serialized() -> String {
        object.serialized()
    }

    /// The compact JSON text of the claims.
    public var description: String {
        serialized()
    }

    private func date(_ name: ClaimName) -> NumericDate? {
        guard case .number(let number) = object[name.rawValue] else { return nil }
        return try? NumericDate(number)
    }
}

extension JWTError {
    @inline(never)
    static func claimsNotAnObject(_ value: JSONValue, fileID: String = #fileID, line: UInt = #line) -> JWTError {
        JWTError(
            code: .invalidClaims,
            reason: "the claims must be a JSON object, not \(value.kindDescription)",
            fileID: fileID,
            line: line
        )
    }
}

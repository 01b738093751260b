extension ClaimSet {
    /// Decodes the claims into a `Decodable` type, straight from the JSON values (no JSON text in between).
    ///
    /// Claims the type does not declare are simply not read; the claim set itself is unchanged. Numbers decode
    /// exactly (`1.5e3` into an `Int` is 1500; `1.5` into an `Int` is an error), and a `Date` property reads a
    /// NumericDate (seconds since 1970).
    ///
    /// ```swift
    /// struct AccessToken: Decodable { let sub: String; let exp: Date; let role: String? }
    /// let token = try verified.claims.decode(AccessToken.self)
    /// ```
    ///
    /// - Throws: ``JWTError/Code/typeMismatch`` with a reason naming the claim's path.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws(JWTError) -> T {
        try object.decode(type)
    }

    /// Builds a claim set from an `Encodable` value, keeping the order in which it encodes its keys.
    ///
    /// - Throws: ``JWTError/Code/typeMismatch`` when the value does not encode to a JSON object, or encodes a
    ///   non-finite number.
    public init(encoding value: some Encodable) throws(JWTError) {
        self.init(try JSONObject(encoding: value))
    }
}

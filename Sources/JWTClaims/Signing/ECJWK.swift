/// The members of an EC JSON Web Key (RFC 7517, RFC 7518 section 6.2) on one NIST curve, read and checked; and the
/// JWKs and thumbprints of EC keys.
///
/// Policy, the same for public and private imports (beside ``JWKReader``'s for `use`, `key_ops` and `alg`):
/// - `kty` must be `"EC"` and `crv` the curve's name; other key types and curves are
///   ``JWTError/Code/unsupportedKey``.
/// - `x` and `y` (and `d` for a private key) must be strict Base64URL of exactly the curve's size (32, 48 or 66
///   bytes); a coordinate with its leading zero bytes stripped is ``JWTError/Code/invalidKey`` (RFC 7518 section
///   6.2.1.2 fixes the length).
/// - `alg`, if present, must be the curve's algorithm (ES256 for P-256, ...).
struct ECJWK {
    /// The public point `04 || x || y`.
    let uncompressedPoint: [UInt8]
    /// The private scalar d, if the JWK has one.
    let privateScalar: [UInt8]?

    /// Reads and checks the members of `jwk` for a key on `curve` imported for `purpose`.
    init(_ jwk: JSONObject, curve: ECCurve, for purpose: JWKReader.Purpose) throws(JWTError) {
        let reader = JWKReader(jwk)
        let keyType = try reader.keyType()
        guard keyType == "EC" else {
            throw .unsupportedKey(
                "the JWK has kty \(JWTError.quoted(keyType)); \(curve.algorithm) needs an EC key (kty \"EC\")"
            )
        }
        let name = try reader.string("crv", required: true) ?? ""
        guard name == curve.name else {
            throw .unsupportedKey(
                "the JWK is on curve \(JWTError.quoted(name)); \(curve.algorithm) needs crv \"\(curve.name)\""
            )
        }
        try reader.checkIntendedUse(for: purpose)
        _ = try reader.algorithm(explicit: nil, allowed: [curve.algorithm], keyDescription: "a \(curve.name) key")
        let rule = "for \(curve.name) (RFC 7518 section 6.2)"
        let x = try reader.bytes("x", count: curve.scalarByteCount, rule: rule)
        let y = try reader.bytes("y", count: curve.scalarByteCount, rule: rule)
        uncompressedPoint = [0x04] + x + y
        privateScalar = reader.has("d") ? try reader.bytes("d", count: curve.scalarByteCount, rule: rule) : nil
    }

    /// The JWK of a public key: `kty`, `crv`, `x`, `y`, in that order.
    static func publicJWK(uncompressedPoint point: [UInt8], curve: ECCurve) -> JSONObject {
        JWKReader.object(members(point: point, curve: curve))
    }

    /// The JWK of a private key: `kty`, `crv`, `x`, `y`, `d`, in that order.
    static func privateJWK(uncompressedPoint point: [UInt8], privateScalar: [UInt8], curve: ECCurve) -> JSONObject {
        JWKReader.object(members(point: point, curve: curve) + [("d", Base64URL.encode(privateScalar))])
    }

    private static func members(point: [UInt8], curve: ECCurve) -> [(String, String)] {
        let (x, y) = coordinates(point, curve: curve)
        return [("kty", "EC"), ("crv", curve.name), ("x", x), ("y", y)]
    }

    /// The Base64URL coordinates of an uncompressed point.
    private static func coordinates(_ point: [UInt8], curve: ECCurve) -> (x: String, y: String) {
        let width = curve.scalarByteCount
        return (Base64URL.encode(point[1...width]), Base64URL.encode(point[(width + 1)...]))
    }

    /// The RFC 7638 JWK thumbprint: Base64URL(SHA-256(`{"crv":"P-256","kty":"EC","x":"…","y":"…"}`)), the
    /// required members in lexicographic order with no whitespace.
    static func thumbprint(uncompressedPoint point: [UInt8], curve: ECCurve) throws(JWTError) -> String {
        let (x, y) = coordinates(point, curve: curve)
        return try JWKReader.thumbprint([("crv", curve.name), ("kty", "EC"), ("x", x), ("y", y)])
    }
}

/// What the JWS layer of verification yields (steps 1 to 4 of ``JWTVerifier``): a token whose envelope, header and
/// key were accepted and whose signature verified, with its payload decoded from Base64URL but not yet parsed.
///
/// The claims are parsed only from here, after the signature, so that no JSON an attacker wrote is read before the
/// token is known to be genuine.
struct VerifiedPayload {
    /// The token's bytes and segments, which know the JSON limits to parse the payload with.
    let parts: TokenParts
    /// The accepted header.
    let header: JWTHeader
    /// The signed payload's bytes: the claims' JSON text.
    let payload: [UInt8]

    /// The payload parsed as a claim set under the token's JSON limits.
    ///
    /// - Throws: the JSON codes (``JWTError/Code/invalidJSON``, ``JWTError/Code/duplicateMember``,
    ///   ``JWTError/Code/limitExceeded``) or ``JWTError/Code/invalidClaims``, naming the payload.
    func parseClaims() throws(JWTError) -> ClaimSet {
        try parts.parseClaims(payload)
    }
}

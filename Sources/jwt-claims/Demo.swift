import JWTClaims

/// `jwt-claims demo`: the reference page's custom-claims flow, end to end, with a key made in memory.
///
/// It issues the page's original access token (its 11 claims, in the page's order, with `iat` now and `exp` one hour
/// later), augments it with the page's custom attributes, verifies the result, and checks that every original
/// claim is still there, in place, with its exact value: the 14 claims the page promises.
enum Demo {
    /// The 11 claims of the page's original access token, in its order, with `exp` and `iat` set for `now`.
    static func originalClaims(now: Int64) -> ClaimSet {
        [
            "aud": "a4471794-8ee8-4d88-b321-5f7a22803d43",
            "authentication_method": "SOCIAL_LOGIN",
            "client_user_id": "5522261a-ac7e-4d6e-b056-959f612fb34a",
            "exp": NumericDate(secondsSince1970: now + 3600).jsonValue,
            "iat": NumericDate(secondsSince1970: now).jsonValue,
            "identifier": "putri@cotter.app",
            "iss": "https://www.cotter.app",
            "jti": "d4039c6a-d1cb-44a2-b048-18e5bc1e216b",
            "scope": "access",
            "sub": "5522261a-ac7e-4d6e-b056-959f612fb34a",
            "type": "client_access_token",
        ]
    }

    /// The page's custom attributes, in its order.
    static let customAttributes = #"{"username":"helloworld","role":"admin","user_id":125}"#

    /// Runs the flow with `key` at the Unix time `now` and returns the report to print.
    ///
    /// - Throws: ``CLIError`` if any step fails or the augmented token lost or changed an original claim (which
    ///   would be a bug: status 1).
    static func report(key: ES256.PrivateKey, now: Int64) throws(CLIError) -> String {
        let original = originalClaims(now: now)
        let instant = NumericDate(secondsSince1970: now)
        let keyID = key.publicKey.thumbprint
        let signer = JWTSigner(key: key, keyID: keyID)
        var options = JWTValidationOptions()
        options.issuers = ["https://www.cotter.app"]
        options.audiences = ["a4471794-8ee8-4d88-b321-5f7a22803d43"]
        options.requiredClaims = [.expiration, .issuedAt, .subject, .jwtID]
        let verifier = JWTVerifier(key: key.publicKey, options: options)
        let augmenter = ClaimsAugmenter(verifier: verifier, signer: signer)
        let originalToken: String
        let decodedOriginal: UnverifiedJWT
        let augmented: AugmentedToken
        let verified: VerifiedJWT
        do throws(JWTError) {
            originalToken = try signer.sign(original)
            decodedOriginal = try UnverifiedJWT(decoding: originalToken)
            augmented = try augmenter.augment(originalToken, withJSON: Array(customAttributes.utf8), now: instant)
            verified = try verifier.verify(augmented.token, now: instant)
        } catch {
            throw .rejected(error)
        }
        let intact =
            verified.claims.names.prefix(original.count).elementsEqual(original.names)
            && original.object.allSatisfy { verified.claims[$0.name] == $0.value }
        guard intact, verified.claims.count == original.count + augmented.report.added.count else {
            throw .rejected("the augmented token lost or changed an original claim")
        }
        let added = Set(augmented.report.added)
        var lines = [
            "jwt-claims demo: the reference custom-claims flow, with an ES256 key made just now (nothing is saved).",
            "Issuer key: P-256, kid \(keyID) (its RFC 7638 thumbprint)",
            "",
            "1. The original access token: \(original.count) claims in the page's order, iat now, exp in one hour.",
            "",
            originalToken,
            "",
        ]
        lines += describe(header: decodedOriginal.header.members, claims: decodedOriginal.claims, added: [])
        lines += [
            "",
            "2. The custom attributes: \(customAttributes)",
            "",
            "3. The augmented token: \(verified.claims.count) claims, the \(original.count) originals untouched and in "
                + "place, \(added.count) added (+).",
            "",
            augmented.token,
            "",
        ]
        lines += describe(header: verified.header.members, claims: verified.claims, added: added)
        lines += [
            "",
            "4. Verified with the issuer's public key at \(instant): signature, exp, iat, iss and aud are valid,",
            "   and every original claim is present with its exact value.",
        ]
        return lines.joined(separator: "\n")
    }

    /// The header on one line, then one claim a line, marking added claims with `+`.
    private static func describe(header: JSONObject, claims: ClaimSet, added: Set<String>) -> [String] {
        var lines = ["   header  \(header.serialized())", "   claims"]
        for (name, value) in claims.object {
            let marker = added.contains(name) ? " + " : "   "
            lines.append("  \(marker)  \(JSONValue.string(name).serialized()): \(value.serialized())")
        }
        return lines
    }
}

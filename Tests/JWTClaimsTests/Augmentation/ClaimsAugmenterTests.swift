import JWTClaims
import Testing

/// The executable specification of ``ClaimsAugmenter``.
@Suite("ClaimsAugmenter")
struct ClaimsAugmenterTests {
    /// An issuer's key and a second key, made once.
    static let issuer = Result { try ES256.PrivateKey() }
    static let stranger = Result { try ES256.PrivateKey() }
    static let now = NumericDate(secondsSince1970: Int64(ReferencePage.insideLifetime))

    static func augmenter(
        _ policy: AugmentationPolicy = AugmentationPolicy(),
        keyID: String? = nil
    ) throws
        -> ClaimsAugmenter
    {
        let key = try issuer.get()
        return ClaimsAugmenter(
            verifier: JWTVerifier(key: key.publicKey),
            signer: JWTSigner(key: key, keyID: keyID),
            policy: policy
        )
    }

    /// The reference page's original token, re-signed with the test issuer key (the real issuer key is not public).
    static func originalToken(_ claims: String = ReferencePage.originalClaims, type: String? = "JWT") throws -> String {
        try JWTSigner(key: issuer.get(), keyID: "SPACE_JWT_PUBLIC:6CEE4A0E-3C47-4895-AB66-F8E07611532F")
            .sign(ClaimSet(parsing: claims), type: type)
    }

    // MARK: The reference example

    @Test("the reference example yields exactly the 14 claims the page promises, originals first")
    func referenceExample() throws {
        let result = try Self.augmenter().augment(
            try Self.originalToken(),
            withJSON: Array(ReferencePage.customAttributes.utf8),
            now: Self.now
        )
        let verified = try JWTVerifier(key: try Self.issuer.get().publicKey).verify(result.token, now: Self.now)
        let claims = verified.claims
        #expect(claims.count == 14)
        #expect(
            claims.serialized() == String(ReferencePage.originalClaims.dropLast()) + ","
                + ReferencePage.customAttributes.dropFirst()
        )
        #expect(JSONValue.object(claims.object).hasSameValue(as: try JSONValue(parsing: ReferencePage.promisedClaims)))
        #expect(claims["aud"] == .string("a4471794-8ee8-4d88-b321-5f7a22803d43"))
        #expect(claims.expiration?.number.text == "1599181203")
        #expect(result.claims == claims)
        #expect(result.report.added == ["username", "role", "user_id"])
        #expect(result.report.replaced.isEmpty && result.report.ignored.isEmpty)
        #expect(verified.header.type == "JWT")
    }

    @Test("our result differs from the page's real response exactly in the claims it lost and in aud")
    func namesTheRegression() throws {
        let ours = try Self.augmenter().augment(
            try Self.originalToken(),
            withJSON: Array(ReferencePage.customAttributes.utf8),
            now: Self.now
        ).claims
        let theirs = try UnverifiedJWT(decoding: ReferencePage.responseToken).claims
        let differing = ours.names.filter { name in
            guard let theirValue = theirs[name], let ourValue = ours[name] else { return true }
            return !theirValue.hasSameValue(as: ourValue)
        }
        #expect(differing == ["aud", "authentication_method", "client_user_id", "identifier", "scope", "type"])
        #expect(theirs.names.allSatisfy { ours[$0] != nil })
    }

    // MARK: Verification first

    @Test("a forged, foreign, expired or malformed token is refused with its error")
    func refusesBadTokens() throws {
        let augmenter = try Self.augmenter()
        let original = try Self.originalToken()
        let foreign = try JWTSigner(key: Self.stranger.get()).sign(ClaimSet(parsing: ReferencePage.originalClaims))
        var forged = Array(original.utf8)
        forged[forged.count - 5] = forged[forged.count - 5] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let cases: [(String, NumericDate, JWTError.Code)] = [
            (String(decoding: forged, as: UTF8.self), Self.now, .invalidSignature),
            (foreign, Self.now, .invalidSignature),
            (original, NumericDate(secondsSince1970: 1_599_181_203), .expired),
            ("not.a.token", Self.now, .invalidBase64URL),
            ("abc", Self.now, .malformedToken),
            (ReferencePage.originalToken, Self.now, .invalidSignature),
        ]
        for (token, now, code) in cases {
            let error = #expect(throws: JWTError.self) {
                _ = try augmenter.augment(token, with: ["role": "admin"], now: now)
            }
            #expect(error?.code == code, "\(error?.description ?? "")")
        }
    }

    // MARK: Losslessness

    @Test("64-bit integers, fractions, unicode and deep values survive byte for byte")
    func lossless() throws {
        let originals =
            #"{"aud":"x","big":9223372036854775807,"ubig":18446744073709551615,"huge":123456789012345678901234567890,"#
            + #""neg":-9223372036854775808,"f":1.5e3,"z":-0,"t":6.02214076e23,"u":"é 😀 \u0000","#
            + #""n":{"a":[1,[2,[3,{"b":null}]]],"c":{}},"exp":4102444800.5,"iat":1599177603}"#
        let attributes =
            #"{"ünïcødé":"välüé 👍","id":18446744073709551615,"ratio":0.1,"deep":{"a":{"b":{"c":[true,false]}}}}"#
        let result = try Self.augmenter().augment(
            try Self.originalToken(originals),
            withJSON: Array(attributes.utf8),
            now: Self.now
        )
        let expected = try ClaimSet(parsing: String(originals.dropLast()) + "," + attributes.dropFirst())
        let decoded = try UnverifiedJWT(decoding: result.token).claims
        #expect(decoded == expected)
        #expect(decoded.serialized() == expected.serialized())
        #expect(decoded["exp"]?.numberValue?.text == "4102444800.5")
    }

    @Test("the new token keeps exp, nbf, iat, jti and typ, and is signed with the signer's kid")
    func keepsLifetimeAndType() throws {
        let originals = #"{"sub":"s","exp":1599181203,"nbf":1599177603,"iat":1599177603,"jti":"j-1"}"#
        let result = try Self.augmenter(keyID: "new-kid").augment(
            try Self.originalToken(originals, type: "at+jwt"),
            with: ["role": "admin"],
            now: Self.now
        )
        let decoded = try UnverifiedJWT(decoding: result.token)
        #expect(decoded.header.members.serialized() == #"{"alg":"ES256","typ":"at+jwt","kid":"new-kid"}"#)
        #expect(result.header == decoded.header)
        #expect(decoded.claims.serialized() == String(originals.dropLast()) + #","role":"admin"}"#)
    }

    @Test("a token augmented twice keeps the first round's claims")
    func augmentTwice() throws {
        let augmenter = try Self.augmenter()
        let first = try augmenter.augment(try Self.originalToken(), with: ["role": "admin", "tier": 1], now: Self.now)
        let second = try augmenter.augment(first.token, with: ["tenant": "acme", "tier": 2], now: Self.now)
        #expect(second.claims.names == ReferencePage.originalNames + ["role", "tier", "tenant"])
        #expect(second.claims["role"] == "admin")
        #expect(second.claims["tier"] == 2)
        #expect(second.report.replaced == ["tier"])
        #expect(second.report.added == ["tenant"])
    }

    // MARK: Policy

    @Test("protected names are rejected by default, every one named at once")
    func protectedRejected() throws {
        let error = #expect(throws: JWTError.self) {
            _ = try Self.augmenter().augment(
                try Self.originalToken(),
                with: ["exp": 9_999_999_999, "role": "admin", "iss": "evil", "nonce": "n"],
                now: Self.now
            )
        }
        #expect(error?.code == .protectedClaim)
        for name in ["\"exp\"", "\"iss\"", "\"nonce\""] {
            #expect(error?.reason.contains(name) == true, "\(error?.reason ?? "")")
        }
        #expect(error?.reason.contains("role") == false)
    }

    @Test("protected names may be ignored instead, and are reported")
    func protectedIgnored() throws {
        let policy = AugmentationPolicy(onProtectedClaim: .ignore)
        let result = try Self.augmenter(policy).augment(
            try Self.originalToken(),
            with: ["exp": 9_999_999_999, "role": "admin", "sub": "someone-else"],
            now: Self.now
        )
        #expect(result.report.ignored == ["exp", "sub"])
        #expect(result.report.added == ["role"])
        #expect(result.claims["exp"] == 1_599_181_203)
        #expect(result.claims.subject == "5522261a-ac7e-4d6e-b056-959f612fb34a")
    }

    @Test("the protected set is extensible, and every default registered and OIDC name is in it")
    func protectedSet() throws {
        for name in [
            "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "acr", "amr", "at_hash", "auth_time", "azp",
            "c_hash", "cnf", "nonce", "sid",
        ] {
            #expect(AugmentationPolicy.defaultProtectedClaims.contains(name), "\(name)")
        }
        #expect(AugmentationPolicy.defaultProtectedClaims.count == 16)
        var policy = AugmentationPolicy()
        policy.protectedClaims.insert("scope")
        let error = #expect(throws: JWTError.self) {
            _ = try Self.augmenter(policy).augment(try Self.originalToken(), with: ["scope": "admin"], now: Self.now)
        }
        #expect(error?.code == .protectedClaim)
        // Without the extension, scope is an ordinary existing claim and is replaced.
        let replaced = try Self.augmenter().augment(try Self.originalToken(), with: ["scope": "admin"], now: Self.now)
        #expect(replaced.report.replaced == ["scope"])
        #expect(replaced.claims.names == ReferencePage.originalNames)
    }

    @Test("existing claims: replaced in place by default, or rejected, or kept")
    func existingClaims() throws {
        let token = try Self.originalToken()
        let replaced = try Self.augmenter().augment(token, with: ["type": "custom", "x": 1], now: Self.now)
        #expect(replaced.claims["type"] == "custom")
        #expect(replaced.claims.names == ReferencePage.originalNames + ["x"])
        #expect(replaced.report.replaced == ["type"])

        let rejecting = try Self.augmenter(AugmentationPolicy(onExistingClaim: .reject))
        let error = #expect(throws: JWTError.self) {
            _ = try rejecting.augment(token, with: ["type": "custom", "scope": "s", "x": 1], now: Self.now)
        }
        #expect(error?.code == .conflictingClaim)
        #expect(error?.reason.contains("\"type\", \"scope\"") == true, "\(error?.reason ?? "")")
        #expect(try rejecting.augment(token, with: ["x": 1], now: Self.now).report.added == ["x"])

        let keeping = try Self.augmenter(AugmentationPolicy(onExistingClaim: .keep))
        let kept = try keeping.augment(token, with: ["type": "custom", "x": 1], now: Self.now)
        #expect(kept.claims["type"] == "client_access_token")
        #expect(kept.report.kept == ["type"])
        #expect(kept.report.added == ["x"])
    }

    @Test("null is kept as JSON null by default, or removes the claim")
    func nullValues() throws {
        let token = try Self.originalToken()
        let kept = try Self.augmenter().augment(token, with: ["scope": nil, "extra": nil], now: Self.now)
        #expect(kept.claims["scope"] == .null)
        #expect(kept.claims["extra"] == .null)

        let removing = try Self.augmenter(AugmentationPolicy(onNull: .removeClaim))
        let removed = try removing.augment(token, with: ["scope": nil, "extra": nil, "role": "a"], now: Self.now)
        #expect(removed.claims["scope"] == nil)
        #expect(removed.claims["extra"] == nil)
        #expect(removed.report.removed == ["scope"])
        #expect(removed.report.added == ["role"])
        // A protected claim is never removed: null for it is still a protected name.
        let error = #expect(throws: JWTError.self) {
            _ = try removing.augment(token, with: ["exp": nil], now: Self.now)
        }
        #expect(error?.code == .protectedClaim)
    }

    @Test("size limits: the attributes' JSON and the resulting token")
    func sizeLimits() throws {
        let token = try Self.originalToken()
        let large: JSONObject = ["blob": .string(String(repeating: "x", count: 4100))]
        let error = #expect(throws: JWTError.self) {
            _ = try Self.augmenter().augment(token, with: large, now: Self.now)
        }
        #expect(error?.code == .attributesTooLarge)
        #expect(error?.reason.contains("4096") == true)
        // Within the attribute limit, but the token would pass 8 KiB.
        var policy = AugmentationPolicy()
        policy.maximumAttributesSize = 16_000
        let tokenError = #expect(throws: JWTError.self) {
            _ = try Self.augmenter(policy).augment(
                token,
                with: ["blob": .string(String(repeating: "x", count: 7000))],
                now: Self.now
            )
        }
        #expect(tokenError?.code == .tokenTooLarge)
        #expect(tokenError?.reason.contains("8192") == true)
        policy.maximumTokenSize = 16_384
        _ = try Self.augmenter(policy).augment(
            token,
            with: ["blob": .string(String(repeating: "x", count: 7000))],
            now: Self.now
        )
    }

    @Test("nesting depth of the attributes is bounded")
    func depthLimit() throws {
        var value: JSONValue = 1
        for _ in 0..<15 { value = .array([value]) }
        _ = try Self.augmenter().augment(try Self.originalToken(), with: ["deep": value], now: Self.now)
        value = .array([value])
        let error = #expect(throws: JWTError.self) {
            _ = try Self.augmenter().augment(try Self.originalToken(), with: ["deep": value], now: Self.now)
        }
        #expect(error?.code == .attributesTooLarge)
        let text = #"{"deep":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        let parseError = #expect(throws: JWTError.self) { _ = try Self.augmenter().parseAttributes(Array(text.utf8)) }
        #expect(parseError?.code == .attributesTooLarge)
        #expect(parseError?.offset == 23, "the parser's offset is kept")
    }

    @Test("claim names: non-empty, bounded, no control characters; all offenders named")
    func claimNames() throws {
        let token = try Self.originalToken()
        let long = String(repeating: "n", count: 257)
        let error = #expect(throws: JWTError.self) {
            _ = try Self.augmenter().augment(
                token,
                with: ["": 1, "ok": 2, "tab\there": 3, .init(long): 4],
                now: Self.now
            )
        }
        #expect(error?.code == .invalidClaimName)
        #expect(error?.reason.contains("\"\"") == true)
        #expect(error?.reason.contains(#""tab\there""#) == true, "control characters print escaped")
        _ = try Self.augmenter().augment(token, with: [.init(String(repeating: "n", count: 256)): 4], now: Self.now)
    }

    @Test(
        "attributes given as text must be one JSON object",
        arguments: [
            "[]", "1", #""role""#, #"{"a":1,"a":2}"#, "{", #"{"a":1} x"#,
        ]
    )
    func attributesText(_ text: String) throws {
        #expect(throws: JWTError.self) {
            _ = try Self.augmenter().augment(try Self.originalToken(), withJSON: Array(text.utf8), now: Self.now)
        }
    }

    @Test(
        "the augmented token verifies with Python joserfc, every claim intact",
        .enabled("python3 with joserfc is not installed") { await PythonInterop.hasJoserfc() }
    )
    func joserfcVerifiesAugmentedTokens() async throws {
        let result = try Self.augmenter().augment(
            try Self.originalToken(#"{"sub":"s","exp":4102444800,"big":9223372036854775807}"#),
            with: ["role": "admin", "user_id": 125],
            now: Self.now
        )
        let request = JSONValue.object([
            "token": .string(result.token), "jwk": .object(try Self.issuer.get().publicKey.jwk),
        ]).serialized()
        let output = try JSONValue(parsing: await PythonInterop.run(script: "verify_with_joserfc.py", input: request))
        #expect(output["ok"] == true, "\(output)")
        #expect(output["claims"]?.hasSameValue(as: .object(result.claims.object)) == true)
    }
}

extension ReferencePage {
    static let originalNames = [
        "aud", "authentication_method", "client_user_id", "exp", "iat", "identifier", "iss", "jti", "scope", "sub",
        "type",
    ]
}

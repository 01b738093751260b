import JWTClaims
import Testing

/// One augmenter, verifier and signer shared by many tasks at once, as a server shares them between requests. Run
/// under ThreadSanitizer by `Scripts/sanitizers.sh`, these are the data-race checks for the token layer.
@Suite("ClaimsAugmenter under concurrency")
struct ClaimsAugmenterConcurrencyTests {
    static let now = NumericDate(secondsSince1970: 1_700_000_000)

    /// What one task saw: how many augmentations verified with every claim intact, and how many did not.
    struct Outcome: Sendable {
        var intact = 0
        var broken = 0
    }

    @Test("8 tasks × 40 augmentations share one augmenter; every result verifies with every claim intact")
    func sharedAugmenter() async throws {
        let key = try ES256.PrivateKey()
        var published = key.publicKey.jwk
        published["kid"] = "k1"
        let keySet = try JWKSet(parsing: JSONValue.object(["keys": [.object(published)]]).serialized())
        let verifier = JWTVerifier(keySet: keySet)
        let signer = JWTSigner(key: key, keyID: "k1")
        let augmenter = ClaimsAugmenter(verifier: verifier, signer: signer)
        let original: ClaimSet = ["iss": "issuer", "sub": "alice", "exp": 1_700_003_600, "n": 1.50]
        let token = try signer.sign(original)

        let outcomes = await withTaskGroup(of: Outcome.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var outcome = Outcome()
                    for operation in 0..<40 {
                        let attributes: JSONObject = ["task": .number(JSONNumber(task)), "op": .string("\(operation)")]
                        guard let result = try? augmenter.augment(token, with: attributes, now: Self.now),
                            let verified = try? verifier.verify(result.token, now: Self.now)
                        else {
                            outcome.broken += 1
                            continue
                        }
                        let originalsIntact = original.names.allSatisfy { verified.claims[$0] == original[$0] }
                        let ownAttributes =
                            verified.claims["task"]?.int64Value == Int64(task)
                            && verified.claims["op"]?.stringValue == "\(operation)"
                        if originalsIntact && ownAttributes && verified.claims.names.prefix(4) == original.names[...] {
                            outcome.intact += 1
                        } else {
                            outcome.broken += 1
                        }
                    }
                    return outcome
                }
            }
            return await group.reduce(into: Outcome()) {
                $0.intact += $1.intact
                $0.broken += $1.broken
            }
        }
        #expect(outcomes.broken == 0)
        #expect(outcomes.intact == 8 * 40)
    }

    @Test("tasks that sign, verify, refuse and augment at the same time all get their own answers")
    func mixedWork() async throws {
        let key = try ES256.PrivateKey()
        let stranger = try ES256.PrivateKey()
        let verifier = JWTVerifier(key: key.publicKey)
        let signer = JWTSigner(key: key)
        let augmenter = ClaimsAugmenter(verifier: verifier, signer: signer)
        let forged = try JWTSigner(key: stranger).sign(["sub": "mallory"])

        let wrongAnswers = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for operation in 0..<30 {
                        let claims: ClaimSet = ["sub": .string("user-\(task)-\(operation)")]
                        guard let token = try? signer.sign(claims) else {
                            wrong += 1
                            continue
                        }
                        switch operation % 3 {
                        case 0:
                            if (try? verifier.verify(token, now: Self.now).claims) != claims { wrong += 1 }
                        case 1:
                            let error = #expect(throws: JWTError.self) {
                                _ = try verifier.verify(forged, now: Self.now)
                            }
                            if error?.code != .invalidSignature { wrong += 1 }
                        default:
                            let result = try? augmenter.augment(
                                token,
                                with: ["op": .string("\(operation)")],
                                now: Self.now
                            )
                            if result?.claims.subject != "user-\(task)-\(operation)" { wrong += 1 }
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrongAnswers == 0)
    }
}

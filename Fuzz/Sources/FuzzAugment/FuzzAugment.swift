import FuzzSupport
import JWTClaims

/// Augmentation: a token and custom attributes, split from the input.
///
/// Input layout: one policy byte, then the token part, a line feed, and the attributes' JSON text. When the token part
/// has two dots it is used as a token; otherwise it is taken as claims JSON and signed with the fixed key first, so
/// the fuzzer can reach merging with any claims. The policy byte's bits choose how existing, protected and `null`
/// attributes are handled.
///
/// Every call either fails with a well-formed `JWTError`, or returns a token that verifies with the fixed key, fits
/// the policy's size, and carries every original claim in its original position with its original value (byte for
/// byte), except the claims the report says were replaced (now the attribute's value) or removed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAugment(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = unsafe inputBytes(data, size)
    guard let policyByte = input.first else { return 0 }
    let rest = input.dropFirst()
    let newline = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
    let tokenPart = Array(rest[..<newline])
    let attributes = Array(rest[newline...].dropFirst())
    checkAugment(policy(policyByte), tokenPart, attributes, input)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzAugment_main`): hands over to libFuzzer's driver.
@_cdecl("FuzzAugment_main")
public func fuzzAugmentMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    unsafe runFuzzer(argc, argv, warmUp: warmUp, callback: callback)
}

/// Makes the lazily created globals before the first input (see `runFuzzer`).
private func warmUp() {
    _ = (signer, verifier, augmentErrors)
}

private func callback(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = unsafe data else { return 0 }
    return unsafe fuzzAugment(data, size)
}

private func policy(_ byte: UInt8) -> AugmentationPolicy {
    var policy = AugmentationPolicy()
    switch byte & 3 {
    case 0: policy.onExistingClaim = .replace
    case 1: policy.onExistingClaim = .reject
    default: policy.onExistingClaim = .keep
    }
    policy.onProtectedClaim = byte & 4 == 0 ? .reject : .ignore
    policy.onNull = byte & 8 == 0 ? .keep : .removeClaim
    if byte & 16 != 0 {
        // Small limits, so the size and depth checks are reached by short inputs.
        policy.maximumAttributesSize = 64
        policy.maximumTokenSize = 400
        policy.maximumDepth = 2
        policy.maximumClaimNameLength = 8
    }
    return policy
}

private let signer = JWTSigner(key: FuzzFixtures.privateKey, keyID: FuzzFixtures.keyID)
private let verifier = JWTVerifier(key: FuzzFixtures.publicKey)

private let augmentErrors: Set<JWTError.Code> = [
    // The attributes, and the augmented token over the policy's size.
    .attributesTooLarge, .invalidJSON, .duplicateMember, .invalidClaims, .invalidClaimName, .protectedClaim,
    .conflictingClaim, .tokenTooLarge,
    // The original token over the verifier's limits.
    .limitExceeded,
    // The token.
    .malformedToken, .invalidBase64URL, .invalidHeader, .invalidSignatureEncoding, .unsupportedAlgorithm,
    .unsupportedCriticalHeader, .unknownKeyID, .ambiguousKey, .invalidSignature, .invalidClaimValue, .expired,
    .notYetValid, .issuedInFuture, .wrongType, .wrongIssuer, .wrongAudience, .missingClaim,
]

private func checkAugment(_ policy: AugmentationPolicy, _ tokenPart: [UInt8], _ attributes: [UInt8], _ input: [UInt8]) {
    let token: String
    if tokenPart.filter({ $0 == UInt8(ascii: ".") }).count == 2 {
        token = String(decoding: tokenPart, as: UTF8.self)
    } else {
        guard let claims = try? ClaimSet(parsing: String(decoding: tokenPart, as: UTF8.self)) else { return }
        do {
            token = try signer.sign(claims)
        } catch {
            invariantFailure("signing parsed claims failed: \(error)", input)
        }
    }
    let augmenter = ClaimsAugmenter(verifier: verifier, signer: signer, policy: policy)
    let result: AugmentedToken
    do {
        result = try augmenter.augment(token, withJSON: attributes, now: FuzzFixtures.now)
    } catch {
        requireWellFormed(error, codes: augmentErrors, inputLength: Int.max, input)
        return
    }
    // The original, as the augmenter saw it (it verified, so this cannot fail).
    guard let original = try? verifier.verify(token, now: FuzzFixtures.now),
        let attributeObject = try? augmenter.parseAttributes(attributes)
    else {
        invariantFailure("augmented a token or attributes that do not verify or parse on their own", input)
    }
    checkResult(result, original: original.claims, attributes: attributeObject, policy, input)
}

private func checkResult(
    _ result: AugmentedToken,
    original: ClaimSet,
    attributes: JSONObject,
    _ policy: AugmentationPolicy,
    _ input: [UInt8]
) {
    require(result.token.utf8.count <= policy.maximumTokenSize, "the result is larger than the policy allows", input)
    let verified: VerifiedJWT
    do {
        var options = JWTValidationOptions()
        options.limits.maximumTokenSize = max(options.limits.maximumTokenSize, policy.maximumTokenSize)
        verified = try JWTVerifier(key: FuzzFixtures.publicKey, options: options).verify(
            result.token,
            now: FuzzFixtures.now
        )
    } catch {
        invariantFailure("the augmented token does not verify: \(error)", input)
    }
    require(verified.claims == result.claims, "the result's claims are not the token's claims", input)
    require(verified.header == result.header, "the result's header is not the token's header", input)
    let report = result.report
    let removed = Set(report.removed)
    let replaced = Set(report.replaced)
    // Every original claim: still there, in order, with its value, unless replaced or removed as reported.
    var position = 0
    for (name, value) in original.object {
        if removed.contains(name) {
            require(result.claims[name] == nil, "removed claim \(name) is still there", input)
            require(attributes[name] == .null, "claim \(name) removed without a null attribute", input)
            continue
        }
        guard let index = result.claims.object.index(forName: name) else {
            invariantFailure("original claim \(name) is missing", input)
        }
        require(index == position, "original claim \(name) moved from \(position) to \(index)", input)
        position += 1
        let now = result.claims[name]
        if replaced.contains(name) {
            require(now == attributes[name], "replaced claim \(name) does not hold the attribute's value", input)
            require(!policy.protectedClaims.contains(name), "protected claim \(name) was replaced", input)
        } else {
            require(now == value, "original claim \(name) changed", input)
            require(now?.serialized() == value.serialized(), "original claim \(name) is written differently", input)
        }
    }
    // The new claims follow, in the attributes' order.
    for name in report.added {
        require(original[name] == nil, "added claim \(name) was already there", input)
        require(result.claims[name] == attributes[name], "added claim \(name) has another value", input)
    }
    require(
        result.claims.count == original.count - removed.count + report.added.count,
        "the result has \(result.claims.count) claims; expected \(original.count) - \(removed.count) + "
            + "\(report.added.count)",
        input
    )
    // The report accounts for every attribute exactly once.
    let reported = report.added + report.replaced + report.kept + report.ignored + report.removed
    require(Set(reported).count == reported.count, "an attribute is reported twice", input)
    let unreported = attributes.names.filter { !reported.contains($0) }
    for name in unreported {
        // Only a null attribute for a claim the token does not have leaves no trace.
        require(
            attributes[name] == .null && policy.onNull == .removeClaim && original[name] == nil,
            "attribute \(name) is not in the report",
            input
        )
    }
    for name in report.ignored {
        require(policy.protectedClaims.contains(name), "ignored attribute \(name) is not protected", input)
        require(result.claims[name] == original[name], "ignored attribute \(name) changed its claim", input)
    }
}

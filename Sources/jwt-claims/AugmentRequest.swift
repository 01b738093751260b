import JWTClaims
import JWTClaimsWireFormat

/// One `augment` run's fixed parts: the augmenter and the checked attributes, ready for one token or a batch.
///
/// The attributes are checked once, before any token is looked at, so that attributes the policy refuses (bad
/// JSON, not an object, protected names, over the size or depth limit, invalid names) are bad input (status 2)
/// and never counted against a token.
struct AugmentRequest: Sendable {
    /// Verifies the original tokens and signs the augmented ones.
    let augmenter: ClaimsAugmenter
    /// The custom attributes, already accepted by the policy.
    let attributes: JSONObject
    /// The validation time for the original tokens.
    let now: NumericDate

    /// Parses and checks `attributesText` (named `label` in messages) under `augmenter`'s policy.
    ///
    /// - Throws: ``CLIError`` (status 2) naming `label` and every problem the library reports at once.
    init(augmenter: ClaimsAugmenter, attributesText: [UInt8], label: String, now: NumericDate) throws(CLIError) {
        self.augmenter = augmenter
        self.now = now
        do throws(JWTError) {
            let attributes = try augmenter.parseAttributes(attributesText)
            try augmenter.policy.check(attributes)
            self.attributes = attributes
        } catch {
            throw .badInput(label, error)
        }
    }

    /// Augments one token.
    ///
    /// - Returns: The reference API's response body, `{"token":"..."}`.
    /// - Throws: ``CLIError``: status 1 when the token is refused; status 2 when the policy refuses the request for
    ///   this token (an existing claim under `--on-existing reject`, a result over `--max-token-size`).
    func augment(_ token: String) throws(CLIError) -> String {
        do throws(JWTError) {
            let result = try augmenter.augment(token, with: attributes, now: now)
            return CustomClaimsResponse(token: result.token).serialized()
        } catch {
            throw CLIError(status: ExitStatus.forAugmentError(error), message: error.reason)
        }
    }
}

/// What an augmentation did with each custom attribute, by claim name, in the attributes' order.
public struct AugmentationReport: Hashable, Sendable {
    /// New claims, appended after the original ones.
    public var added: [String] = []
    /// Existing claims whose value was replaced in place.
    public var replaced: [String] = []
    /// Existing claims kept unchanged because the policy says ``AugmentationPolicy/ExistingClaimHandling/keep``.
    public var kept: [String] = []
    /// Attributes naming protected claims, left out because the policy says
    /// ``AugmentationPolicy/ProtectedClaimHandling/ignore``.
    public var ignored: [String] = []
    /// Claims removed by a `null` attribute under ``AugmentationPolicy/NullHandling/removeClaim``.
    public var removed: [String] = []

    /// An empty report.
    public init() {}
}

/// Bounds on the untrusted input a token decoder reads.
///
/// The defaults suit access and ID tokens; raise them only for tokens you know are larger.
public struct JWTLimits: Hashable, Sendable {
    /// The largest token accepted, in bytes of its compact text. Default: 16 KiB.
    public var maximumTokenSize: Int
    /// Bounds for the JSON of the header and of the claims (depth 32 by default).
    public var json: JSONParsingOptions

    /// The defaults: 16 KiB tokens, and `JSONParsingOptions()` for their JSON.
    public init(maximumTokenSize: Int = 16 * 1024, json: JSONParsingOptions = JSONParsingOptions()) {
        self.maximumTokenSize = maximumTokenSize
        self.json = json
    }
}

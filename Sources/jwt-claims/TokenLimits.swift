import JWTClaims

/// The token size limit shared by `verify` and `decode` (the contract: decode applies the same limit as verify).
enum TokenLimits {
    /// The default largest token: 16 KiB, the library's default.
    static let defaultMaximumSize = JWTLimits().maximumTokenSize

    /// The library's limits for tokens of up to `maximumSize` bytes. The JSON input bound grows with it, so a raised
    /// limit is not undercut by the default 1 MiB bound on the header and claims JSON.
    static func limits(maximumSize: Int) -> JWTLimits {
        var limits = JWTLimits(maximumTokenSize: maximumSize)
        limits.json.maximumInputSize = max(limits.json.maximumInputSize, maximumSize)
        return limits
    }
}

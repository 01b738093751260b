extension RefreshTokenRotation {
    /// What a ``RefreshTokenStore`` must do for a rotation, as ``RefreshTokenRotation/decide(current:)`` says.
    public enum Decision: Sendable {
        /// Write `consumed` (the presented token, now marked used) and insert `successor`, in one atomic step, then
        /// return the successor.
        case rotate(consumed: RefreshTokenRecord, successor: RefreshTokenRecord)
        /// Revoke every token of the family, commit that, and throw `error` (reuse detection).
        case revokeFamily(familyID: String, error: JWTError)
        /// Change nothing and throw the error.
        case reject(JWTError)
    }
}

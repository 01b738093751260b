@testable import JWTClaims

extension ES256.PrivateKey {
    /// How many signing contexts wait idle in this key's pool: 0 for a fresh key, and 1 after it has made one
    /// signature or any number made one at a time. Evidence, without timing, of whether a key signed at all.
    var idleSigningContextCount: Int {
        core.backing.signingContexts.idleCount
    }
}

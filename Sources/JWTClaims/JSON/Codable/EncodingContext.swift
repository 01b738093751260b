/// What every encoder of one ``JSONValueEncoder/encode(_:userInfo:)`` call shares.
final class EncodingContext {
    let userInfo: [CodingUserInfoKey: Any]
    /// The first misuse seen where the `Encoder` API cannot throw (asking for a keyed container where an unkeyed
    /// one was already taken, say); thrown once the value is encoded, so that a misuse never yields a partial value.
    private(set) var firstMisuse: JWTError?

    init(userInfo: [CodingUserInfoKey: Any]) {
        self.userInfo = userInfo
    }

    func recordMisuse(_ error: JWTError) {
        if firstMisuse == nil {
            firstMisuse = error
        }
    }
}

/// The claims of the reference page's access token (Cotter's "Requesting Custom Claims" page), as exact JSON text.
///
/// The benchmarks parse, write, sign and verify these bytes, so every library measures the same input.
public enum ReferencePayload {
    /// The original 11-claim payload, byte for byte as the page prints it (members in this order).
    public static let originalText =
        #"{"aud":"a4471794-8ee8-4d88-b321-5f7a22803d43","authentication_method":"SOCIAL_LOGIN","#
        + #""client_user_id":"5522261a-ac7e-4d6e-b056-959f612fb34a","exp":1599181203,"iat":1599177603,"#
        + #""identifier":"putri@cotter.app","iss":"https://www.cotter.app","#
        + #""jti":"d4039c6a-d1cb-44a2-b048-18e5bc1e216b","scope":"access","#
        + #""sub":"5522261a-ac7e-4d6e-b056-959f612fb34a","type":"client_access_token"}"#

    /// The 14-claim augmented payload: the original 11 claims first, then `username`, `role` and `user_id`.
    public static let augmentedText =
        originalText.dropLast() + #","username":"helloworld","role":"admin","user_id":125}"#

    /// ``originalText`` as UTF-8 bytes.
    public static let original = Array(originalText.utf8)

    /// ``augmentedText`` as UTF-8 bytes.
    public static let augmented = Array(augmentedText.utf8)
}

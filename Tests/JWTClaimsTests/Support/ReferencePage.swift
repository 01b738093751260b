/// The tokens and claims shown on the reference custom-claims page (`../shared/reference/cotter-custom-claims.md`).
enum ReferencePage {
    /// The "original access token" of the request example, signed by the reference service's key (not public).
    static let originalToken =
        "eyJhbGciOiJFUzI1NiIsImtpZCI6IlNQQUNFX0pXVF9QVUJMSUM6NkNFRTRBMEUtM0M0Ny00ODk1LUFCNjYtRjhFMDc2MTE1MzJGIiwidHlwIjoiSldUIn0"
        + ".eyJhdWQiOiJhNDQ3MTc5NC04ZWU4LTRkODgtYjMyMS01ZjdhMjI4MDNkNDMiLCJhdXRoZW50aWNhdGlvbl9tZXRob2QiOiJTT0NJQUxfTE9HSU4iLCJjbGllbnRfdXNlcl9pZCI6IjU1MjIyNjFhLWFjN2UtNGQ2ZS1iMDU2LTk1OWY2MTJmYjM0YSIsImV4cCI6MTU5OTE4MTIwMywiaWF0IjoxNTk5MTc3NjAzLCJpZGVudGlmaWVyIjoicHV0cmlAY290dGVyLmFwcCIsImlzcyI6Imh0dHBzOi8vd3d3LmNvdHRlci5hcHAiLCJqdGkiOiJkNDAzOWM2YS1kMWNiLTQ0YTItYjA0OC0xOGU1YmMxZTIxNmIiLCJzY29wZSI6ImFjY2VzcyIsInN1YiI6IjU1MjIyNjFhLWFjN2UtNGQ2ZS1iMDU2LTk1OWY2MTJmYjM0YSIsInR5cGUiOiJjbGllbnRfYWNjZXNzX3Rva2VuIn0"
        + ".U0Qz0ezHN04QrGnPzn7WlYsR-5_94dQ0K4ovMhcUF4qhJMhEdGODkZGcaJ4ylCT7JqDP5REO2nK3W9mj6uAj5w"

    /// The token the page shows as the real response of the endpoint.
    static let responseToken =
        "eyJhbGciOiJFUzI1NiIsImtpZCI6IlNQQUNFX0pXVF9QVUJMSUM6NkNFRTRBMEUtM0M0Ny00ODk1LUFCNjYtRjhFMDc2MTE1MzJGIiwidHlwIjoiSldUIn0"
        + ".eyJhdWQiOlsiYTQ0NzE3OTQtOGVlOC00ZDg4LWIzMjEtNWY3YTIyODAzZDQzIl0sImV4cCI6MTU5OTE4MTIwMywiaWF0IjoxNTk5MTc3NjAzLCJpc3MiOiJodHRwczovL3d3dy5jb3R0ZXIuYXBwIiwianRpIjoiZDQwMzljNmEtZDFjYi00NGEyLWIwNDgtMThlNWJjMWUyMTZiIiwicm9sZSI6ImFkbWluIiwic3ViIjoiNTUyMjI2MWEtYWM3ZS00ZDZlLWIwNTYtOTU5ZjYxMmZiMzRhIiwidXNlcl9pZCI6MTI1LCJ1c2VybmFtZSI6ImhlbGxvd29ybGQifQ"
        + ".O8te8naeRuYcXG6mLRc7FJ4a3TrBJlaJutzUCqJA8ncItAK9BKedV0TykLOhw_AmCAr-fz8bhbwi3XNUJmN8SQ"

    /// The 11 claims of the original token, in order, as the page lists them.
    static let originalClaims =
        #"{"aud":"a4471794-8ee8-4d88-b321-5f7a22803d43","authentication_method":"SOCIAL_LOGIN","#
        + #""client_user_id":"5522261a-ac7e-4d6e-b056-959f612fb34a","exp":1599181203,"iat":1599177603,"#
        + #""identifier":"putri@cotter.app","iss":"https://www.cotter.app","#
        + #""jti":"d4039c6a-d1cb-44a2-b048-18e5bc1e216b","scope":"access","#
        + #""sub":"5522261a-ac7e-4d6e-b056-959f612fb34a","type":"client_access_token"}"#

    /// The custom attributes of the request example.
    static let customAttributes = #"{"username":"helloworld","role":"admin","user_id":125}"#

    /// The 14 claims the page promises in the response (its listing is alphabetical).
    static let promisedClaims =
        #"{"aud":"a4471794-8ee8-4d88-b321-5f7a22803d43","authentication_method":"SOCIAL_LOGIN","#
        + #""client_user_id":"5522261a-ac7e-4d6e-b056-959f612fb34a","exp":1599181203,"iat":1599177603,"#
        + #""identifier":"putri@cotter.app","iss":"https://www.cotter.app","#
        + #""jti":"d4039c6a-d1cb-44a2-b048-18e5bc1e216b","role":"admin","scope":"access","#
        + #""sub":"5522261a-ac7e-4d6e-b056-959f612fb34a","type":"client_access_token","user_id":125,"#
        + #""username":"helloworld"}"#

    /// An instant inside the original token's lifetime (iat 1599177603, exp 1599181203).
    static let insideLifetime = 1_599_180_000
}

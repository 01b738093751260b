import ChildProcess
import Foundation
import JWTClaims
import Testing

@Suite("JWT signer")
struct JWTSignerTests {
    @Test("writes the header alg, typ, kid and signs the exact claims text")
    func headerAndPayload() throws {
        let key = try ES256.PrivateKey()
        let claims: ClaimSet = ["sub": "user-1", "n": 9_223_372_036_854_775_807, "f": 1.5, "aud": "api"]
        let token = try JWTSigner(key: key, keyID: "key-1").sign(claims)
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        try #require(segments.count == 3)
        #expect(try Base64URL.decode(segments[0]) == Array(#"{"alg":"ES256","typ":"JWT","kid":"key-1"}"#.utf8))
        #expect(try Base64URL.decode(segments[1]) == claims.object.serializedBytes())

        let decoded = try UnverifiedJWT(decoding: token)
        #expect(decoded.header.algorithm == "ES256")
        #expect(decoded.header.keyID == "key-1")
        #expect(decoded.header.type == "JWT")
        #expect(decoded.claims == claims)
        #expect(Array(decoded.signingInput) == Array((segments[0] + "." + segments[1]).utf8))
        #expect(decoded.signingInput.startIndex == 0)
        #expect(key.publicKey.isValidSignature(decoded.signature, for: decoded.signingInput))
    }

    @Test("a custom typ, or none, and no kid")
    func headerVariants() throws {
        let key = try ES256.PrivateKey()
        let signer = JWTSigner(key: key)
        let withType = try UnverifiedJWT(decoding: signer.sign(["a": 1], type: "at+jwt"))
        #expect(withType.header.members.serialized() == #"{"alg":"ES256","typ":"at+jwt"}"#)
        let withoutType = try UnverifiedJWT(decoding: signer.sign(["a": 1], type: nil))
        #expect(withoutType.header.members.serialized() == #"{"alg":"ES256"}"#)
    }

    @Test("what we sign verifies, claims intact, and tampering is detected")
    func roundTrip() throws {
        let key = try ES256.PrivateKey()
        let claims = try ClaimSet(
            parsing: #"{"aud":"a","big":18446744073709551615,"neg":-0,"e":1.5e3,"u":"é😀","n":{"x":[1,{"y":null}]}}"#
        )
        let token = try JWTSigner(key: key).sign(claims)
        let verified = try JWTVerifier(key: key.publicKey).verify(token, now: NumericDate(secondsSince1970: 0))
        #expect(verified.claims == claims)
        #expect(verified.claims.serialized() == claims.serialized())
        #expect(verified.claims.audience == .single("a"))

        var tampered = Array(token.utf8)
        let dot = try #require(tampered.firstIndex(of: UInt8(ascii: ".")))
        tampered[dot + 2] = tampered[dot + 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let error = #expect(throws: JWTError.self) {
            _ = try JWTVerifier(key: key.publicKey).verify(
                String(decoding: tampered, as: UTF8.self),
                now: NumericDate(secondsSince1970: 0)
            )
        }
        #expect(error?.code == .invalidSignature || error?.code == .invalidBase64URL)
    }

    @Test(
        "Python joserfc verifies the tokens we sign",
        .enabled("python3 with joserfc is not installed") { await PythonInterop.hasJoserfc() }
    )
    func joserfcVerifiesOurTokens() async throws {
        let key = try ES256.PrivateKey()
        let claims = try ClaimSet(
            parsing:
                #"{"iss":"https://www.cotter.app","exp":4102444800,"big":9223372036854775807,"u":"ünï","n":[1,2.5]}"#
        )
        let token = try JWTSigner(key: key, keyID: "k1").sign(claims)
        let request = JSONValue.object(["token": .string(token), "jwk": .object(key.publicKey.jwk)]).serialized()
        let output = try await PythonInterop.run(script: "verify_with_joserfc.py", input: request)
        let result = try JSONValue(parsing: output)
        #expect(result["ok"] == true, "\(output)")
        #expect(result["claims"]?.hasSameValue(as: .object(claims.object)) == true, "\(output)")
    }
}

/// Runs the committed Python interop scripts in `Scripts/interop/`, through ``ChildProcess`` so that a long run never
/// holds a thread of the cooperative pool the rest of the suite needs.
enum PythonInterop {
    /// Whether `python3` can import every module in `modules`.
    static func canImport(_ modules: String) async -> Bool {
        (try? await ChildProcess.python(["-c", "import \(modules)"]).status) == 0
    }

    static func hasJoserfc() async -> Bool { await canImport("joserfc, cryptography") }

    static var scriptsDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/interop")
    }

    /// Runs `python3 script` with `input` on standard input; returns standard output, or throws unless it exits 0.
    static func run(script: String, input: String) async throws -> String {
        try await run(arguments: [scriptsDirectory.appendingPathComponent(script).path], input: input)
    }

    /// Runs `python3 arguments...` with `input` on standard input; returns standard output, or throws unless it
    /// exits 0.
    static func run(arguments: [String], input: String) async throws -> String {
        try await ChildProcess.runChecked("/usr/bin/env", ["python3"] + arguments, input: Array(input.utf8))
    }
}

import CFuzzDriver
public import JWTClaims

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reports a broken invariant and aborts, so libFuzzer records the input as a crash.
///
/// Only the fuzzers may abort: the library itself must turn every bad input into a `JWTError`.
public func invariantFailure(_ message: String, _ input: [UInt8]) -> Never {
    let preview = String(decoding: input.prefix(400), as: UTF8.self)
    // Written straight to file descriptor 2, so the message is out before the abort (print is buffered).
    let text = Array(
        "INVARIANT FAILED: \(message)\n  input (\(input.count) bytes, first 400 as UTF-8): \(preview)\n".utf8
    )
    _ = unsafe text.withUnsafeBytes { unsafe write(2, $0.baseAddress, $0.count) }
    abort()
}

/// Checks a condition that must hold for every input.
public func require(_ condition: Bool, _ message: @autoclosure () -> String, _ input: [UInt8]) {
    if !condition { invariantFailure(message(), input) }
}

/// Checks that an error the library threw is well formed: a reason, and an offset (when given) inside the input.
public func requireWellFormed(_ error: JWTError, codes: Set<JWTError.Code>, inputLength: Int, _ input: [UInt8]) {
    require(codes.contains(error.code), "unexpected error code \(error.code): \(error.reason)", input)
    require(!error.reason.isEmpty, "an error without a reason: \(error.code)", input)
    if let offset = error.offset {
        require(
            offset >= 0 && offset <= inputLength,
            "error offset \(offset) outside the input of \(inputLength) bytes: \(error.reason)",
            input
        )
    }
}

/// Copies libFuzzer's input into an array.
public func inputBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    unsafe Array(UnsafeBufferPointer(start: data, count: size))
}

/// The fixed keys and clock of the token, key and augmentation fuzzers.
public enum FuzzFixtures {
    /// The private key of RFC 7515 appendix A.3; `Fuzz/make-corpus.py` signs the seed tokens with it.
    public static let privateKeyJWK = """
        {"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",\
        "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}
        """

    /// The key every token fuzzer verifies with and the augmenter signs with.
    public static let privateKey: ES256.PrivateKey = {
        do {
            return try ES256.PrivateKey(jwkRepresentation: privateKeyJWK)
        } catch {
            invariantFailure("the fixed fuzzing key does not import: \(error)", [])
        }
    }()

    /// The public half of ``privateKey``.
    public static let publicKey = privateKey.publicKey

    /// The `kid` the seed tokens that carry one use.
    public static let keyID = "fuzz-key"

    /// The validation time: 2023-11-14T22:13:20Z. Seed tokens' `exp` and `nbf` are chosen around it.
    public static let now = NumericDate(secondsSince1970: 1_700_000_000)
}

/// The signature libFuzzer calls for every input.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer's driver with the process arguments; each target's `<Target>_main` calls this.
///
/// `warmUp` runs first: it must touch every lazily made global the target uses (keys, verifiers, option sets), or
/// libFuzzer's leak check would report the first input that creates one as a leak.
public func runFuzzer(
    _ argc: CInt,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    warmUp: () -> Void,
    callback: FuzzCallback
) -> CInt {
    _ = FuzzFixtures.privateKey
    _ = FuzzFixtures.publicKey
    warmUp()
    var argc = argc
    var argv = unsafe argv
    return unsafe LLVMFuzzerRunDriver(&argc, &argv, callback)
}

/// Bounds that the JSON parser enforces, so that hostile input costs bounded time, memory and stack.
///
/// Every bound is checked while parsing; input over a bound is rejected with ``JWTError/Code/limitExceeded`` and the
/// byte offset where the bound was crossed. The defaults are generous for JWT headers and payloads and tight enough
/// that no input can exhaust memory or the stack.
///
/// ```swift
/// var options = JSONParsingOptions()
/// options.maximumDepth = 4
/// let claims = try JSONObject(parsing: payload, options: options)
/// ```
public struct JSONParsingOptions: Hashable, Sendable {
    /// The deepest nesting of arrays and objects the parser ever accepts, whatever ``maximumDepth`` says (256).
    ///
    /// The parser itself uses no stack per level, but writing, comparing, hashing and destroying a value recurse
    /// once per level. This ceiling keeps all of them well inside the smallest thread stack Swift runs on
    /// (512 KiB), even in unoptimized builds. A ``maximumDepth`` above it is treated as this value.
    public static let maximumSupportedDepth = 256

    /// How deeply arrays and objects may nest (default 32).
    ///
    /// A top-level scalar has depth 0 and a top-level array or object depth 1, so `[[1]]` has depth 2. A container
    /// nested deeper is rejected at the offset of its opening bracket. Values above ``maximumSupportedDepth`` are
    /// treated as ``maximumSupportedDepth``.
    public var maximumDepth: Int = 32

    /// The largest input accepted, in bytes (default 1 MiB); checked before any byte is parsed.
    public var maximumInputSize: Int = 1 << 20

    /// The longest number literal accepted, in bytes of source text (default 256).
    ///
    /// The parser keeps every number's exact text, so this bounds the memory a single number may take. A
    /// 40-digit integer, or any number a JWT plausibly carries, is far below the default.
    public var maximumNumberLength: Int = 256

    /// The longest string accepted, member names included, in bytes of UTF-8 after unescaping (default 64 KiB).
    ///
    /// 64 KiB is far more than any claim, key identifier or certificate chain needs, and small enough that no
    /// single string can hold a large share of a maximal input's memory.
    public var maximumStringLength: Int = 1 << 16

    /// The most members one object, or elements one array, may hold (default 100 000).
    ///
    /// The limit applies to each container on its own, not to the document as a whole; ``maximumInputSize``
    /// bounds the total.
    public var maximumContainerCount: Int = 100_000

    /// Options with the default bounds.
    public init() {}
}

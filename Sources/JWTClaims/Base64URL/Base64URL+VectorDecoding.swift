#if _endian(little)
// Decoding 16 characters at a time with the standard library's SIMD types, which compile to plain vector
// instructions on every target (SSE2 on x86-64, NEON on arm64); no table lookups, so no per-character loads.
//
// Only operations that the standard library implements for these concrete types are used, each spelled with explicit
// vector types, and reinterpretations are bit casts: comparisons with a scalar operand, the `any`/`all` reductions,
// `init(truncatingIfNeeded:)` and operators picked through an inferred generic type compile to per-lane loops or
// calls instead of one instruction each (measured: 80 times slower).
//
// The reinterpretations are bit casts between vector types of the same size (16 bytes, no references), so they are
// always valid; their lane order assumes a little-endian target, hence the `#if`. Other targets use the block loop.
extension Base64URL {
    /// 16 characters, or their 6-bit values, one a lane.
    typealias CharacterVector = SIMD16<UInt8>
    /// The same lanes as ``CharacterVector``, compared as signed bytes.
    private typealias SignedCharacterVector = SIMD16<Int8>

    /// The 6-bit value of each of 16 characters.
    ///
    /// A character outside the alphabet gets its own value plus 0x80 (mod 256) instead, so that either the value or
    /// the character has its top bit set, which ``allValid(_:characters:)`` tests. Alphabet characters are below
    /// 0x80 and their values below 0x40, so neither has it.
    @inline(__always)
    static func sextets(of characters: CharacterVector) -> CharacterVector {
        let upper = lanes(of: characters, from: UInt8(ascii: "A"), count: 26)
        let lower = lanes(of: characters, from: UInt8(ascii: "a"), count: 26)
        let digit = lanes(of: characters, from: UInt8(ascii: "0"), count: 10)
        let minus = lanes(of: characters, equalTo: UInt8(ascii: "-"))
        let underscore = lanes(of: characters, equalTo: UInt8(ascii: "_"))
        // Exactly one of the five groups holds each alphabet character, so the sum adds exactly one group's offset
        // (from character to value) to 0x80; characters in no group keep the 0x80.
        let offset =
            CharacterVector(repeating: 0x80)
            &+ (upper & CharacterVector(repeating: 0 &- UInt8(ascii: "A") &- 0x80))
            &+ (lower & CharacterVector(repeating: 26 &- UInt8(ascii: "a") &- 0x80))
            &+ (digit & CharacterVector(repeating: 52 &- UInt8(ascii: "0") &- 0x80))
            &+ (minus & CharacterVector(repeating: 62 &- UInt8(ascii: "-") &- 0x80))
            &+ (underscore & CharacterVector(repeating: 63 &- UInt8(ascii: "_") &- 0x80))
        return characters &+ offset
    }

    /// Whether every lane of `values` is the value of an alphabet character, given the OR of one or more results of
    /// ``sextets(of:)`` and the OR of their characters.
    @inline(__always)
    static func allValid(_ values: CharacterVector, characters: CharacterVector) -> Bool {
        let words = unsafe unsafeBitCast(values | characters, to: SIMD2<UInt64>.self)
        return (words[0] | words[1]) & 0x8080_8080_8080_8080 == 0
    }

    /// The 12 bytes that 16 valid 6-bit values decode to, as two words of 6 bytes each in their top bytes: stored
    /// big-endian, each writes its 6 bytes in order followed by 2 bytes to overwrite.
    @inline(__always)
    static func packed(_ values: CharacterVector) -> (UInt64, UInt64) {
        // Each 16-bit lane holds two values, the first in its low byte: join them into 12 bits, first value high.
        let pairs = unsafe unsafeBitCast(values, to: SIMD8<UInt16>.self)
        let firstOfPair = (pairs & SIMD8<UInt16>(repeating: 0x3F)) &<< SIMD8<UInt16>(repeating: 6)
        let twelveBits = firstOfPair | pairs &>> SIMD8<UInt16>(repeating: 8)
        // Each 32-bit lane now holds two 12-bit halves, the first in its low half: join them into 24 bits.
        let quads = unsafe unsafeBitCast(twelveBits, to: SIMD4<UInt32>.self)
        let firstOfQuad = (quads & SIMD4<UInt32>(repeating: 0xFFFF)) &<< SIMD4<UInt32>(repeating: 12)
        let groups = firstOfQuad | quads &>> SIMD4<UInt32>(repeating: 16)
        // Each 64-bit lane holds two 24-bit groups, the first in its low half: put the first in bits 40...63 and the
        // second in bits 16...39, so that the big-endian store writes the first group's 3 bytes, then the second's.
        let words = unsafe unsafeBitCast(groups, to: SIMD2<UInt64>.self)
        return (joined(words[0]), joined(words[1]))
    }

    /// The two 24-bit groups in the low halves of the 32-bit halves of `word` (the first in the low one), moved to
    /// bits 40...63 (the first) and 16...39 (the second).
    @inline(__always)
    private static func joined(_ word: UInt64) -> UInt64 {
        word &<< 40 | (word &>> 16) & 0xFF_FFFF_0000
    }

    /// 0xFF in the lanes whose character is `character`, 0 elsewhere.
    @inline(__always)
    private static func lanes(of characters: CharacterVector, equalTo character: UInt8) -> CharacterVector {
        let equal = characters .== CharacterVector(repeating: character)
        let selected = SignedCharacterVector(repeating: 0).replacing(
            with: SignedCharacterVector(repeating: -1),
            where: equal
        )
        return unsafe unsafeBitCast(selected, to: CharacterVector.self)
    }

    /// 0xFF in the lanes whose character is in `lowest..<lowest + count`, 0 elsewhere.
    @inline(__always)
    private static func lanes(of characters: CharacterVector, from lowest: UInt8, count: UInt8) -> CharacterVector {
        // Moving the range to start at -128 turns the unsigned range test into one signed comparison.
        let moved = unsafe unsafeBitCast(
            characters &+ CharacterVector(repeating: 0x80 &- lowest),
            to: SignedCharacterVector.self
        )
        let inRange = moved .< SignedCharacterVector(repeating: Int8(truncatingIfNeeded: 0x80 &+ count))
        let selected = SignedCharacterVector(repeating: 0).replacing(
            with: SignedCharacterVector(repeating: -1),
            where: inRange
        )
        return unsafe unsafeBitCast(selected, to: CharacterVector.self)
    }
}
#endif

extension Base64URL {
    /// Why decoding stopped, as plain values.
    ///
    /// The decoding loops record a failure this way instead of building a ``JWTError`` on the spot: it costs nothing
    /// to carry out of the closures they run in, and the reason text is built only when an error is thrown, with the
    /// offsets moved to where the caller's input starts.
    enum DecodingFailure: Error, Equatable {
        /// `=` at `offset`.
        case padding(offset: Int)
        /// `byte`, neither in the alphabet nor `=`, at `offset`.
        case outsideAlphabet(byte: UInt8, offset: Int)
        /// A text of `length` bytes, one more than a multiple of 4; `offset` is that of its lone last character.
        case impossibleLength(length: Int, offset: Int)
        /// A last character, `character` at `offset`, whose low `unusedBitCount` bits are not zero; the canonical
        /// encoding has `canonical` in its place.
        case nonCanonical(character: UInt8, canonical: UInt8, unusedBitCount: Int, offset: Int)

        /// The error to throw, with every offset moved by `startOffset`.
        func error(startOffset: Int) -> JWTError {
            switch self {
            case .padding(let offset):
                return JWTError.base64URLPadding(at: startOffset + offset)
            case .outsideAlphabet(let byte, let offset):
                return JWTError.base64URLByteOutsideAlphabet(byte, at: startOffset + offset)
            case .impossibleLength(let length, let offset):
                return JWTError.base64URLImpossibleLength(length, at: startOffset + offset)
            case .nonCanonical(let character, let canonical, let unusedBitCount, let offset):
                return JWTError.base64URLNonCanonical(
                    character,
                    canonical: canonical,
                    unusedBitCount: unusedBitCount,
                    at: startOffset + offset
                )
            }
        }
    }
}

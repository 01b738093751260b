/// Runs `body` over the bytes of `collection` as one contiguous buffer: in place when the collection already
/// stores its bytes contiguously (arrays, slices, native strings' UTF-8 views), otherwise over a temporary copy.
///
/// This is how the generic public entry points reach the non-generic, pointer-based code below them.
func withContiguousBytes<Success>(
    of collection: some Collection<UInt8>,
    _ body: (UnsafeRawBufferPointer) throws(JWTError) -> Success
) throws(JWTError) -> Success {
    let inPlace = collection.withContiguousStorageIfAvailable { buffer in
        Result { () throws(JWTError) in try unsafe body(UnsafeRawBufferPointer(buffer)) }
    }
    if let inPlace {
        return try inPlace.get()
    }
    let copy = [UInt8](collection)
    return try unsafe copy.withUnsafeBytes { buffer in
        Result { () throws(JWTError) in try unsafe body(buffer) }
    }.get()
}

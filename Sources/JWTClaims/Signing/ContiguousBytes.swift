/// Runs `body` over the bytes of `collection` as one contiguous buffer: in place when the collection already
/// stores its bytes contiguously (arrays, slices, native strings' UTF-8 views), otherwise over a temporary copy.
///
/// This is how the generic public entry points reach the non-generic, pointer-based code below them. Inlinable so that
/// the hot entry points that are inlinable themselves (``HMAC/Key/signature(for:)``) specialise it in the caller.
@inlinable
func withContiguousBytes<Success>(
    of collection: some Collection<UInt8>,
    _ body: (UnsafeRawBufferPointer) throws(JWTError) -> Success
) throws(JWTError) -> Success {
    // No `Result` here: `withContiguousStorageIfAvailable` only rethrows untyped errors, and a `Result` of a generic
    // success type cost a run-time metadata lookup per call.
    var failure: JWTError?
    let inPlace = collection.withContiguousStorageIfAvailable { buffer -> Success? in
        do throws(JWTError) {
            return try unsafe body(UnsafeRawBufferPointer(buffer))
        } catch {
            failure = error
            return nil
        }
    }
    if let failure {
        throw failure
    }
    if case .some(.some(let value)) = inPlace {
        return value
    }
    // The rare collection that does not store its bytes contiguously (a lazy map, a custom view).
    let copy = [UInt8](collection)
    return try unsafe copy.withUnsafeBytes { buffer in
        Result { () throws(JWTError) in try unsafe body(buffer) }
    }.get()
}

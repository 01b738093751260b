extension StaticString {
    /// The literal as a NUL-terminated C string that stays valid for the life of the process (Swift emits string
    /// literals NUL-terminated in the binary's read-only data).
    var cString: UnsafePointer<CChar> {
        unsafe UnsafeRawPointer(utf8Start).assumingMemoryBound(to: CChar.self)
    }
}

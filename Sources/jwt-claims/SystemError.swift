#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's wording of system error numbers.
enum SystemError {
    /// `strerror(code)`, such as `No such file or directory`.
    static func message(_ code: Int32) -> String {
        // SAFETY: strerror returns a pointer to a string that stays valid until the next call on this thread; it is
        // copied at once.
        unsafe String(cString: strerror(code))
    }
}

/// A string compared and hashed by its UTF-8 code units, as JSON compares member names and strings.
///
/// Swift's `String` equality is Unicode canonical equivalence: `"\u{E9}" == "e\u{301}"`. JSON (RFC 8259 section
/// 8.3) and JOSE compare code unit by code unit, so two names that differ in normalization are different members,
/// never duplicates of each other. This wrapper is the key of the large-object name index and the one place that
/// comparison is written.
struct CodeUnitString: Hashable {
    /// The wrapped string.
    let string: String

    init(_ string: String) {
        self.string = string
    }

    /// Whether two strings have the same UTF-8 code units.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        // Equal code units imply canonical equivalence, so `!=` settles most pairs on String's fast paths (a
        // word compare for small ASCII strings); only canonically equal strings need the byte-by-byte check.
        guard lhs == rhs else { return false }
        // Native strings are contiguous: compare them a word at a time. The generic `elementsEqual` goes byte by
        // byte through the UTF-8 view's index machinery, about 50 instructions a byte (measured with callgrind on
        // the verification cache's hit, where it was four fifths of the cost of comparing a 900-byte token).
        let contiguous: Bool?? = unsafe lhs.utf8.withContiguousStorageIfAvailable { left in
            unsafe rhs.utf8.withContiguousStorageIfAvailable { right in
                unsafe bytesEqual(UnsafeRawBufferPointer(left), UnsafeRawBufferPointer(right))
            }
        }
        if let contiguous, let contiguous {
            return contiguous
        }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Whether two buffers of equal length hold the same bytes, compared eight bytes at a time.
    private static func bytesEqual(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == right.count else { return false }
        let wordSize = MemoryLayout<UInt64>.size
        var offset = 0
        while offset + wordSize <= left.count {
            let equal =
                unsafe left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            guard equal else { return false }
            offset += wordSize
        }
        while offset < left.count {
            guard unsafe left[offset] == right[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// Feeds the UTF-8 code units of `string` to `hasher`.
    static func hash(_ string: String, into hasher: inout Hasher) {
        let utf8 = string.utf8
        hasher.combine(utf8.count)
        let hashedContiguously: Void? = unsafe utf8.withContiguousStorageIfAvailable { buffer in
            // The buffer is valid for the duration of this closure and only read here.
            unsafe hasher.combine(bytes: UnsafeRawBufferPointer(buffer))
        }
        if hashedContiguously == nil {
            for byte in utf8 {
                hasher.combine(byte)
            }
        }
    }

    static func == (lhs: CodeUnitString, rhs: CodeUnitString) -> Bool {
        equal(lhs.string, rhs.string)
    }

    func hash(into hasher: inout Hasher) {
        Self.hash(string, into: &hasher)
    }
}

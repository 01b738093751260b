/// Reproducible pseudo-random input for the codec benchmarks.
///
/// The same seed gives the same bytes on every run and machine (SplitMix64), so a run's inputs never differ.
public enum DeterministicBytes {
    /// `count` bytes from SplitMix64 seeded with `seed`.
    public static func make(count: Int, seed: UInt64 = 0x5EED_1234_ABCD_0001) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            mixed ^= mixed >> 31
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: mixed >> UInt64(shift)))
            }
        }
        return bytes
    }
}

/// A coding key made at run time: an array position, a `super` slot, or a member name read from the data.
///
/// Array positions are spelled `Index 3`, as Foundation's coders spell them, so code that prints a coding path
/// reads the same whichever coder produced it.
struct JSONCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    /// The key that `superDecoder()` and `superEncoder()` use, named as Foundation's coders name it.
    static let superKey = JSONCodingKey(stringValue: "super")

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    /// The key of the element at `index` of an array.
    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    /// Whether `key` names an array position (`Index 3` with the integer 3), whoever made it.
    static func isIndex(_ key: any CodingKey) -> Bool {
        guard let index = key.intValue else { return false }
        return key.stringValue == "Index \(index)"
    }
}

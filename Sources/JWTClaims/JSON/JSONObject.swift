/// A JSON object: members with unique names, in the order they were written.
///
/// Order is kept because a token's claims are rewritten byte for byte; names are unique because a JWT with a
/// repeated claim name is ambiguous (RFC 7515 section 5.2), and the parser rejects one with
/// ``JWTError/Code/duplicateMember``. Names are compared by their UTF-8 code units, as JSON compares them, not by
/// Swift's Unicode canonical equivalence: `"\u{E9}"` and `"e\u{301}"` are two different names.
///
/// The object is a random-access collection of `(name, value)` pairs. Looking a member up by name is a linear scan
/// for objects of up to 16 members, and a hash lookup beyond, where the object keeps an index of its names.
/// Removing a member costs time proportional to the members after it.
///
/// `==` compares the members in order and numbers by text; ``hasSameValue(as:)`` ignores member order and compares
/// numbers by value.
///
/// ```swift
/// var claims: JSONObject = ["sub": "alice", "admin": false]
/// claims["admin"] = true          // replaced in place
/// claims["tenant"] = "acme"       // appended
/// claims.serialized()             // {"sub":"alice","admin":true,"tenant":"acme"}
/// ```
public struct JSONObject {
    /// A member: its name and its value.
    public typealias Element = (name: String, value: JSONValue)

    /// Objects with more members than this keep a name index; smaller ones are scanned, which is faster.
    static let indexThreshold = 16

    private var members: [Element]
    /// Maps each name to its position; present exactly when there are more than `indexThreshold` members.
    private var positionsByName: [CodeUnitString: Int]?

    /// Creates an empty object.
    public init() {
        members = []
        positionsByName = nil
    }

    /// Wraps members whose names are known to be unique, with the index the parser built for them (if any).
    init(uniqueMembers members: [Element], positionsByName: [CodeUnitString: Int]?) {
        self.members = members
        self.positionsByName = members.count > Self.indexThreshold ? positionsByName : nil
        if members.count > Self.indexThreshold, self.positionsByName == nil {
            rebuildIndex()
        }
    }

    /// Parses bytes that must hold exactly one JSON object.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 JSON text.
    ///   - options: The bounds to enforce.
    /// - Throws: ``JWTError/Code/invalidJSON`` for malformed input, ``JWTError/Code/duplicateMember`` for a
    ///   repeated member name, ``JWTError/Code/limitExceeded`` for input over a bound, and
    ///   ``JWTError/Code/typeMismatch`` for well-formed JSON that is not an object. Every error carries the byte
    ///   offset of the problem.
    public init(parsing bytes: some Collection<UInt8>, options: JSONParsingOptions = .init()) throws(JWTError) {
        guard case .object(let object) = try JSONReader.parse(bytes, options: options, expectingObject: true) else {
            // The reader has already rejected anything but an object; this branch is never taken.
            throw .jsonTypeMismatch(expected: "a JSON object", found: "another value", at: 0)
        }
        self = object
    }

    /// Parses text that must hold exactly one JSON object.
    ///
    /// - Parameters:
    ///   - text: JSON text.
    ///   - options: The bounds to enforce.
    /// - Throws: The errors of ``init(parsing:options:)-(Collection<UInt8>,_)``; offsets count UTF-8 bytes.
    public init(parsing text: String, options: JSONParsingOptions = .init()) throws(JWTError) {
        try self.init(parsing: text.utf8, options: options)
    }

    /// The member names, in order.
    public var names: [String] {
        members.map(\.name)
    }

    /// Whether the object has a member with this name.
    ///
    /// - Parameter name: The name, compared by UTF-8 code units.
    /// - Returns: `true` if a member has exactly this name.
    public func contains(name: String) -> Bool {
        index(forName: name) != nil
    }

    /// The position of the member with this name.
    ///
    /// - Parameter name: The name, compared by UTF-8 code units.
    /// - Returns: The member's position, or `nil` if no member has this name.
    public func index(forName name: String) -> Int? {
        if let positionsByName {
            return positionsByName[CodeUnitString(name)]
        }
        return members.firstIndex { CodeUnitString.equal($0.name, name) }
    }

    /// The value of the member with this name.
    ///
    /// Setting a value replaces an existing member's value in place, keeping its position, or appends a new
    /// member at the end. Setting `nil` removes the member. To store JSON `null`, set ``JSONValue/null``.
    ///
    /// - Parameter name: The member name, compared by UTF-8 code units.
    public subscript(name: String) -> JSONValue? {
        get {
            index(forName: name).map { members[$0].value }
        }
        set {
            guard let newValue else {
                removeValue(forName: name)
                return
            }
            if let position = index(forName: name) {
                members[position].value = newValue
            } else {
                appendNew(name: name, value: newValue)
            }
        }
    }

    /// Removes the member with this name.
    ///
    /// - Parameter name: The member name, compared by UTF-8 code units.
    /// - Returns: The removed value, or `nil` if there was no such member.
    @discardableResult
    public mutating func removeValue(forName name: String) -> JSONValue? {
        guard let position = index(forName: name) else { return nil }
        let removed = members.remove(at: position)
        if members.count <= Self.indexThreshold {
            positionsByName = nil
        } else if positionsByName != nil {
            positionsByName?[CodeUnitString(name)] = nil
            for shifted in position..<members.count {
                positionsByName?[CodeUnitString(members[shifted].name)] = shifted
            }
        }
        return removed.value
    }

    /// Appends a member that must be new.
    ///
    /// - Parameters:
    ///   - name: The new member's name.
    ///   - value: Its value.
    /// - Throws: ``JWTError/Code/duplicateMember`` if a member with this name already exists; the object is
    ///   unchanged.
    public mutating func append(name: String, value: JSONValue) throws(JWTError) {
        guard !contains(name: name) else {
            throw .duplicateMember(name, at: nil)
        }
        appendNew(name: name, value: value)
    }

    /// The compact JSON text of the object: members in order, no insignificant whitespace.
    ///
    /// - Returns: The same text every time for the same object.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The compact JSON text of the object as UTF-8 bytes.
    ///
    /// - Returns: The bytes of ``serialized()``.
    public func serializedBytes() -> [UInt8] {
        var output: [UInt8] = []
        write(into: &output)
        return output
    }

    /// Appends the object's compact JSON text to `output`, for callers that assemble a larger buffer.
    func write(into output: inout [UInt8]) {
        JSONWriter.write(self, into: &output)
    }

    private mutating func appendNew(name: String, value: JSONValue) {
        members.append((name: name, value: value))
        if positionsByName != nil {
            positionsByName?[CodeUnitString(name)] = members.count - 1
        } else if members.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        var index: [CodeUnitString: Int] = [:]
        index.reserveCapacity(members.count)
        for (position, member) in members.enumerated() {
            index[CodeUnitString(member.name)] = position
        }
        positionsByName = index
    }
}

extension JSONObject: RandomAccessCollection {
    /// The position of the first member.
    public var startIndex: Int { members.startIndex }

    /// The position after the last member.
    public var endIndex: Int { members.endIndex }

    /// The member at a position, which must be valid.
    ///
    /// - Parameter position: A position in `startIndex..<endIndex`.
    public subscript(position: Int) -> Element {
        members[position]
    }
}

extension JSONObject {
    /// Whether two objects mean the same JSON: the same names with values of the same value, in any order.
    ///
    /// `{"a":1.5e3,"b":{"c":1,"d":2}}` has the same value as `{"b":{"d":2,"c":1.0},"a":1500}`. Member order is
    /// ignored at every depth, numbers compare by exact decimal value and arrays keep their order (see
    /// ``JSONValue/hasSameValue(as:)``). `==` is stricter: it also compares member order and number text.
    ///
    /// - Parameter other: The object to compare with.
    /// - Returns: `true` if both objects denote the same JSON data.
    public func hasSameValue(as other: JSONObject) -> Bool {
        // Names are unique on both sides, so equal counts plus every member here matched there means a bijection.
        guard count == other.count else { return false }
        return allSatisfy { member in
            other[member.name].map { member.value.hasSameValue(as: $0) } ?? false
        }
    }
}

extension JSONObject: Hashable {
    /// Whether two objects have the same members in the same order (names compared by UTF-8 code units).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for (left, right) in zip(lhs.members, rhs.members) {
            guard CodeUnitString.equal(left.name, right.name), left.value == right.value else { return false }
        }
        return true
    }

    /// Hashes the members in order, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            CodeUnitString.hash(member.name, into: &hasher)
            hasher.combine(member.value)
        }
    }
}

extension JSONObject: Sendable {}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a literal such as `["sub": "alice", "admin": true]`, in the literal's order.
    ///
    /// A name written twice keeps the position of its first occurrence and the value of its last, as assigning
    /// through ``subscript(_:)-(String)`` twice would. A literal never traps.
    ///
    /// - Parameter elements: The literal's names and values.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init()
        for (name, value) in elements {
            self[name] = value
        }
    }
}

extension JSONObject: CustomStringConvertible {
    /// The object's compact JSON text.
    public var description: String { serialized() }
}

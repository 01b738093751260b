/// Where a value sits in the document being decoded or encoded, as a chain from the value up to the root.
///
/// Descending one level adds one node instead of copying an array of keys, so coding a deep value is not
/// quadratic; the array that `Decoder.codingPath` promises is built only when someone asks for it, and the text
/// for an error reason only when an error is raised.
indirect enum CodingPath {
    /// The top-level value.
    case root
    /// The member named by `key` of the object at `parent`.
    case member(any CodingKey, parent: CodingPath)
    /// The element at `index` of the array at `parent`.
    case element(Int, parent: CodingPath)

    /// The path of the member named by `key` of the object here.
    func appending(_ key: some CodingKey) -> CodingPath {
        .member(key, parent: self)
    }

    /// The path of the element at `index` of the array here.
    func appending(index: Int) -> CodingPath {
        .element(index, parent: self)
    }

    /// This path extended by keys a coder reported relative to it; positions are recognized by their spelling.
    func appending(contentsOf keys: some Sequence<any CodingKey>) -> CodingPath {
        var path = self
        for key in keys {
            if JSONCodingKey.isIndex(key), let index = key.intValue {
                path = path.appending(index: index)
            } else {
                path = .member(key, parent: path)
            }
        }
        return path
    }

    /// How many keys lead from the root to here.
    var count: Int {
        var count = 0
        var node = self
        while true {
            switch node {
            case .root:
                return count
            case .member(_, let parent), .element(_, let parent):
                count += 1
                node = parent
            }
        }
    }

    /// The keys from the root to here, as `Decoder.codingPath` and `Encoder.codingPath` report them.
    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = self
        while true {
            switch node {
            case .root:
                return keys.reversed()
            case .member(let key, let parent):
                keys.append(key)
                node = parent
            case .element(let index, let parent):
                keys.append(JSONCodingKey(index: index))
                node = parent
            }
        }
    }

    /// The path for a person: `"tenant.roles[2].id"` in quotes (each name escaped and cut as untrusted text, see
    /// `JWTError.escapedComponent`), or `the top level`.
    var quotedDescription: String {
        var components: [String] = []
        var node = self
        loop: while true {
            switch node {
            case .root:
                break loop
            case .member(let key, let parent):
                components.append(JWTError.escapedComponent(key.stringValue))
                node = parent
            case .element(let index, let parent):
                components.append("[\(index)]")
                node = parent
            }
        }
        guard !components.isEmpty else { return "the top level" }
        var text = ""
        for component in components.reversed() {
            if !text.isEmpty, component.utf8.first != UInt8(ascii: "[") {
                text += "."
            }
            text += component
        }
        return "\"" + text + "\""
    }
}

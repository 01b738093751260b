extension JSONValue {
    /// The nesting depth of containers (a scalar is 0, `[]` is 1), computed without recursion and giving up as soon
    /// as it exceeds `limit` (it then returns `limit + 1`), so hostile values cost at most their size.
    func nestingDepth(limit: Int) -> Int {
        var deepest = 0
        var pending: [(JSONValue, Int)] = [(self, 0)]
        while let (value, depth) = pending.popLast() {
            switch value {
            case .array(let elements):
                guard depth + 1 <= limit else { return limit + 1 }
                deepest = max(deepest, depth + 1)
                for element in elements { pending.append((element, depth + 1)) }
            case .object(let object):
                guard depth + 1 <= limit else { return limit + 1 }
                deepest = max(deepest, depth + 1)
                for (_, member) in object { pending.append((member, depth + 1)) }
            default:
                continue
            }
        }
        return deepest
    }
}

/// The members of an object being encoded, in the order their keys were first encoded.
///
/// Encoding a key again replaces its value in place, as ``JSONObject``'s subscript does. Like ``JSONObject``, it
/// finds names by scanning while it is small and through an index beyond ``JSONObject/indexThreshold`` members,
/// so encoding a large dictionary stays linear.
final class JSONObjectBuilder {
    private var members: [(name: String, node: EncodedNode)] = []
    private var positionsByName: [CodeUnitString: Int]?

    /// The node stored under `name`, if any.
    subscript(name: String) -> EncodedNode? {
        position(of: name).map { members[$0].node }
    }

    /// Stores `node` under `name`: in place if the name is already there, else at the end.
    func set(_ node: EncodedNode, forName name: String) {
        if let position = position(of: name) {
            members[position].node = node
            return
        }
        members.append((name: name, node: node))
        if positionsByName != nil {
            positionsByName?[CodeUnitString(name)] = members.count - 1
        } else if members.count > JSONObject.indexThreshold {
            var index: [CodeUnitString: Int] = [:]
            index.reserveCapacity(members.count)
            for (position, member) in members.enumerated() {
                index[CodeUnitString(member.name)] = position
            }
            positionsByName = index
        }
    }

    /// The finished object, reusing the name index.
    func build() -> JSONObject {
        JSONObject(
            uniqueMembers: members.map { (name: $0.name, value: $0.node.build()) },
            positionsByName: positionsByName
        )
    }

    private func position(of name: String) -> Int? {
        if let positionsByName {
            return positionsByName[CodeUnitString(name)]
        }
        return members.firstIndex { CodeUnitString.equal($0.name, name) }
    }
}

/// The elements of an array being encoded, in order.
final class JSONArrayBuilder {
    private(set) var elements: [EncodedNode] = []

    func append(_ node: EncodedNode) {
        elements.append(node)
    }

    /// The finished array.
    func build() -> [JSONValue] {
        elements.map { $0.build() }
    }
}

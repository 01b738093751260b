public import JWTClaims
public import Testing

/// A store the shared refresh-token scenarios run against: how to make a fresh one, by name.
public struct StoreFixture: Sendable, CustomTestStringConvertible {
    /// The store's name in test output.
    public let name: String
    /// Makes a new, empty store.
    public let makeStore: @Sendable () async throws -> any RefreshTokenStore

    /// A fixture named `name` that makes stores with `makeStore`.
    public init(name: String, makeStore: @escaping @Sendable () async throws -> any RefreshTokenStore) {
        self.name = name
        self.makeStore = makeStore
    }

    /// The in-memory store.
    public static let inMemory = StoreFixture(name: "in-memory") { InMemoryRefreshTokenStore() }

    /// The name.
    public var testDescription: String { name }
}

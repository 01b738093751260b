extension SQLiteRefreshTokenStore {
    /// How far a committed write is guaranteed to survive: SQLite's `synchronous` setting for the writer.
    public enum CommitDurability: Hashable, Sendable {
        /// Each commit is synced to disk before it returns (`synchronous = FULL`): a rotation or a revocation that
        /// returned survives a power loss. The default, because a revocation undone by a power cut would bring a
        /// stolen token family back.
        case full
        /// Commits survive a crash of the process but a power loss may undo the last ones (`synchronous = NORMAL`,
        /// GRDB's default in WAL mode). Faster; clients whose rotation was undone must sign in again, and a revocation
        /// made just before the power cut may be lost.
        case normal
    }
}

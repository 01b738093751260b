import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `keygen`'s key files: created exclusively, with an exact mode, never over an existing file by accident.
enum KeyFileWriter {
    /// Private key files: readable and writable by the owner only.
    static let privateMode: mode_t = 0o600
    /// Public key files: readable by everyone.
    static let publicMode: mode_t = 0o644

    /// Refuses if any of `paths` exists, so that nothing at all is written when one of them would be overwritten.
    ///
    /// - Throws: ``CLIError`` (status 2) naming the first existing path.
    static func checkAbsent(_ paths: [String]) throws(CLIError) {
        for path in paths where exists(path) {
            throw .badInput("'\(path)' already exists; pass --force to overwrite it")
        }
    }

    /// Writes `text` into a new file at `path` with exactly `mode`.
    ///
    /// The file is created with `O_CREAT | O_EXCL` and the final mode from the start, so a private key is never
    /// readable by others even for a moment, and a symbolic link planted at `path` is not followed. With `force`,
    /// an existing file (not a directory) is unlinked first. The mode is then set with `fchmod`, so the umask cannot
    /// change it.
    ///
    /// - Throws: ``CLIError`` (status 2) with the system's reason.
    static func write(_ text: String, to path: String, mode: mode_t, force: Bool) throws(CLIError) {
        if force, exists(path) {
            // SAFETY: `unlink` only reads the NUL-terminated copy of `path` Swift passes for the call's duration.
            guard unsafe unlink(path) == 0 else {
                throw .badInput("cannot replace '\(path)': \(systemError())")
            }
        }
        // SAFETY: as above; `open` copies the path and returns a descriptor that FileHandle then owns.
        let descriptor = unsafe open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .badInput("'\(path)' already exists; pass --force to overwrite it") }
            throw .badInput("cannot create '\(path)': \(systemError())")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        guard fchmod(descriptor, mode) == 0 else {
            let reason = systemError()
            remove(path)
            throw .badInput("cannot set the mode of '\(path)': \(reason)")
        }
        do {
            try handle.write(contentsOf: Array(text.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            remove(path)
            throw .badInput("cannot write '\(path)': \(InputSource.describe(error))")
        }
    }

    /// Removes a file this run created but could not finish, so no partial key is left behind.
    private static func remove(_ path: String) {
        // SAFETY: as for `write`.
        _ = unsafe unlink(path)
    }

    /// Whether anything, even a dangling symbolic link, is at `path`.
    private static func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
            || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// The reason for the last failed system call, such as `Permission denied`.
    private static func systemError() -> String {
        SystemError.message(errno)
    }
}

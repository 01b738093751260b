import Foundation

/// Where a command reads its input: a file, or standard input when the name is `-`.
struct InputSource: Sendable, Equatable {
    /// The name that means standard input.
    static let standardInputName = "-"

    /// The path as given, or `-`.
    let name: String
    /// How the input is named in messages, such as `key file 'k.pem'` or `standard input`.
    let label: String

    /// The input `name` (a path, or `-` for standard input); `role` says what it is, such as `key file`.
    init(_ name: String, role: String) {
        self.name = name
        self.label = name == Self.standardInputName ? "standard input" : "\(role) '\(name)'"
    }

    /// Whether this is standard input.
    var isStandardInput: Bool { name == Self.standardInputName }

    /// Opens the input for reading.
    ///
    /// - Throws: ``CLIError`` (status 2) naming the file and the system's reason.
    func open() throws(CLIError) -> FileHandle {
        if isStandardInput { return FileHandle.standardInput }
        do {
            return try FileHandle(forReadingFrom: URL(fileURLWithPath: name))
        } catch {
            throw .badInput("cannot read \(label): \(Self.describe(error))")
        }
    }

    /// Reads the whole input, or returns nil as soon as it is longer than `limit` bytes (so `/dev/zero` or a huge
    /// file costs no more than `limit` bytes of memory).
    ///
    /// - Throws: ``CLIError`` (status 2) when the input cannot be opened or read.
    func read(limit: Int) throws(CLIError) -> [UInt8]? {
        let handle = try open()
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 64 * 1024)
            } catch {
                throw .badInput("cannot read \(label): \(Self.describe(error))")
            }
            guard let chunk, !chunk.isEmpty else { return bytes }
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { return nil }
        }
    }

    /// Reads the whole input, refusing more than `limit` bytes as bad input.
    ///
    /// - Throws: ``CLIError`` (status 2) when the input cannot be read or is too large.
    func readAll(limit: Int) throws(CLIError) -> [UInt8] {
        guard let bytes = try read(limit: limit) else {
            throw .badInput("\(label) is larger than \(limit) bytes")
        }
        return bytes
    }

    /// One item given whole on standard input: exactly one trailing `\n` or `\r\n` is removed, nothing else, so
    /// `echo "$TOKEN" | jwt-claims verify ...` works and a token with a trailing space is still refused.
    static func singleItem(_ bytes: [UInt8]) -> [UInt8] {
        var item = bytes[...]
        if item.last == UInt8(ascii: "\n") {
            item.removeLast()
            if item.last == UInt8(ascii: "\r") { item.removeLast() }
        }
        return Array(item)
    }

    /// The system's reason for a file error (`No such file or directory`), rather than Foundation's wrapper text
    /// (`The operation could not be completed.`).
    static func describe(_ error: any Error) -> String {
        var wrapped = error as NSError
        if let underlying = wrapped.userInfo[NSUnderlyingErrorKey] as? NSError { wrapped = underlying }
        if wrapped.domain == NSPOSIXErrorDomain, let code = Int32(exactly: wrapped.code) {
            return SystemError.message(code)
        }
        return wrapped.localizedDescription
    }
}

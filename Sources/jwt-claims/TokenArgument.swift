/// A single token given on the command line, or `-` for standard input.
enum TokenArgument {
    /// The token text: the argument itself, or standard input with one trailing `\n` or `\r\n` removed.
    ///
    /// - Parameter maximumSize: The token size limit; standard input is read no further than that (plus a line
    ///   ending), so a huge input is refused without being held in memory.
    /// - Throws: ``CLIError`` with status 1 when standard input holds more than a token of the maximum size; status
    ///   2 when it cannot be read.
    static func read(_ argument: String, maximumSize: Int) throws(CLIError) -> String {
        guard argument == InputSource.standardInputName else { return argument }
        let source = InputSource(argument, role: "token")
        guard let bytes = try source.read(limit: maximumSize + 2) else {
            throw .rejected("the token on standard input is longer than the limit of \(maximumSize) bytes")
        }
        return String(decoding: InputSource.singleItem(bytes), as: UTF8.self)
    }
}

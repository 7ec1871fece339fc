/// A lexicon file that cannot be used: what is wrong and where.
public struct LexiconError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name or path.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

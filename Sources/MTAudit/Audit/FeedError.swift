/// Why a feed line could not be audited: a stable code for scripts, a message for people.
public struct FeedError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        case invalidUTF8 = "invalid-utf8"
        case invalidJSON = "invalid-json"
        case missingKey = "missing-key"
        case invalidValue = "invalid-value"
        case emptySource = "empty-source"
        case textTooLarge = "text-too-large"
        case lineTooLong = "line-too-long"
        case nestingTooDeep = "nesting-too-deep"
        case duplicateKey = "duplicate-key"
        case auditFailed = "audit-failed"
    }

    public let code: Code
    public let message: String
    /// The record's id, when it could be read.
    public let id: String?

    public init(code: Code, message: String, id: String?) {
        self.code = code
        self.message = message
        self.id = id
    }

    public var description: String { "\(code.rawValue): \(message)" }
}

/// A story of a folder (`mtaudit audit --tree DIR`) that could not be read or audited: which story,
/// the file or folder at fault, and what is wrong. The other stories are audited and reported all the
/// same, and the report lists these beside them, so that nothing is lost silently.
public struct StoryError: Sendable, Hashable, Encodable {
    /// The story's name (its sub-folder's name).
    public let story: String
    /// The file or folder at fault, as the user can find it.
    public let path: String
    /// What is wrong, for a person ("no source.txt", "invalid UTF-8 at byte 12").
    public let message: String

    public init(story: String, path: String, message: String) {
        self.story = story
        self.path = path
        self.message = message
    }

    /// "path: message", as the tool prints errors.
    public var line: String { "\(path): \(message)" }
}

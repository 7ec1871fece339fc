/// A text handed to the auditor: the source or one version.
public struct TextInput: Sendable, Hashable {
    public let id: String
    /// Decoded text, exactly as given: spans are offsets into it.
    public let text: String
    /// BCP 47 tag, or "und".
    public let language: String
    /// The file it was read from, if any.
    public let path: String?

    public init(id: String, text: String, language: String? = nil, path: String? = nil) {
        self.id = id
        self.text = text
        self.language = language ?? "und"
        self.path = path
    }
}

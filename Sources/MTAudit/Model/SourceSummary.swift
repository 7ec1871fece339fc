/// What the report says about the source.
public struct SourceSummary: Sendable, Hashable, Codable {
    public let id: String
    public let path: String?
    public let language: String
    /// Unicode scalar count of the text.
    public let length: Int
    public let paragraphs: Int
    public let sentences: Int
    public let words: Int
}

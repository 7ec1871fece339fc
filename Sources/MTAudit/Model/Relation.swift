/// How a version relates to the source as a whole.
public enum Relation: String, Sendable, Hashable, Codable {
    /// A rendering of the whole source.
    case full
    /// Renders part of the source, or adds much that the source does not say.
    case partial
    /// Not a version of this source (another story, an empty or punctuation-only text).
    case unrelated
}

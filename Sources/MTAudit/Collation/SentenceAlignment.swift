/// Which source sentence each version sentence renders, and the reverse.
///
/// Indices are into `Document.sentences` of the source and of the version. A sentence with no
/// counterpart maps to nil.
public struct SentenceAlignment: Sendable, Hashable {
    /// For each version sentence, the source sentence it renders.
    public let sourceOf: [Int?]
    /// For each source sentence, the version sentence that renders it.
    public let versionOf: [Int?]
    /// For each version sentence, how similar it is to its source sentence (0–1).
    public let similarity: [Double]

    /// In one language, the least similarity at which a pair is evidence that the two sentences say
    /// the same thing, so that their numbers, names and quotes may be compared.
    public static let evidenceSimilarity = 0.3

    public init(sourceOf: [Int?], versionOf: [Int?], similarity: [Double]) {
        self.sourceOf = sourceOf
        self.versionOf = versionOf
        self.similarity = similarity
    }
}

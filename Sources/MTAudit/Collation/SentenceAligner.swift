/// Aligns the sentences of a version to those of the source.
///
/// A first aligner: each version sentence is matched to the source sentence that shares most of its
/// words, numbers and names (Dice coefficient of the matching forms, with a small bonus for keeping the
/// same relative position). When the texts share too little to match by words (another language),
/// sentences are paired by position if both texts have the same number of sentences. It allows
/// reordering but not merges or splits: the collation issue replaces it with a full aligner.
public struct SentenceAligner: Sendable {
    /// The least similarity for a match by words.
    public var threshold: Double

    public init(threshold: Double = 0.25) { self.threshold = threshold }

    public func align(source: Document, version: Document) -> SentenceAlignment {
        let sourceSets = source.sentences.map { Self.words(source, $0) }
        let versionSets = version.sentences.map { Self.words(version, $0) }
        var sourceOf = [Int?](repeating: nil, count: version.sentences.count)
        var similarity = [Double](repeating: 0, count: version.sentences.count)
        // Which source sentences hold each word: only sentences sharing a word are compared.
        var holders: [String: [Int]] = [:]
        for (index, words) in sourceSets.enumerated() { for word in words { holders[word, default: []].append(index) } }
        var shared = [Int](repeating: 0, count: source.sentences.count)
        for (v, words) in versionSets.enumerated() where !words.isEmpty {
            var touched: [Int] = []
            for word in words { for s in holders[word] ?? [] { if shared[s] == 0 { touched.append(s) }; shared[s] += 1 } }
            var best: (index: Int, score: Double, dice: Double)?
            for s in touched {
                let dice = 2 * Double(shared[s]) / Double(words.count + sourceSets[s].count)
                let position = 1 - abs(Self.relative(v, version.sentences.count) - Self.relative(s, source.sentences.count))
                let score = dice + 0.05 * position
                if dice >= threshold, score > best?.score ?? -1 { best = (s, score, dice) }
                shared[s] = 0
            }
            if let best {
                sourceOf[v] = best.index
                similarity[v] = best.dice
            }
        }
        if sourceOf.allSatisfy({ $0 == nil }), source.sentences.count == version.sentences.count {
            sourceOf = version.sentences.indices.map { $0 }
        } else {
            Self.fillGaps(&sourceOf, sourceCount: source.sentences.count)
        }
        var versionOf = [Int?](repeating: nil, count: source.sentences.count)
        for (v, s) in sourceOf.enumerated() {
            guard let s else { continue }
            if let current = versionOf[s], similarity[current] >= similarity[v] { continue }
            versionOf[s] = v
        }
        return SentenceAlignment(sourceOf: sourceOf, versionOf: versionOf, similarity: similarity)
    }

    /// An unmatched version sentence between two matched ones takes the source sentence between
    /// theirs when that one is free: "a, ?, c" against "A, B, C" pairs ? with B, whatever its words
    /// (a translation shares few).
    static func fillGaps(_ sourceOf: inout [Int?], sourceCount: Int) {
        // Without one sentence matched by its words there are no anchors to fill between.
        guard sourceOf.contains(where: { $0 != nil }) else { return }
        var taken = Set(sourceOf.compactMap { $0 })
        for v in sourceOf.indices where sourceOf[v] == nil {
            let previous = v > 0 ? sourceOf[v - 1] : -1
            guard let previous else { continue }
            let candidate = previous + 1
            guard candidate < sourceCount, !taken.contains(candidate) else { continue }
            let next = sourceOf[(v + 1)...].compactMap { $0 }.first ?? sourceCount
            guard next > candidate else { continue }
            sourceOf[v] = candidate
            taken.insert(candidate)
        }
    }

    private static func words(_ document: Document, _ sentence: Sentence) -> Set<String> {
        Set(document.tokens[sentence.tokens].lazy.filter(\.isWordLike).map(\.key))
    }

    private static func relative(_ index: Int, _ count: Int) -> Double {
        count <= 1 ? 0.5 : Double(index) / Double(count - 1)
    }
}

import MTAuditText

/// Which token of an aligned source sentence each word of a version sentence renders.
///
/// Indices are into `Document.tokens` of each side; only word-like tokens take part.
public struct TokenAlignment: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The same word (matching forms equal).
        case same
        /// A word spelled alike (a corruption, an inflection): similarity of at least 0.6.
        case similar
        /// Another word in the same place, between the same neighbours.
        case substituted
    }

    public struct Pair: Sendable, Hashable {
        public let version: Int
        public let source: Int
        public let kind: Kind
    }

    /// The pairs, in the version's order.
    public let pairs: [Pair]

    /// The pair of version token `index`, if it renders a source token.
    public func pair(ofVersionToken index: Int) -> Pair? { pairs.first { $0.version == index } }
}

/// Aligns the words of version sentences to those of source sentences: first the longest common
/// subsequence of equal words, then, between two such anchors, words spelled alike, and last the
/// words left in a gap that holds as many on each side (at most `substitutionLimit`), by position.
public struct TokenAligner: Sendable {
    /// The least spelling similarity (one minus edit distance over length) for `.similar`.
    public var similarSpelling: Double
    /// The largest gap whose words are paired by position.
    public var substitutionLimit: Int

    public init(similarSpelling: Double = 0.6, substitutionLimit: Int = 3) {
        self.similarSpelling = similarSpelling
        self.substitutionLimit = substitutionLimit
    }

    public func align(version: Document, sentences versionSentences: Range<Int>,
                      source: Document, sentences sourceSentences: Range<Int>) -> TokenAlignment {
        let a = Self.words(version, versionSentences), b = Self.words(source, sourceSentences)
        let keysA = a.map { Self.base(version.tokens[$0].key) }, keysB = b.map { Self.base(source.tokens[$0].key) }
        var pairs: [TokenAlignment.Pair] = []
        // Longest common subsequence of equal words.
        // (One flat table, row i from i × width on, rather than an array per row.)
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] = keysA[i] == keysB[j] ? table[(i + 1) * width + j + 1] + 1
                                                            : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var anchors: [(Int, Int)] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if keysA[i] == keysB[j] { anchors.append((i, j)); i += 1; j += 1 } else if table[(i + 1) * width + j] >= table[i * width + j + 1] { i += 1 } else { j += 1 }
        }
        // The gaps between anchors (and before the first and after the last).
        var previous = (-1, -1)
        for anchor in anchors + [(a.count, b.count)] {
            let gapA = Array(previous.0 + 1..<anchor.0), gapB = Array(previous.1 + 1..<anchor.1)
            pairs += gap(gapA, gapB, keysA, keysB, a, b)
            if anchor.0 < a.count { pairs.append(TokenAlignment.Pair(version: a[anchor.0], source: b[anchor.1], kind: .same)) }
            previous = anchor
        }
        return TokenAlignment(pairs: pairs.sorted { $0.version < $1.version })
    }

    /// Pairs the words of a gap, `gapA` and `gapB`: runs of consecutive indices into `keysA` and `keysB`.
    private func gap(_ gapA: [Int], _ gapB: [Int], _ keysA: [String], _ keysB: [String],
                     _ a: [Int], _ b: [Int]) -> [TokenAlignment.Pair] {
        guard !gapA.isEmpty, !gapB.isEmpty else { return [] }
        var pairs: [TokenAlignment.Pair] = []
        var freeA = gapA, freeB = gapB
        // The spelling similarity is 1 − distance / longer length, and the edit distance is at least
        // the difference of the lengths (in scalars, as the distance counts). So a pair whose
        // lengths alone give 1 − difference / longer < `similarSpelling` scores under it too (the
        // same division, of a smaller numerator, rounds no higher), and can neither be the best of
        // the gap nor, being under it, change which is: such pairs are not measured.
        let lengthsA = gapA.map { keysA[$0].unicodeScalars.count }, lengthsB = gapB.map { keysB[$0].unicodeScalars.count }
        func mayBeAlike(_ x: Int, _ y: Int) -> Bool {
            let (m, n) = (lengthsA[x - gapA[0]], lengthsB[y - gapB[0]])
            guard m > 0, n > 0 else { return similarSpelling <= 0 }
            return 1 - Double(abs(m - n)) / Double(max(m, n)) >= similarSpelling
        }
        for x in gapA {
            let scored = freeB.lazy.filter { mayBeAlike(x, $0) }.map { ($0, NameRuns.similarity(keysA[x], keysB[$0])) }
            guard let best = scored.max(by: { ($0.1, -$0.0) < ($1.1, -$1.0) }), best.1 >= similarSpelling else { continue }
            pairs.append(TokenAlignment.Pair(version: a[x], source: b[best.0], kind: .similar))
            freeA.removeAll { $0 == x }
            freeB.removeAll { $0 == best.0 }
        }
        if freeA.count == freeB.count, freeA.count <= substitutionLimit {
            for (x, y) in zip(freeA, freeB) { pairs.append(TokenAlignment.Pair(version: a[x], source: b[y], kind: .substituted)) }
        }
        return pairs
    }

    /// The word-like tokens of `sentences`, as indices into the document's tokens: the words this
    /// aligner pairs.
    static func words(_ document: Document, _ sentences: Range<Int>) -> [Int] {
        guard let first = sentences.first.map({ document.sentences[$0].tokens.lowerBound }),
              let last = sentences.last.map({ document.sentences[$0].tokens.upperBound }) else { return [] }
        return (first..<last).filter { document.tokens[$0].isWordLike }
    }

    private static func base(_ key: String) -> String { MTAudit.base(key) }
}

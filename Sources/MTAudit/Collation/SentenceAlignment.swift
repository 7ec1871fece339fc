/// Which source sentences each version sentence renders, and the reverse.
///
/// Indices are into `Document.sentences` of the source and of the version. The alignment is a set
/// of `links`, each joining one or two consecutive sentences of one side to one or two of the other
/// (a merge or a split). The links need not keep the source's order: paragraphs may be moved. A
/// sentence in no link has no counterpart (an omission in the source, an addition in the version).
public struct SentenceAlignment: Sendable, Hashable {
    /// One rendering: `version` sentences say what `source` sentences say.
    public struct Link: Sendable, Hashable {
        public let source: Range<Int>
        public let version: Range<Int>
        /// How alike the two sides are as wholes (0–1, Dice of their word sets; for texts in two
        /// languages, a likelihood from lengths and shared names and numbers).
        public let similarity: Double
        /// Whether the link was made by position alone, between links matched by their words.
        public let byPosition: Bool

        public init(source: Range<Int>, version: Range<Int>, similarity: Double, byPosition: Bool = false) {
            self.source = source
            self.version = version
            self.similarity = similarity
            self.byPosition = byPosition
        }
    }

    /// The links, in the order of the version's sentences.
    public let links: [Link]
    /// For each version sentence, the source sentence it renders (of a merge, the one most like it).
    public let sourceOf: [Int?]
    /// For each source sentence, the version sentence that renders it (of a split, the one most like it).
    public let versionOf: [Int?]
    /// For each version sentence, how similar it is to `sourceOf` alone (0–1).
    public let similarity: [Double]
    /// For each version sentence, the index in `links` of the link it belongs to.
    public let linkOfVersion: [Int?]
    /// For each source sentence, the index in `links` of the link it belongs to.
    public let linkOfSource: [Int?]

    /// In one language, the least similarity at which a pair is evidence that the two sentences say
    /// the same thing, so that their numbers, names and quotes may be compared.
    public static let evidenceSimilarity = 0.3

    /// An alignment made of `links`, with `similarity(v, s)` giving the likeness of single sentences.
    /// `links` in the order of their first version sentences, when no two links share one and each
    /// lies below `versionCount` (as an aligner's links do, each version sentence in one link at most):
    /// each placed at its first version sentence, in time linear in the text, where a sort by
    /// comparison grew faster with a long text's thousands of links. Nil otherwise. (With no first
    /// version sentence shared, the order is the sort's.)
    static func placedByVersion(_ links: [Link], versionCount: Int) -> [Link]? {
        var placeOf = [Int32](filledWith: -1, count: versionCount)
        let placed = placeOf.withUnsafeMutableBufferPointer { placeOf -> Bool in
            for (index, link) in links.enumerated() {
                let first = link.version.lowerBound
                guard first >= 0, first < versionCount, placeOf[first] < 0 else { return false }
                placeOf[first] = Int32(truncatingIfNeeded: index)
            }
            return true
        }
        guard placed else { return nil }
        var ordered: [Link] = []
        ordered.reserveCapacity(links.count)
        for index in placeOf where index >= 0 { ordered.append(links[Int(index)]) }
        return ordered
    }

    public init(links: [Link], sourceCount: Int, versionCount: Int, similarity pair: (Int, Int) -> Double) {
        // Aligners give their links in order nearly always: then they are kept as they are (the sort,
        // stable, would leave them so) rather than copied.
        let inOrder: (Link, Link) -> Bool = { ($0.version.lowerBound, $0.source.lowerBound) < ($1.version.lowerBound, $1.source.lowerBound) }
        let links = links.indices.dropFirst().allSatisfy({ !inOrder(links[$0], links[$0 - 1]) }) ? links
            : Self.placedByVersion(links, versionCount: versionCount) ?? links.sorted(by: inOrder)
        var sourceOf = [Int?](filledWith: nil, count: versionCount)
        var versionOf = [Int?](filledWith: nil, count: sourceCount)
        var similarity = [Double](filledWith: 0, count: versionCount)
        var linkOfVersion = [Int?](filledWith: nil, count: versionCount)
        var linkOfSource = [Int?](filledWith: nil, count: sourceCount)
        var best = [Double](filledWith: -1, count: sourceCount)
        for (index, link) in links.enumerated() {
            for v in link.version {
                linkOfVersion[v] = index
                // The source sentence most like `v` (of equals, the first), each scored once, with no
                // array of scores: a link holds one or two.
                var top: (s: Int, score: Double)?
                for s in link.source {
                    let score = pair(v, s)
                    if let known = top {
                        if (known.score, -known.s) < (score, -s) { top = (s, score) }
                    } else {
                        top = (s, score)
                    }
                    if score > best[s] {
                        best[s] = score
                        versionOf[s] = v
                    }
                }
                sourceOf[v] = top!.s
                similarity[v] = top!.score
            }
            for s in link.source { linkOfSource[s] = index }
        }
        self.links = links
        self.sourceOf = sourceOf
        self.versionOf = versionOf
        self.similarity = similarity
        self.linkOfVersion = linkOfVersion
        self.linkOfSource = linkOfSource
    }

    /// One sentence of each side joined by `link`, whose single sentences are `similarity` alike:
    /// what `init(links:sourceCount:versionCount:similarity:)` makes of it, with no pass over links.
    init(soleLink link: Link, similarity: Double) {
        precondition(link.source == 0..<1 && link.version == 0..<1, "a link of the one sentence of each side")
        // (A text left as it was, the commonest sole link of a feed's trivial pairs, takes the link and
        // the likeness made once; so do the four lists that say "sentence 0, link 0", for every pair.)
        links = link == Self.identicalLink[0] ? Self.identicalLink : [link]
        sourceOf = Self.firstOnly
        versionOf = Self.firstOnly
        self.similarity = similarity == 1 ? Self.identicalSimilarity : [similarity]
        linkOfVersion = Self.firstOnly
        linkOfSource = Self.firstOnly
    }

    /// The sole link of a version that writes its source's words as they are (likeness 1), and its
    /// single sentences' likeness, made once.
    private static let identicalLink = [Link(source: 0..<1, version: 0..<1, similarity: 1)]
    private static let identicalSimilarity: [Double] = [1]

    /// `[0]`, made once: what a sole link's sentences map to.
    private static let firstOnly: [Int?] = [0]

    /// The source sentences that version sentence `v` renders, with the rest of its merge or split.
    public func sources(ofVersion v: Int) -> Range<Int>? { linkOfVersion[v].map { links[$0].source } }

    /// The version sentences that render source sentence `s`.
    public func versions(ofSource s: Int) -> Range<Int>? { linkOfSource[s].map { links[$0].version } }

    /// The same alignment seen from the other side: the version as source and the reverse.
    public func inverted(similarity pair: (Int, Int) -> Double) -> SentenceAlignment {
        SentenceAlignment(links: links.map { Link(source: $0.version, version: $0.source, similarity: $0.similarity, byPosition: $0.byPosition) },
                          sourceCount: linkOfVersion.count, versionCount: linkOfSource.count,
                          similarity: { pair($1, $0) })
    }
}

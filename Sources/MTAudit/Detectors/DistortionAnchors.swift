/// The shared words that bound the stretches `DistortionDetector` compares, taken from a link's word
/// pairs (`TokenAligner.align`, in the version's order) as the walk reaches them, with no list made:
/// each pair of the same or a similar word whose source word comes after the last anchor's (a chain
/// rising in both sentences; words in each other's place are no shared words), then the end of both
/// sentences (`versionCount`, `sourceCount`).
///
/// It must give the anchors of the list it replaces, made by filtering the pairs (the tests check it
/// against that list).
struct DistortionAnchors: IteratorProtocol {
    private let pairs: [TokenAlignment.Pair]
    private let versionCount: Int, sourceCount: Int
    /// The next pair to read, and the source place of the last anchor given (-1 before the first).
    private var nextPair = 0, lastSource = -1
    private var done = false

    init(_ pairs: [TokenAlignment.Pair], versionCount: Int, sourceCount: Int) {
        (self.pairs, self.versionCount, self.sourceCount) = (pairs, versionCount, sourceCount)
    }

    mutating func next() -> (version: Int, source: Int)? {
        guard !done else { return nil }
        while nextPair < pairs.count {
            let pair = pairs[nextPair]
            nextPair += 1
            if pair.kind != .substituted && pair.source > lastSource {
                lastSource = pair.source
                return (version: pair.version, source: pair.source)
            }
        }
        done = true
        return (version: versionCount, source: sourceCount)
    }
}

@testable import MTAudit
import MTAuditText
import Testing

/// The distortion detector's fast paths against the plain ones they replace: the anchors walked from
/// the pairs (`DistortionAnchors`) against the list made of them, the words written into a buffer
/// (`TokenAligner.words(_:_:into:)`) against `TokenAligner.words(_:_:)`, the alignment of numbers in
/// buffers against that of arrays, and the check that spares the sort against sorting.
@Suite("Dist6: distortion's anchors, words and alignment agree with the plain paths")
struct Dist6FastPathTests {
    /// The anchors as the detector listed them: the pairs of the same or a similar word whose source
    /// word comes after the last anchor's, then the end.
    static func anchorList(_ pairs: [TokenAlignment.Pair], versionCount: Int, sourceCount: Int) -> [(version: Int, source: Int)] {
        var anchors: [(version: Int, source: Int)] = []
        for pair in pairs where pair.kind != .substituted && pair.source > anchors.last?.source ?? -1 {
            anchors.append((version: pair.version, source: pair.source))
        }
        anchors.append((version: versionCount, source: sourceCount))
        return anchors
    }

    /// Random word numbers, from a small alphabet (so that words repeat and align), with keys some of
    /// which are spelled alike (so that gaps pair words by spelling and by position).
    static func numbers(_ random: inout SplitMix, alphabet: Int, count: ClosedRange<Int>) -> [Int] {
        (0..<Int.random(in: count, using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random) }
    }

    static let keys = ["approve", "approved", "approves", "harbour", "harbor", "the", "a", "cat", "cats", "mayor",
                       "major", "bridge", "bridges", "council", "counsel", "budget", "of", "in", "rejected", "reject"]

    @Test("Anchors walked from the pairs are the anchors listed, on alignments of random words")
    func anchorsWalkedAreListed() {
        var random = SplitMix(seed: 6_101)
        var kinds = Set<String>()
        for run in 0..<3_000 {
            let alphabet = Self.keys.count - Int.random(in: 0...15, using: &random)
            let a = Self.numbers(&random, alphabet: alphabet, count: 0...(run % 10 == 0 ? 80 : 14))
            let b = Self.numbers(&random, alphabet: alphabet, count: 0...(run % 10 == 0 ? 80 : 14))
            let pairs = TokenAligner().align(a, b, keys: Self.keys)
            for pair in pairs { kinds.insert(pair.kind.rawValue) }
            var walk = DistortionAnchors(pairs, versionCount: a.count, sourceCount: b.count)
            var walked: [(version: Int, source: Int)] = []
            while let anchor = walk.next() { walked.append(anchor) }
            #expect(walk.next() == nil)
            let listed = Self.anchorList(pairs, versionCount: a.count, sourceCount: b.count)
            #expect(walked.map(\.version) == listed.map(\.version), "\(a) against \(b)")
            #expect(walked.map(\.source) == listed.map(\.source), "\(a) against \(b)")
        }
        #expect(kinds == ["same", "similar", "substituted"])
    }

    @Test("Hand-made pairs, out of the source's order: anchors walked are the anchors listed")
    func anchorsOfHandMadePairs() {
        var random = SplitMix(seed: 6_102)
        let kinds: [TokenAlignment.Kind] = [.same, .similar, .substituted]
        for _ in 0..<2_000 {
            let versionCount = Int.random(in: 0...12, using: &random), sourceCount = Int.random(in: 0...12, using: &random)
            var pairs: [TokenAlignment.Pair] = []
            if sourceCount > 0 {
                for version in 0..<versionCount where Bool.random(using: &random) {
                    pairs.append(TokenAlignment.Pair(version: version, source: Int.random(in: 0..<sourceCount, using: &random),
                                                     kind: kinds.randomElement(using: &random)!))
                }
            }
            var walk = DistortionAnchors(pairs, versionCount: versionCount, sourceCount: sourceCount)
            var walked: [(version: Int, source: Int)] = []
            while let anchor = walk.next() { walked.append(anchor) }
            let listed = Self.anchorList(pairs, versionCount: versionCount, sourceCount: sourceCount)
            #expect(walked.map(\.version) == listed.map(\.version))
            #expect(walked.map(\.source) == listed.map(\.source))
        }
    }

    @Test("Words written into a buffer are the words listed, for every range of sentences")
    func wordsIntoBufferAreWordsListed() throws {
        let segmenter = try Segmenter()
        let texts = ["The cat sat on the mat. It was — as ever — asleep!", "« Bonjour », dit-il. 12 000 € ; 3,5 %.",
                     "", "...", "One. Two three. \"Four\" five, six… Seven?", "他在公园里散步了很久。然后回家。"]
        for (k, text) in texts.enumerated() {
            let document = Document(id: "d\(k)", text: text, segmenter: segmenter)
            let count = document.sentences.count
            for first in 0...count {
                for last in first...count {
                    let listed = TokenAligner.words(document, first..<last)
                    let room = TokenAligner.tokenCount(document, first..<last)
                    #expect(room >= listed.count)
                    let written = [Int](unsafeUninitializedCapacity: room) { buffer, initialized in
                        initialized = TokenAligner.words(document, first..<last, into: buffer)
                    }
                    #expect(written == listed, "\(text) \(first)..<\(last)")
                }
            }
        }
    }

    @Test("Alignment of numbers in buffers is that of arrays; pairs in the version's order, sorted only when not")
    func alignmentOfBuffers() {
        var random = SplitMix(seed: 6_103)
        for run in 0..<2_000 {
            let alphabet = Self.keys.count - Int.random(in: 0...15, using: &random)
            let a = Self.numbers(&random, alphabet: alphabet, count: 0...(run % 10 == 0 ? 80 : 14))
            let b = Self.numbers(&random, alphabet: alphabet, count: 0...(run % 10 == 0 ? 80 : 14))
            let fromArrays = TokenAligner().align(a, b, keys: Self.keys)
            let fromBuffers = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in TokenAligner().align(a, b, keys: Self.keys) } }
            #expect(fromArrays == fromBuffers)
            // Each version word in one pair at most: the order by version words is one order.
            #expect(Set(fromArrays.map(\.version)).count == fromArrays.count)
            #expect(fromArrays == fromArrays.sorted { $0.version < $1.version })
        }
        // The check that spares the sort says "in order" exactly when sorting changes nothing.
        for _ in 0..<2_000 {
            let versions = (0..<Int.random(in: 0...8, using: &random)).map { _ in Int.random(in: 0...9, using: &random) }
            let pairs = versions.map { TokenAlignment.Pair(version: $0, source: 0, kind: .same) }
            #expect(TokenAligner.inVersionOrder(pairs) == (versions == versions.sorted()))
        }
    }
}

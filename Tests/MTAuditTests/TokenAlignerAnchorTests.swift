@testable import MTAudit
import Testing

/// The token aligner skips the table of the longest common subsequence over the words both sentences
/// begin with. Its anchors must be those of the whole table, walked the same way, whatever the words.
@Suite("Token alignment's anchors")
struct TokenAlignerAnchorTests {
    /// The anchors of the full table, walked as the aligner walks it (equal words first, then down
    /// while that keeps the longest subsequence).
    static func fullTableAnchors(_ a: [Int], _ b: [Int]) -> [TokenAlignment.Pair] {
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] = a[i] == b[j] ? table[(i + 1) * width + j + 1] + 1 : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var anchors: [TokenAlignment.Pair] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                anchors.append(TokenAlignment.Pair(version: i, source: j, kind: .same)); i += 1; j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] { i += 1 } else { j += 1 }
        }
        return anchors
    }

    /// `runs` pairs of random word sequences that begin alike (up to `shared` words) and go on for
    /// `lengthsA` and `lengthsB` words from `alphabet` words: the aligner's `.same` pairs must be the
    /// anchors of the full table.
    static func expectSameAnchors(runs: Int, alphabet: ClosedRange<Int>, shared: ClosedRange<Int>,
                                  lengthsA: ClosedRange<Int>, lengthsB: ClosedRange<Int>, seed: UInt64) {
        var generator = SplitMix(seed: seed)
        for _ in 0..<runs {
            let alphabet = Int.random(in: alphabet, using: &generator)
            func words(_ count: ClosedRange<Int>) -> [Int] {
                (0..<Int.random(in: count, using: &generator)).map { _ in Int.random(in: 0..<alphabet, using: &generator) }
            }
            let beginning = words(shared)
            let a = beginning + words(lengthsA), b = beginning + words(lengthsB)
            // Keys (by number) that no two words spell alike, so that only equal words pair up as `.same`.
            let keys = (0..<alphabet).map { "w\($0)" }
            let same = TokenAligner(similarSpelling: 2, substitutionLimit: 0).align(a, b, keys: keys).filter { $0.kind == .same }
            #expect(same == fullTableAnchors(a, b), "\(a) against \(b)")
        }
    }

    @Test("Random word sequences with shared beginnings: the same anchors as the full table")
    func sameAnchors() {
        Self.expectSameAnchors(runs: 3_000, alphabet: 1...6, shared: 0...5, lengthsA: 0...9, lengthsB: 0...9, seed: 0xA1)
    }

    /// Past the shared beginning, a source of at most 64 words is walked by bit vectors
    /// (`SuffixSubsequences`), a longer one by the table: both around the boundary.
    @Test("Long word sequences, on both sides of 64 words: the same anchors as the full table")
    func sameAnchorsWhenLong() {
        Self.expectSameAnchors(runs: 400, alphabet: 1...40, shared: 0...3, lengthsA: 40...80, lengthsB: 58...70, seed: 0xA2)
    }

    @Test("Suffix subsequence lengths from bit vectors: those of the full table")
    func suffixLengths() {
        var generator = SplitMix(seed: 0xA3)
        for _ in 0..<300 {
            let alphabet = Int.random(in: 1...12, using: &generator)
            let a = (0..<Int.random(in: 0...70, using: &generator)).map { _ in Int.random(in: 0..<alphabet, using: &generator) }
            let b = (0..<Int.random(in: 0...64, using: &generator)).map { _ in Int.random(in: 0..<alphabet, using: &generator) }
            let lengths = SuffixSubsequences(a, b, from: 0)
            let width = b.count + 1
            var table = [Int](repeating: 0, count: (a.count + 1) * width)
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    table[i * width + j] = a[i] == b[j] ? table[(i + 1) * width + j + 1] + 1 : max(table[(i + 1) * width + j], table[i * width + j + 1])
                }
            }
            let wrong = (0...a.count).flatMap { i in (0...b.count).map { j in (i, j) } }.filter { lengths.length($0.0, $0.1) != table[$0.0 * width + $0.1] }
            #expect(wrong.isEmpty, "\(a) against \(b)")
        }
    }

    /// The words of each gap between the full table's anchors paired as the aligner first paired them:
    /// every free source word measured against each version word, the best kept (of equals, the
    /// first), then what is left of a gap of as many words a side, by position.
    static func fullGapPairs(_ a: [Int], _ b: [Int], keys: [String], similarSpelling: Double, substitutionLimit: Int) -> [TokenAlignment.Pair] {
        var pairs: [TokenAlignment.Pair] = []
        var previous = (-1, -1)
        for anchor in fullTableAnchors(a, b).map({ ($0.version, $0.source) }) + [(a.count, b.count)] {
            var freeA = Array(previous.0 + 1..<anchor.0), freeB = Array(previous.1 + 1..<anchor.1)
            if !freeA.isEmpty && !freeB.isEmpty {
                for x in freeA {
                    let scored = freeB.map { ($0, NameRuns.similarity(keys[a[x]], keys[b[$0]])) }
                    guard let best = scored.max(by: { ($0.1, -$0.0) < ($1.1, -$1.0) }), best.1 >= similarSpelling else { continue }
                    pairs.append(TokenAlignment.Pair(version: x, source: best.0, kind: .similar))
                    freeA.removeAll { $0 == x }
                    freeB.removeAll { $0 == best.0 }
                }
                if freeA.count == freeB.count, freeA.count <= substitutionLimit {
                    for (x, y) in zip(freeA, freeB) { pairs.append(TokenAlignment.Pair(version: x, source: y, kind: .substituted)) }
                }
            }
            if anchor.0 < a.count { pairs.append(TokenAlignment.Pair(version: anchor.0, source: anchor.1, kind: .same)) }
            previous = anchor
        }
        return pairs.sorted { $0.version < $1.version }
    }

    @Test("Random gaps of words spelled alike and not: the aligner's pairs are those of measuring every pair of the gap")
    func sameGapPairs() {
        // Keys that are often alike (one letter apart) and of many lengths, so that the length bound
        // skips some pairs and ties come up.
        let keys = ["harbour", "harbor", "habour", "budget", "budgets", "budge", "a", "an", "in", "on", "council", "counsel",
                    "Tromsø", "Tromso", "naïve", "naive", "x", "approve", "approved", "disapproved"]
        var generator = SplitMix(seed: 0xA4)
        for _ in 0..<2_000 {
            let a = generator.words(0...12, of: 0...UInt32(keys.count - 1)).map(Int.init)
            let b = generator.words(0...12, of: 0...UInt32(keys.count - 1)).map(Int.init)
            for (similar, limit) in [(0.6, 3), (0.8, 1), (0.5, 0)] {
                let aligned = TokenAligner(similarSpelling: similar, substitutionLimit: limit).align(a, b, keys: keys)
                #expect(aligned == Self.fullGapPairs(a, b, keys: keys, similarSpelling: similar, substitutionLimit: limit), "\(a) against \(b)")
            }
        }
    }
}

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

    @Test("The aligner's equal words are a plain LCS table's walk; pairs in the version's order, sorted only when not")
    func alignmentOfBuffers() {
        var random = SplitMix(seed: 6_103)
        for run in 0..<2_000 {
            let alphabet = Self.keys.count - Int.random(in: 0...15, using: &random)
            let a = Self.numbers(&random, alphabet: alphabet, count: 0...(run % 10 == 0 ? 80 : 14))
            let b = Self.numbers(&random, alphabet: alphabet, count: 0...(run % 10 == 0 ? 80 : 14))
            let pairs = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in TokenAligner().align(a, b, keys: Self.keys) } }
            // The anchors (bit vectors up to 64 words, a table beyond, in temporary memory) against
            // the walk of a full table of longest common subsequences with the same preference.
            let same = pairs.filter { $0.kind == .same }.map { [$0.version, $0.source] }
            #expect(same == Self.plainAnchors(a, b), "\(a) | \(b)")
            // Each version word in one pair at most: the order by version words is one order.
            #expect(Set(pairs.map(\.version)).count == pairs.count)
            #expect(pairs == pairs.sorted { $0.version < $1.version })
        }
        // The check that spares the sort says "in order" exactly when sorting changes nothing.
        for _ in 0..<2_000 {
            let versions = (0..<Int.random(in: 0...8, using: &random)).map { _ in Int.random(in: 0...9, using: &random) }
            let pairs = versions.map { TokenAlignment.Pair(version: $0, source: 0, kind: .same) }
            #expect(TokenAligner.inVersionOrder(pairs) == (versions == versions.sorted()))
        }
    }

    /// The equal words of `a` and `b` a longest common subsequence takes, walked from the start over a
    /// full table: at two equal words take them, else step past `a`'s word while that keeps the
    /// longest subsequence of what follows, else past `b`'s.
    static func plainAnchors(_ a: [Int], _ b: [Int]) -> [[Int]] {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var anchors: [[Int]] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                anchors.append([i, j]); i += 1; j += 1
            } else if table[i + 1][j] >= table[i][j + 1] { i += 1 } else { j += 1 }
        }
        return anchors
    }
}

/// The hash of a link's keys (`DistortionKeyHash`): its screen against the plain byte loop, and its
/// hash the same for the same bytes however they are held.
@Suite("Dist6: the link keys' hash and screen agree with the byte loop")
struct Dist6KeyHashTests {
    /// `key` held in a large string (storage of its own), not in a small string's bits.
    static func large(_ key: String) -> String {
        var held = String()
        held.reserveCapacity(64)
        held.append(contentsOf: key)
        return held
    }

    @Test("The screen says what the byte loop says, for keys of every length up to 40 bytes")
    func screenIsTheByteLoop() {
        var random = SplitMix(seed: 6_201)
        // Bytes that make keys plain and not: letters, a full stop, a carriage return, an apostrophe,
        // a NUL, bytes of 0x80 and more.
        let bytes: [UInt8] = Array("abcxyzAZ09' -".utf8) + [0x2E, 0x0D, 0x00, 0x7F, 0x80, 0xC3, 0xA9, 0xFF, 0x2F, 0x2D, 0x0C, 0x0E]
        var plainCount = 0, otherCount = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...40, using: &random)
            // Mostly plain letters, with now and then one byte of the others.
            let key: [UInt8] = (0..<count).map { _ in
                Int.random(in: 0..<12, using: &random) == 0 ? bytes.randomElement(using: &random)! : UInt8(ascii: "a") + UInt8.random(in: 0..<26, using: &random)
            }
            let (hash, plain) = key.withUnsafeBufferPointer { DistortionKeyHash.scan($0) }
            #expect(plain == key.allSatisfy(DistortionKeyHash.isPlainByte), "\(key)")
            if plain { plainCount += 1 } else { otherCount += 1 }
            // The same bytes elsewhere (at another alignment) give the same hash.
            let shifted = [UInt8(7)] + key
            let again = shifted.withUnsafeBufferPointer { DistortionKeyHash.scan(UnsafeBufferPointer(rebasing: $0[1...])).hash }
            #expect(again == hash)
        }
        #expect(plainCount > 1_000 && otherCount > 1_000)
    }

    @Test("A key's hash is its bytes' hash, whether held in a small string or a large one")
    func hashOfHeldKeys() {
        let keys = ["", "a", "of", "the", "cat", "cats", "cat's", "u.s.", "approve", "approved", "harbour", "café",
                    "straße", "жизнь", "12", "3.5", "internationalisation", "counterrevolutionary", "a\r", "日本語", "x.y.z.w.v.u"]
        for key in keys {
            let bytes = Array(key.utf8)
            let hash = bytes.withUnsafeBufferPointer { DistortionKeyHash.hash($0) }
            #expect(DistortionKeyHash.hash(key) == hash, "\(key)")
            #expect(DistortionKeyHash.hash(Self.large(key)) == hash, "\(key)")
        }
        // Keys of different bytes (the words above and their prefixes) rarely share a hash.
        let prefixes = Set(keys.flatMap { key in (0...key.utf8.count).map { String(decoding: key.utf8.prefix($0), as: UTF8.self) } })
        #expect(Set(prefixes.map { DistortionKeyHash.hash($0) }).count == prefixes.count)
    }

    @Test("Link numbers of keys held in large strings are those of the same keys in small ones")
    func numbersOfHeldKeys() {
        var random = SplitMix(seed: 6_202)
        let words = ["the", "The", "cat", "cat's", "cats", "u.s.", "us", "approve", "approved", "café", "straße", "a\r",
                     "12", "3.5", "over", "overall", "internationalisation", "international", "harbour", "mayor"]
        for _ in 0..<500 {
            let keys = (0..<Int.random(in: 1...60, using: &random)).map { _ in words.randomElement(using: &random)! }
            var small = DistortionDetector.LinkKeys(capacity: 4), large = DistortionDetector.LinkKeys(capacity: 4)
            let smallNumbers = keys.map { small.number(baseOf: $0, DistortionDetector.Mark.version) }
            let largeNumbers = keys.map { large.number(baseOf: Self.large($0), DistortionDetector.Mark.version) }
            #expect(smallNumbers == largeNumbers)
            #expect(small.marks == large.marks)
        }
    }
}

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
        var numbering = Numbering(capacity: a.count + b.count)
        let numbersA = a.map { numbering.number(base(version.tokens[$0].key)) }
        let numbersB = b.map { numbering.number(base(source.tokens[$0].key)) }
        let matched = align(numbersA, numbersB, keys: numbering.keys)
        return TokenAlignment(pairs: matched.map { TokenAlignment.Pair(version: a[$0.version], source: b[$0.source], kind: $0.kind) })
    }

    /// Numbers for keys, equal keys alike, so that words are compared once by hashing rather than
    /// again and again as strings.
    struct Numbering {
        private var table: KeyNumbering

        /// The keys numbered so far, each at its number.
        var keys: [String] { table.keys }

        /// A numbering with room for `capacity` keys before it grows.
        init(capacity: Int = 0) { table = KeyNumbering(capacity: capacity) }

        // (Inlined: called for every word of every link, and the call cost a fifth of the numbering.)
        @inline(__always) mutating func number(_ key: String) -> Int { table.number(key) }
    }

    /// The alignment of two sequences of words, given by the numbers of their base keys in one
    /// numbering (`numbersA`, `numbersB`), whose keys `keys` holds at their numbers (each word's key
    /// read from there, with no array of keys per sequence). The pairs hold positions in these
    /// sequences (not token indices), in the order of `numbersA`.
    func align(_ numbersA: [Int], _ numbersB: [Int], keys: [String]) -> [TokenAlignment.Pair] {
        numbersA.withUnsafeBufferPointer { numbersA in
            numbersB.withUnsafeBufferPointer { numbersB in align(numbersA, numbersB, keys: keys) }
        }
    }

    /// `align(_:_:keys:)` of numbers held in buffers: a caller that keeps a link's numbers in one
    /// temporary allocation (`DistortionDetector`) makes no array of them. The numbers are read
    /// unchecked: every place the walks and gaps read is below the counts.
    func align(_ numbersA: UnsafeBufferPointer<Int>, _ numbersB: UnsafeBufferPointer<Int>, keys: [String]) -> [TokenAlignment.Pair] {
        let countA = numbersA.count, countB = numbersB.count
        // (Room for a pair per word of `numbersA` and an anchor per word of the shorter: no growing.)
        var pairs: [TokenAlignment.Pair] = []
        pairs.reserveCapacity(countA)
        // (The anchors in a temporary allocation, on the stack for a sentence's words: one per word
        // of the shorter sequence at most, and the end; anchor k's places at 2k and 2k + 1, in words
        // of a plain type, whose allocation needs no type metadata looked up.)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (min(countA, countB) + 1)) { anchors in
            var anchorCount = 0
            func add(_ i: Int, _ j: Int) {
                anchors[2 * anchorCount] = i; anchors[2 * anchorCount + 1] = j; anchorCount += 1
            }
            // Longest common subsequence of equal words. The walk below takes equal words as it meets
            // them, so the words both sequences begin with are anchors, and the table (the subsequences
            // of what follows each pair of places) is needed only past them.
            var prefix = 0
            while prefix < countA && prefix < countB && numbersA[prefix] == numbersB[prefix] {
                add(prefix, prefix)
                prefix += 1
            }
            // The walk from the end of the shared beginning: at two equal words, take them; else step
            // past the version's word while that keeps the longest subsequence of what follows, else
            // past the source's.
            var i = prefix, j = prefix
            if countB - prefix <= 64 {
                // The lengths of those subsequences from bit vectors (`SuffixSubsequences`), a word per
                // row: most sentences are short, and the table below costs a cell per pair of words.
                let lengths = SuffixSubsequences(numbersA, numbersB, from: prefix)
                while i < countA && j < countB {
                    if numbersA[i] == numbersB[j] {
                        add(i, j); i += 1; j += 1
                    } else if lengths.length(i + 1, j) >= lengths.length(i, j + 1) { i += 1 } else { j += 1 }
                }
            } else {
                // (One flat table, row i from (i − prefix) × width on, rather than an array per row.)
                let width = countB - prefix + 1
                var table = [Int32](filledWith: 0, count: (countA - prefix + 1) * width)
                func cell(_ i: Int, _ j: Int) -> Int { (i - prefix) * width + j - prefix }
                // Filled through buffers: every cell is in bounds by construction, and the checks of array
                // subscripts cost as much as the cells.
                table.withUnsafeMutableBufferPointer { table in
                    for i in stride(from: countA - 1, through: prefix, by: -1) {
                        let row = (i - prefix) * width - prefix, below = row + width
                        let word = numbersA[i]
                        for j in stride(from: countB - 1, through: prefix, by: -1) {
                            table[row + j] = word == numbersB[j] ? table[below + j + 1] + 1 : max(table[below + j], table[row + j + 1])
                        }
                    }
                }
                while i < countA && j < countB {
                    if numbersA[i] == numbersB[j] { add(i, j); i += 1; j += 1 } else if table[cell(i + 1, j)] >= table[cell(i, j + 1)] { i += 1 } else { j += 1 }
                }
            }
            add(countA, countB)
            // The gaps between anchors (and before the first and after the last).
            var previous = (-1, -1)
            for k in 0..<anchorCount {
                let anchor = (anchors[2 * k], anchors[2 * k + 1])
                if anchor.0 > previous.0 + 1 && anchor.1 > previous.1 + 1 {
                    gap(previous.0 + 1..<anchor.0, previous.1 + 1..<anchor.1, numbersA, numbersB, keys, into: &pairs)
                }
                if anchor.0 < countA { pairs.append(TokenAlignment.Pair(version: anchor.0, source: anchor.1, kind: .same)) }
                previous = anchor
            }
        }
        // (Sorted only where a gap paired some words by spelling and then others by position, which
        // come after them: most alignments are in order already. Each version word is in one pair
        // at most, so either way the order is the same.)
        if !Self.inVersionOrder(pairs) { pairs.sort { $0.version < $1.version } }
        return pairs
    }

    /// Whether `pairs` are in the order of their version words.
    static func inVersionOrder(_ pairs: [TokenAlignment.Pair]) -> Bool {
        var previous = Int.min
        for pair in pairs {
            if pair.version < previous { return false }
            previous = pair.version
        }
        return true
    }

    /// Pairs the words of a gap, positions `gapA` of `numbersA` and `gapB` of `numbersB` (their keys
    /// in `keys`), adding them to `pairs`.
    private func gap(_ gapA: Range<Int>, _ gapB: Range<Int>, _ numbersA: UnsafeBufferPointer<Int>, _ numbersB: UnsafeBufferPointer<Int>, _ keys: [String],
                     into pairs: inout [TokenAlignment.Pair]) {
        guard !gapA.isEmpty, !gapB.isEmpty else { return }
        func keyA(_ x: Int) -> String { keys[numbersA[x]] }
        func keyB(_ y: Int) -> String { keys[numbersB[y]] }
        if gapA.count == 1, gapB.count == 1 {
            // One word for one (the commonest gap): what the general case below gives, without its lists.
            let (x, y) = (gapA.lowerBound, gapB.lowerBound)
            let (a, b) = (Self.letters(keyA(x)), Self.letters(keyB(y)))
            let (m, n) = (a.count, b.count)
            let mayBeAlike = m > 0 && n > 0 ? 1 - Double(abs(m - n)) / Double(max(m, n)) >= similarSpelling : similarSpelling <= 0
            if mayBeAlike, m == 0 || n == 0 || mayShareEnough(a.mask, b.mask, longer: max(m, n)),
               NameRuns.similarity(keyA(x), keyB(y)) >= similarSpelling {
                pairs.append(TokenAlignment.Pair(version: x, source: y, kind: .similar))
            } else if substitutionLimit >= 1 {
                pairs.append(TokenAlignment.Pair(version: x, source: y, kind: .substituted))
            }
            return
        }
        // The source's words not paired yet, in order, with each one's length and letters (the
        // version's are those of `gapA` that no pair appended from `paired` on holds: pairs come in
        // the order of `gapA`). Kept in one temporary allocation, on the stack for a short gap:
        // three arrays of their own cost more than the gap's comparisons.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 3 * gapB.count) { room in
            let width = gapB.count
            var freeCount = width
            for (k, y) in gapB.enumerated() {
                room[k] = UInt64(y)
                // The spelling similarity is 1 − distance / longer length, and the edit distance is at
                // least the difference of the lengths (in scalars, as the distance counts). So a pair
                // whose lengths alone give 1 − difference / longer < `similarSpelling` scores under it
                // too (the same division, of a smaller numerator, rounds no higher), and can neither be
                // the best of the gap nor, being under it, change which is: such pairs are not measured.
                let letters = Self.letters(keyB(y))
                room[width + k] = UInt64(letters.count)
                // The same holds of the letters: see `mayShareEnough`.
                room[2 * width + k] = letters.mask
            }
            let paired = pairs.count
            func mayBeAlike(_ m: Int, _ n: Int) -> Bool {
                guard m > 0, n > 0 else { return similarSpelling <= 0 }
                return 1 - Double(abs(m - n)) / Double(max(m, n)) >= similarSpelling
            }
            for x in gapA {
                let (mask, m) = Self.letters(keyA(x))
                // The most similar free word (of equals, the first), as `max(by:)` on (similarity, −place) picks it.
                var best: (slot: Int, y: Int, similarity: Double)?
                for slot in 0..<freeCount {
                    let y = Int(room[slot]), k = y - gapB.lowerBound, n = Int(room[width + k])
                    guard mayBeAlike(m, n), m == 0 || mayShareEnough(mask, room[2 * width + k], longer: max(m, n)) else { continue }
                    let similarity = NameRuns.similarity(keyA(x), keyB(y))
                    if let known = best {
                        if (known.similarity, -known.y) < (similarity, -y) { best = (slot, y, similarity) }
                    } else {
                        best = (slot, y, similarity)
                    }
                }
                guard let best, best.similarity >= similarSpelling else { continue }
                pairs.append(TokenAlignment.Pair(version: x, source: best.y, kind: .similar))
                // The word leaves the free ones, which stay in order.
                for slot in best.slot..<freeCount - 1 { room[slot] = room[slot + 1] }
                freeCount -= 1
            }
            let pairedEnd = pairs.count
            if gapA.count - (pairedEnd - paired) == freeCount, freeCount <= substitutionLimit {
                // The free words of both sides in order, one for one.
                var next = paired, k = 0
                for x in gapA {
                    if next < pairedEnd && pairs[next].version == x { next += 1; continue }
                    pairs.append(TokenAlignment.Pair(version: x, source: Int(room[k]), kind: .substituted))
                    k += 1
                }
            }
        }
    }

    /// Whether two words whose letters are `a` and `b` (`letterMask`) may be as alike as
    /// `similarSpelling`, the longer of `longer` scalars (more than 0). A letter of one that the other
    /// lacks must be replaced or deleted: the edit distance is at least the number of letters either
    /// word has alone, and the masks count no more than those (letters that share a bit count once).
    /// So a pair this says no to scores under `similarSpelling` (the same division, of a smaller
    /// numerator), and, as with the lengths, is not measured.
    func mayShareEnough(_ a: UInt64, _ b: UInt64, longer: Int) -> Bool {
        let alone = max((a & ~b).nonzeroBitCount, (b & ~a).nonzeroBitCount)
        return 1 - Double(alone) / Double(longer) >= similarSpelling
    }

    /// A bit for each letter (Unicode scalar) of `key`: an ASCII letter's by its byte, another's by
    /// its UTF-8 bytes folded together; equal letters, equal bits.
    static func letterMask(_ key: String) -> UInt64 {
        key.utf8.withContiguousStorageIfAvailable { letterMask(bytes: $0) } ?? letterMask(bytes: key.utf8)
    }

    private static func letterMask(bytes: some Sequence<UInt8>) -> UInt64 {
        var mask: UInt64 = 0, folded: UInt32 = 0
        for byte in bytes {
            if byte & 0xC0 == 0x80 {
                folded = folded &* 31 &+ UInt32(byte)
                continue
            }
            if folded != 0 { mask |= 1 << UInt64(folded & 63) }
            folded = byte < 0x80 ? 0 : UInt32(byte)
            if byte < 0x80 { mask |= 1 << UInt64(byte & 63) }
        }
        if folded != 0 { mask |= 1 << UInt64(folded & 63) }
        return mask
    }

    /// `letterMask(key)` and `scalarCount(key)` in one pass over the bytes (a scalar starts at each
    /// byte but the continuation bytes, 10xxxxxx): the gaps ask both of each word.
    static func letters(_ key: String) -> (mask: UInt64, count: Int) {
        key.utf8.withContiguousStorageIfAvailable { bytes in
            var mask: UInt64 = 0, folded: UInt32 = 0, count = 0
            for byte in bytes {
                if byte & 0xC0 == 0x80 {
                    folded = folded &* 31 &+ UInt32(byte)
                    continue
                }
                count += 1
                if folded != 0 { mask |= 1 << UInt64(folded & 63) }
                folded = byte < 0x80 ? 0 : UInt32(byte)
                if byte < 0x80 { mask |= 1 << UInt64(byte & 63) }
            }
            if folded != 0 { mask |= 1 << UInt64(folded & 63) }
            return (mask, count)
        } ?? (letterMask(key), scalarCount(key))
    }

    /// The number of Unicode scalars of `key`, counted on its UTF-8 bytes: those that start a scalar
    /// (all but the continuation bytes, 10xxxxxx).
    static func scalarCount(_ key: String) -> Int {
        key.utf8.withContiguousStorageIfAvailable { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
            ?? key.unicodeScalars.count
    }

    /// The number of tokens of `sentences`: room enough for their words (`words(_:_:into:)`).
    static func tokenCount(_ document: Document, _ sentences: Range<Int>) -> Int {
        guard let first = sentences.first, let last = sentences.last else { return 0 }
        return document.sentences[last].tokens.upperBound - document.sentences[first].tokens.lowerBound
    }

    /// `words(_:_:)` written into `room` (at least `tokenCount(_:_:)` places) from its start, for a
    /// caller that keeps them in a temporary allocation, with no array made: their count.
    static func words(_ document: Document, _ sentences: Range<Int>, into room: UnsafeMutableBufferPointer<Int>) -> Int {
        guard let first = sentences.first.map({ document.sentences[$0].tokens.lowerBound }),
              let last = sentences.last.map({ document.sentences[$0].tokens.upperBound }) else { return 0 }
        precondition(room.count >= last - first, "room for a word per token")
        var count = 0
        document.tokens.withUnsafeBufferPointer { tokens in
            for index in first..<last where tokens[index].isWordLike {
                room[count] = index
                count += 1
            }
        }
        return count
    }

    /// The word-like tokens of `sentences`, as indices into the document's tokens: the words this
    /// aligner pairs.
    static func words(_ document: Document, _ sentences: Range<Int>) -> [Int] {
        guard let first = sentences.first.map({ document.sentences[$0].tokens.lowerBound }),
              let last = sentences.last.map({ document.sentences[$0].tokens.upperBound }) else { return [] }
        let tokens = document.tokens
        var words: [Int] = []
        words.reserveCapacity(last - first)
        for index in first..<last where tokens[index].isWordLike { words.append(index) }
        return words
    }
}

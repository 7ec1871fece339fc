import Foundation
import MTAuditText

/// Aligns the sentences of a version to those of the source, allowing merges (one sentence renders
/// two), splits (two render one), omissions, additions and paragraphs out of order.
///
/// In one language, sentences are matched by their words: candidate pairs come from an index of the
/// words each source sentence holds, leaving out words so common that they stand in more than
/// `commonWordLimit` sentences. Every candidate 1-1, 2-1 and 1-2 link is scored by the Dice coefficient
/// of its word sets (with a small bonus for keeping the relative position), and the best links are
/// taken greedily, each sentence once. Reordered paragraphs are matched like any others. Sentences left
/// between two matched ones are then paired by position, since a free rendering shares few words.
/// The cost grows with the number of candidate pairs, which the limit on common words keeps linear.
///
/// Across languages, where words cannot be compared, the sentences are aligned in order by a banded
/// dynamic program on their lengths (Gale and Church's model) with shared numbers and names as anchors.
/// The band follows the sentences that a number or name each text has once pins together, so its
/// width stays that of the local drift however long the text is.
public struct SentenceAligner: Sendable {
    /// The least Dice similarity for a link by words.
    public var threshold: Double
    /// Words held by more source sentences than this propose no candidates (they still count in the
    /// similarity of candidates found by other words).
    public var commonWordLimit: Int
    /// The most candidate source sentences kept for each version sentence.
    public var candidateLimit: Int
    /// In one language, the least similarity for a link made by position between matched sentences.
    public var positionalSimilarity: Double

    public init(threshold: Double = 0.3, commonWordLimit: Int = 30, candidateLimit: Int = 8,
                positionalSimilarity: Double = 0.2) {
        self.threshold = threshold
        self.positionalSimilarity = positionalSimilarity
        self.commonWordLimit = commonWordLimit
        self.candidateLimit = candidateLimit
    }

    /// `sameLanguage` says whether words can be compared, and `language` names the word list that
    /// weighs words by their rarity (nil: their rarity in the two texts). Without them, both are
    /// worked out as the audit does.
    public func align(source: Document, version: Document) -> SentenceAlignment {
        let sourceGuess = Comparability.guessedLanguage(of: source)
        let same = Comparability.sameLanguage(source, version, sourceGuess: .some(sourceGuess))
        return align(source: source, version: version, sameLanguage: same,
                     language: Comparability.listedLanguage(of: source, guess: sourceGuess))
    }

    public func align(source: Document, version: Document, sameLanguage: Bool, language: String?) -> SentenceAlignment {
        align(source: source, version: version, sameLanguage: sameLanguage, language: language, toJoint: nil, sourceSets: nil)
    }

    /// Each of `versions` aligned to the one `source`, as `align(source:version:)` aligns each: the
    /// source's language guessed once, and its weighed sets (`SentenceWords.SourceSets`) made once
    /// when two versions or more compare words with it in its language, rather than once per version
    /// (an article's source is the source of each of its line's versions). With one such version
    /// they are made inside its alignment, as before (made apart they would cost a second weight list).
    public func align(source: Document, versions: [Document]) -> [SentenceAlignment] {
        // (A lone version, most lines, has nothing to share: aligned as it is on its own.)
        guard versions.count > 1 else { return versions.map { align(source: source, version: $0) } }
        let sourceGuess = Comparability.guessedLanguage(of: source)
        let language = Comparability.listedLanguage(of: source, guess: sourceGuess)
        let same = versions.map { Comparability.sameLanguage(source, $0, sourceGuess: .some(sourceGuess)) }
        let weighing = versions.indices.count { same[$0] && Self.needsWords(source: source, version: versions[$0], sameLanguage: true) }
        let sourceSets = weighing > 1 ? SentenceWords.SourceSets(of: source, language: language) : nil
        return versions.indices.map { index in
            align(source: source, version: versions[index], sameLanguage: same[index], language: language, toJoint: nil,
                  sourceSets: same[index] ? sourceSets : nil)
        }
    }

    /// Whether `align` compares the words of each text's sentences (`SentenceWords`), which the
    /// one sentence against one in one language does not.
    static func needsWords(source: Document, version: Document, sameLanguage: Bool) -> Bool {
        !(sameLanguage && source.sentences.count == 1 && version.sentences.count == 1)
    }

    /// `align`, with the version's words' joint ids against the source (`SentenceWords.jointIds`)
    /// and the source's weighed sets (`SentenceWords.SourceSets`) when the caller has them (nil:
    /// looked up, made).
    func align(source: Document, version: Document, sameLanguage: Bool, language: String?, toJoint: SentenceWords.JointIds?,
               sourceSets: SentenceWords.SourceSets?) -> SentenceAlignment {
        if !Self.needsWords(source: source, version: version, sameLanguage: sameLanguage) {
            // One sentence against one (most pairs of a feed): the only link joins them, matched by
            // its words when they share one and are alike enough (as `linksByWords` would), else by
            // position (as the fallback below would). Its two likenesses come from the two sentences'
            // words alone, with none of the tables that scoring many candidates needs.
            let sole = SentenceWords.soleLikeness(source: source, version: version, language: language)
            let matched = commonWordLimit >= 1 && candidateLimit >= 1 && sole.sharesWord && sole.dice >= threshold
            let link = SentenceAlignment.Link(source: 0..<1, version: 0..<1, similarity: sole.dice, byPosition: !matched)
            return SentenceAlignment(soleLink: link, similarity: sole.plainDice)
        }
        // Words are weighed only to be compared in one language (`dice`); across languages the
        // aligner reads lengths, anchors and plain counts.
        let words = SentenceWords(source: source, version: version, language: language, weighted: sameLanguage, toJoint: toJoint,
                                  sourceSets: sourceSets)
        var links: [SentenceAlignment.Link]
        if !sameLanguage {
            links = linksByLength(source: source, version: version, words: words)
        } else {
            links = linksByWords(words)
            if links.isEmpty && source.sentences.count == version.sentences.count {
                // Nothing matched by words, sentence for sentence: a free rendering, or another text.
                // Pair them by position, for what little the detectors can compare (their similarity
                // says how little); coverage counts only the pairs that share some words.
                links = source.sentences.indices.map {
                    SentenceAlignment.Link(source: $0..<$0 + 1, version: $0..<$0 + 1,
                                           similarity: words.dice(version: $0..<$0 + 1, source: $0..<$0 + 1), byPosition: true)
                }
            } else {
                links += Self.fillGaps(links, sourceCount: source.sentences.count, versionCount: version.sentences.count,
                                       words: words, minimum: positionalSimilarity)
            }
        }
        return SentenceAlignment(links: links, sourceCount: source.sentences.count,
                                 versionCount: version.sentences.count) { words.plainDice(version: $0..<$0 + 1, source: $1..<$1 + 1) }
    }

    // MARK: In one language

    /// `bounded`: whether a candidate pair whose Dice cannot reach `threshold` (by the bound that
    /// `SharedWeightRows` gives) is passed over unscored. The links are the same either way; the
    /// unbounded walk is kept for the tests that say so.
    func linksByWords(_ words: SentenceWords, bounded: Bool = true) -> [SentenceAlignment.Link] {
        let sourceCount = words.source.count, versionCount = words.version.count
        guard sourceCount > 0, versionCount > 0 else { return [] }
        if sourceCount == 1, versionCount == 1 {
            // One sentence against one (most pairs of a feed): the pair is the only candidate, and
            // the walk below proposes it when the two share a word. (Its Dice through the marks is
            // the same sum in the same order as this one.)
            guard commonWordLimit >= 1, candidateLimit >= 1, SortedIds.sharedCount(words.source[0], words.version[0], upTo: 1) > 0 else { return [] }
            let dice = words.dice(version: 0..<1, source: 0..<1)
            return dice >= threshold ? [SentenceAlignment.Link(source: 0..<1, version: 0..<1, similarity: dice)] : []
        }
        // Which source sentences hold each word (made once per source when the caller made its sets).
        let index = words.sourceHolders ?? HolderIndex(words.source, vocabularySize: words.vocabularySize)
        let holderStarts = index.starts, holders = index.holders
        var marks = SentenceWords.VersionMarks(vocabularySize: words.vocabularySize)
        // Each version sentence's words shared with each source sentence, counted and weighed, for
        // v - 1, v and v + 1: the counts pick v's candidates, the weights bound their Dice.
        let rows = SharedWeightRows(sourceCount: sourceCount, commonWordLimit: commonWordLimit)
        defer { rows.deallocate() }
        let bounded = bounded && !words.wordWeights.isEmpty
        // (Room for a few candidates a version sentence, most texts' share: a long text's tens of
        // thousands grew the array a dozen times, each time copied.)
        var candidates: [Candidate] = []
        candidates.reserveCapacity(4 * versionCount)
        // The pairs already considered, so that each is scored once. Every pair is considered from a
        // version sentence v it holds; only a split (one source sentence, two version sentences w and
        // w + 1) is considered from two, at w and at w + 1. So a table per shape of pair, indexed by
        // its first source sentence, can keep the first version sentence of the pair last considered:
        // a look-up instead of a set of every pair of the text. The two splits of a source sentence
        // that may be in play at v (w = v - 1 and w = v) are kept apart by the parity of w.
        let never = Int.min
        let singles = Self.table(count: sourceCount, filledWith: never)       // s..<s + 1 with v..<v + 1
        let merges = Self.table(count: sourceCount, filledWith: never)        // s..<s + 2 with v..<v + 1
        let splits = Self.table(count: 2 * sourceCount, filledWith: never)    // s..<s + 1 with w..<w + 2, at 2s + w % 2
        defer { singles.deallocate(); merges.deallocate(); splits.deallocate() }
        // The source sentences sharing a word with the version sentence at hand, and the best of them,
        // in buffers (an array's every append and write first asks whether its storage is shared): a
        // sentence is touched once per version sentence, and the best are `candidateLimit` at most,
        // one more while a new one is placed.
        let top = Self.table(count: min(max(candidateLimit, 0), sourceCount) + 1, filledWith: 0)
        defer { top.deallocate() }
        // (The helpers below take what they change as `inout` or as buffers and capture no variable: a
        // variable a nested function captures lives in a box whose every access is checked for
        // exclusivity at run time, which cost a quarter of this walk.)
        let threshold = threshold, boundThreshold = threshold * (1 - 1e-9)
        /// Scores the pair if it lies in both texts and `table[slot]` does not already say `first`
        /// (the pair's first version sentence), making it say so; unless `rows` show that its Dice
        /// cannot reach the threshold. The version sentences are marked around `v` before the first
        /// pair scored there.
        func consider(source: Range<Int>, version: Range<Int>, table: UnsafeMutableBufferPointer<Int>, slot: Int, first: Int,
                      around v: Int, rows: SharedWeightRows, marks: inout SentenceWords.VersionMarks, into candidates: inout [Candidate]) {
            guard source.lowerBound >= 0, source.upperBound <= sourceCount,
                  version.lowerBound >= 0, version.upperBound <= versionCount, table[slot] != first else { return }
            table[slot] = first
            if bounded {
                // Dice = 2 shared / total, and the shared weight is at most the bound: a pair whose bound
                // falls short of the threshold (by more than any rounding of the sums) cannot pass.
                // (Spelled out for one or two sentences a side, which is all a pair holds: a loop over
                // each side cost more than the sums.)
                let s = source.lowerBound, twoSources = source.count == 2
                let first = rows.row(version.lowerBound)
                var bound = first.common + first.weights[s]
                if twoSources { bound += first.weights[s + 1] }
                if version.count == 2 {
                    let second = rows.row(version.lowerBound + 1)
                    bound += second.common + second.weights[s]
                    if twoSources { bound += second.weights[s + 1] }
                }
                let total = words.totalWeight(version: version, source: source)
                if 2 * bound < boundThreshold * total { return }
                // The common words counted whole above, narrowed to those the source side may hold.
                if rows.signed, rows.fallsShort(version: version, source: source, bound: bound, of: boundThreshold * total) { return }
            }
            if marks.center != v { words.mark(&marks, around: v) }
            let dice = words.dice(version: version, source: source, marks: marks)
            guard dice >= threshold else { return }
            if source.count > 1 {
                // Each sentence of a merge or split must bring its own share of the other side's words.
                // (The rows' count of the words not too common that the two share is at most all they
                // share: two or more there say enough, and only fewer are counted in full.)
                for s in source where rows.sharedCount(row: version.lowerBound, source: s) < 2
                    && words.shared(version: version, source: s..<s + 1, marks: marks) < 2 { return }
            } else if version.count > 1 {
                for v in version where rows.sharedCount(row: v, source: source.lowerBound) < 2
                    && words.shared(version: v..<v + 1, source: source, marks: marks) < 2 { return }
            }
            let position = 1 - abs(Self.relative(version, versionCount) - Self.relative(source, sourceCount))
            candidates.append(Candidate(score: dice + 0.05 * position, source: source, version: version, similarity: dice, index: candidates.count))
        }
        let weights = words.wordWeights
        for (v, set) in words.version.enumerated() where !set.isEmpty {
            // (Rows v - 1 and v are most often held from the sentence before.)
            rows.fill(row: v, words: set, holderStarts: holderStarts, holders: holders, weights: weights)
            if v > 0 { rows.fill(row: v - 1, words: words.version[v - 1], holderStarts: holderStarts, holders: holders, weights: weights) }
            if v + 1 < versionCount { rows.fill(row: v + 1, words: words.version[v + 1], holderStarts: holderStarts, holders: holders, weights: weights) }
            // (The source sentences' signatures are made when a version sentence first holds a common
            // word: a short text has next to none.)
            if bounded, !rows.signed, rows.holdsCommonWords { rows.sign(words.source, holderStarts: holderStarts) }
            let (shared, touched, touchedCount) = rows.counts(row: v)
            // The `candidateLimit` sentences sharing the most words (the earlier first among equals), in
            // that order: picked as they come, since `touched` grows with the text but the pick does not.
            // (a before b: more shared words, or as many and earlier.)
            var topCount = 0
            // (Read by place: a slice of a buffer is read through generic code.)
            for place in 0..<touchedCount {
                let s = touched[place], count = shared[s]
                if topCount >= candidateLimit, topCount > 0, case let last = top[topCount - 1],
                   !(count > shared[last] || (count == shared[last] && s < last)) { continue }
                top[topCount] = s
                topCount += 1
                var k = topCount - 1
                while k > 0, count > shared[top[k - 1]] || (count == shared[top[k - 1]] && s < top[k - 1]) { top[k] = top[k - 1]; k -= 1 }
                top[k] = s
                if topCount > candidateLimit { topCount -= 1 }
            }
            for place in 0..<topCount {
                let s = top[place]
                consider(source: s..<s + 1, version: v..<v + 1, table: singles, slot: s, first: v,
                         around: v, rows: rows, marks: &marks, into: &candidates)
                consider(source: s..<s + 2, version: v..<v + 1, table: merges, slot: s, first: v,
                         around: v, rows: rows, marks: &marks, into: &candidates)
                consider(source: s - 1..<s + 1, version: v..<v + 1, table: merges, slot: s - 1, first: v,
                         around: v, rows: rows, marks: &marks, into: &candidates)
                consider(source: s..<s + 1, version: v..<v + 2, table: splits, slot: 2 * s + v % 2, first: v,
                         around: v, rows: rows, marks: &marks, into: &candidates)
                consider(source: s..<s + 1, version: v - 1..<v + 1, table: splits, slot: 2 * s + (v - 1) % 2, first: v - 1,
                         around: v, rows: rows, marks: &marks, into: &candidates)
            }
        }
        Self.sortBestFirst(&candidates)
        var sourceTaken = [Bool](filledWith: false, count: sourceCount)
        var versionTaken = [Bool](filledWith: false, count: versionCount)
        var links: [SentenceAlignment.Link] = []
        for candidate in candidates {
            let link = candidate.link
            guard !link.source.contains(where: { sourceTaken[$0] }) && !link.version.contains(where: { versionTaken[$0] }) else { continue }
            links.append(link)
            for s in link.source { sourceTaken[s] = true }
            for v in link.version { versionTaken[v] = true }
        }
        return links
    }

    /// Which source sentences hold each word, by id: one flat list, word after word, the sentences of
    /// word w at `holders[starts[w]..<starts[w + 1]]` (rather than an array per word, which every
    /// look-up would retain and release). The source's words keep their own ids in every pair it is
    /// aligned in (joint ids number the source's words first), so the index of the source's ids alone
    /// serves every version aligned to it (`SentenceWords.SourceSets` makes it once); a version's
    /// words the source lacks, from `starts.count - 1` on, are held by none.
    struct HolderIndex {
        let starts: [Int]
        let holders: [Int32]

        /// The index of `source`'s sentences' ids, for ids below `vocabularySize`. (Made by counting:
        /// each word's count, summed into where its list ends, then the sentences placed from the
        /// last, each word's list filled from its end to its start, so that `starts[word]` ends up
        /// where it starts. Written through buffers: each write to an array first asks whether its
        /// storage is shared.)
        init(_ source: [[Int32]], vocabularySize: Int) {
            var holderStarts = [Int](filledWith: 0, count: vocabularySize + 1)
            holders = holderStarts.withUnsafeMutableBufferPointer { starts in
                for set in source { for word in set { starts[Int(word)] += 1 } }
                for word in 0..<vocabularySize { starts[word + 1] += starts[word] }
                return [Int32](unsafeUninitializedCapacity: starts[vocabularySize]) { holders, count in
                    for s in source.indices.reversed() {
                        for word in source[s] {
                            starts[Int(word)] -= 1
                            holders.initializeElement(at: starts[Int(word)], to: Int32(s))
                        }
                    }
                    count = starts[vocabularySize]
                }
            }
            starts = holderStarts
        }
    }

    /// A candidate link of `linksByWords` and its score, kept small for the sort (a link's sides hold
    /// one or two sentences). Ordered best first: the higher score, then the earlier version sentence,
    /// then the earlier source sentence, then the one found first.
    struct Candidate: Comparable {
        let score: Double, similarity: Double
        let version: Int32, source: Int32, index: Int32
        let versionCount: Int8, sourceCount: Int8

        init(score: Double, source: Range<Int>, version: Range<Int>, similarity: Double, index: Int) {
            self.score = score
            self.similarity = similarity
            self.version = Int32(truncatingIfNeeded: version.lowerBound)
            self.source = Int32(truncatingIfNeeded: source.lowerBound)
            self.index = Int32(truncatingIfNeeded: index)
            versionCount = Int8(truncatingIfNeeded: version.count)
            sourceCount = Int8(truncatingIfNeeded: source.count)
        }

        var link: SentenceAlignment.Link {
            SentenceAlignment.Link(source: Int(source)..<Int(source) + Int(sourceCount),
                                   version: Int(version)..<Int(version) + Int(versionCount), similarity: similarity)
        }

        /// Whether `a` comes before `b`.
        static func < (a: Candidate, b: Candidate) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.version != b.version { return a.version < b.version }
            if a.source != b.source { return a.source < b.source }
            return a.index < b.index
        }
    }

    /// Sorts `candidates` best first (`Candidate.<`, a total order: no two have the same index), as
    /// `sort()` would, in time linear in their number for scores spread as a text's are: placed by
    /// score into as many buckets as candidates (the bucket falls as the score rises, so every
    /// candidate of a bucket comes before every one of the next), then each bucket sorted alone. A
    /// long text has many candidates (tens of thousands), which a comparison sort's passes, each
    /// moving them all, grew faster than. (Fewer than `bucketedCount`: sorted as they are.)
    static let bucketedCount = 64

    static func sortBestFirst(_ candidates: inout [Candidate]) {
        let count = candidates.count
        guard count >= bucketedCount else { candidates.sort(); return }
        var low = Double.infinity, high = -Double.infinity
        for candidate in candidates {
            low = min(low, candidate.score)
            high = max(high, candidate.score)
        }
        // (Scores are finite: Dice plus a bonus. All equal: the order is that of the other fields.)
        guard high > low, high - low < .infinity else { candidates.sort(); return }
        // Bucket (high - score) * scale: weakly increasing as the score falls (a rounded difference
        // and product are monotone), so the buckets keep the scores' order. (Scores that differ
        // differ by far more than a subnormal, so the scale is finite; were it not, sorted as they are.)
        let scale = Double(count - 1) / (high - low)
        guard scale.isFinite else { candidates.sort(); return }
        var starts = [Int](filledWith: 0, count: count + 1)
        candidates = starts.withUnsafeMutableBufferPointer { starts in
            candidates.withUnsafeBufferPointer { candidates in
                @inline(__always) func bucket(_ score: Double) -> Int { min(count - 1, Int((high - score) * scale)) }
                for candidate in candidates { starts[bucket(candidate.score) + 1] += 1 }
                for b in 0..<count { starts[b + 1] += starts[b] }
                return [Candidate](unsafeUninitializedCapacity: count) { sorted, initialized in
                    // Placed in their order within each bucket, then each bucket sorted: by insertion
                    // when small (most hold one or two), else by `sort`.
                    for candidate in candidates {
                        let b = bucket(candidate.score)
                        sorted.initializeElement(at: starts[b], to: candidate)
                        starts[b] += 1
                    }
                    initialized = count
                    // (Each start now stands where its bucket ends, its next bucket's start.)
                    var begin = 0
                    for b in 0..<count {
                        let end = starts[b]
                        if end - begin > 16 {
                            var bucket = UnsafeMutableBufferPointer(rebasing: sorted[begin..<end])
                            bucket.sort()
                        } else if end - begin > 1 {
                            for i in begin + 1..<end {
                                let item = sorted[i]
                                var j = i
                                while j > begin, item < sorted[j - 1] { sorted[j] = sorted[j - 1]; j -= 1 }
                                sorted[j] = item
                            }
                        }
                        begin = end
                    }
                }
            }
        }
    }

    /// For the version sentences around the one `linksByWords` is at (v - 1, v and v + 1, each in slot
    /// row % 3), which source sentences share each one's words that are not too common (by the index
    /// of holders), how many of them and their summed weights; and the summed weights of its common
    /// words, which the index does not follow.
    ///
    /// A pair's shared weight (what `SentenceWords.dice` sums) is at most the shared weights of each
    /// of its version sentences with each of its source sentences, plus the common words' weights of
    /// its version sentences: a bound read off the rows, which rules out most candidate pairs before
    /// their words are compared. The counts are those by which the walk picks the candidates.
    /// (Buffers, each row cleared by the list of the sentences it touched: its entries are written at
    /// every step.)
    ///
    /// In a long text most words are common (they stand in more than `commonWordLimit` sentences), and
    /// counting a version sentence's common words whole makes the bound pass pairs that share few of
    /// them. So each row also keeps a signature of its common words (a bit each, `signatureBit`) with
    /// the summed weights by bit, and, once `sign` has made them, each source sentence keeps the
    /// signature of its own: a common word both sides hold sets the same bit in both, so the common
    /// words of a pair's version side whose bits the source side's signature holds weigh at least
    /// what the pair shares of them (`fallsShort`).
    struct SharedWeightRows {
        let sourceCount: Int, commonWordLimit: Int
        /// By slot: the row held (Int.min for none), how many source sentences it touched, and the
        /// weights of its common words.
        private let heldRows: UnsafeMutableBufferPointer<Int>
        private let touchedCounts: UnsafeMutableBufferPointer<Int>
        private let commons: UnsafeMutableBufferPointer<Double>
        /// By slot: the signature of its common words, and by slot then by bit their summed weights.
        private let commonBits: UnsafeMutableBufferPointer<UInt64>
        private let bitWeights: UnsafeMutableBufferPointer<Double>
        /// By source sentence: the signature of its common words, once `sign` has made them; and
        /// whether it has.
        private let sourceBits: UnsafeMutableBufferPointer<UInt64>
        private let signedFlag: UnsafeMutablePointer<Bool>
        /// By slot, then by source sentence: the shared words' count and weight; and by slot the
        /// touched source sentences, in the order first met.
        private let counts: UnsafeMutableBufferPointer<Int>
        private let weights: UnsafeMutableBufferPointer<Double>
        private let touched: UnsafeMutableBufferPointer<Int>

        init(sourceCount: Int, commonWordLimit: Int) {
            self.sourceCount = sourceCount
            self.commonWordLimit = commonWordLimit
            heldRows = SentenceAligner.table(count: 3, filledWith: .min)
            touchedCounts = SentenceAligner.table(count: 3, filledWith: 0)
            commons = .allocate(capacity: 3)
            commons.initialize(repeating: 0)
            commonBits = .allocate(capacity: 3)
            commonBits.initialize(repeating: 0)
            bitWeights = .allocate(capacity: 3 * 64)
            bitWeights.initialize(repeating: 0)
            sourceBits = .allocate(capacity: sourceCount)
            signedFlag = .allocate(capacity: 1)
            signedFlag.initialize(to: false)
            counts = SentenceAligner.table(count: 3 * sourceCount, filledWith: 0)
            weights = .allocate(capacity: 3 * sourceCount)
            weights.initialize(repeating: 0)
            touched = SentenceAligner.table(count: 3 * sourceCount, filledWith: 0)
        }

        func deallocate() {
            heldRows.deallocate(); touchedCounts.deallocate(); commons.deallocate()
            commonBits.deallocate(); bitWeights.deallocate(); sourceBits.deallocate(); signedFlag.deallocate()
            counts.deallocate(); weights.deallocate(); touched.deallocate()
        }

        /// Makes the slot of version sentence `row` (whose word set is `words`) hold it, if it does not.
        /// `weights`: by word id (empty: weights left 0).
        func fill(row: Int, words: [Int32], holderStarts: [Int], holders: [Int32], weights wordWeights: [Double]) {
            let slot = row % 3
            guard heldRows[slot] != row else { return }
            let base = slot * sourceCount
            for place in 0..<touchedCounts[slot] {
                let s = base + touched[base + place]
                counts[s] = 0
                weights[s] = 0
            }
            var bits = commonBits[slot]
            while bits != 0 {
                bitWeights[slot * 64 + bits.trailingZeroBitCount] = 0
                bits &= bits - 1
            }
            var touchedCount = 0, common = 0.0, signature: UInt64 = 0
            let weighed = !wordWeights.isEmpty, indexed = holderStarts.count - 1
            holderStarts.withUnsafeBufferPointer { holderStarts in
                holders.withUnsafeBufferPointer { holders in
                    wordWeights.withUnsafeBufferPointer { wordWeights in
                        for word in words {
                            // (A word past the index: one the source lacks, held by none.)
                            let (start, end) = Int(word) < indexed ? (holderStarts[Int(word)], holderStarts[Int(word) + 1]) : (0, 0)
                            let weight = weighed ? wordWeights[Int(word)] : 0
                            guard end - start <= commonWordLimit else {
                                common += weight
                                signature |= note(common: word, weight: weight, slot: slot)
                                continue
                            }
                            for place in start..<end {
                                let s = Int(holders[place])
                                if counts[base + s] == 0 { touched[base + touchedCount] = s; touchedCount += 1 }
                                counts[base + s] += 1
                                weights[base + s] += weight
                            }
                        }
                    }
                }
            }
            heldRows[slot] = row
            touchedCounts[slot] = touchedCount
            commons[slot] = common
            commonBits[slot] = signature
        }

        /// Adds common word `word`'s weight to its bit's in `slot`, and gives its bit. (Out of line:
        /// inlined, it cost the walk over the holders of the words not too common more than it does.)
        @inline(never)
        private func note(common word: Int32, weight: Double, slot: Int) -> UInt64 {
            let bit = Self.signatureBit(of: word)
            bitWeights[slot * 64 + bit] += weight
            return 1 << bit
        }

        /// Whether a row held holds a common word.
        var holdsCommonWords: Bool { commonBits[0] | commonBits[1] | commonBits[2] != 0 }

        /// Whether `sign` has made the source sentences' signatures.
        var signed: Bool { signedFlag.pointee }

        /// The bit of a common word in a signature (0..<64): the id's Fibonacci hash, so that the ids
        /// of a text's common words, numbered in order of first use, spread over the bits.
        @inline(__always)
        static func signatureBit(of word: Int32) -> Int {
            Int(truncatingIfNeeded: (UInt32(bitPattern: word) &* 0x9E37_79B9) >> 26)
        }

        /// Makes each source sentence's signature: the bits of its words held by more than
        /// `commonWordLimit` source sentences (the common words, as `fill` tells them).
        func sign(_ source: [[Int32]], holderStarts: [Int]) {
            precondition(source.count == sourceCount, "the source's sets")
            holderStarts.withUnsafeBufferPointer { starts in
                for s in source.indices {
                    var signature: UInt64 = 0
                    source[s].withUnsafeBufferPointer { set in
                        for word in set {
                            // (Without a branch: about half the words of a long text are common.)
                            let held = starts[Int(word) + 1] &- starts[Int(word)]
                            signature |= UInt64(truncatingIfNeeded: (commonWordLimit &- held) >> 63 & 1) << Self.signatureBit(of: word)
                        }
                    }
                    sourceBits[s] = signature
                }
            }
            signedFlag.pointee = true
        }

        /// Whether a pair (one or two sentences a side, the version side's rows held) whose rows'
        /// bound is `bound` shares less than half of `needed` when its version sentences' common words
        /// are narrowed to those whose bits the source side's signature holds (made by `sign`): at most
        /// the rows' bound, and at least what the pair shares. (Kept out of line: `linksByWords`
        /// inlines its walk, which calls this for the pairs the plain bound passes in a text with
        /// common words.)
        @inline(never)
        func fallsShort(version: Range<Int>, source: Range<Int>, bound: Double, of needed: Double) -> Bool {
            // (Without any common word the pair would pass too: nothing to narrow.)
            var narrowed = bound
            for row in version { narrowed -= commons[row % 3] }
            guard 2 * narrowed < needed else { return false }
            let s = source.lowerBound
            let sideBits = sourceBits[s] | (source.count == 2 ? sourceBits[s + 1] : 0)
            for row in version {
                let slot = row % 3
                assert(heldRows[slot] == row, "a row filled")
                var bits = commonBits[slot] & sideBits
                while bits != 0 {
                    narrowed += bitWeights[slot &* 64 &+ bits.trailingZeroBitCount]
                    bits &= bits &- 1
                }
            }
            return 2 * narrowed < needed
        }

        /// Row `row`'s shared counts by source sentence and the source sentences it touched (the first
        /// `touchedCount`), in place.
        func counts(row: Int) -> (shared: UnsafeMutableBufferPointer<Int>, touched: UnsafeMutableBufferPointer<Int>, touchedCount: Int) {
            let slot = row % 3
            precondition(heldRows[slot] == row, "a row filled")
            let range = slot * sourceCount..<(slot + 1) * sourceCount
            return (UnsafeMutableBufferPointer(rebasing: counts[range]), UnsafeMutableBufferPointer(rebasing: touched[range]), touchedCounts[slot])
        }

        /// How many of version sentence `row`'s words that are not too common source sentence `s`
        /// holds: at most how many words the two share. (Unchecked but for debugging, as `row`.)
        func sharedCount(row: Int, source s: Int) -> Int {
            let slot = row % 3
            assert(heldRows[slot] == row, "a row filled")
            return counts[slot * sourceCount + s]
        }

        /// Version sentence `row`'s summed weights of the words it shares with each source sentence
        /// that are not too common, by source sentence, and of its too common words. (Unchecked but
        /// for debugging: read for every candidate pair.)
        func row(_ row: Int) -> (weights: UnsafeMutablePointer<Double>, common: Double) {
            let slot = row % 3
            assert(heldRows[slot] == row, "a row filled")
            return (weights.baseAddress.unsafelyUnwrapped + slot * sourceCount, commons[slot])
        }
    }

    /// A table of `count` integers, each `value`, for a walk to write in place; the caller deallocates it.
    fileprivate static func table(count: Int, filledWith value: Int) -> UnsafeMutableBufferPointer<Int> {
        let table = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        table.initialize(repeating: value)
        return table
    }

    /// Links by position for the sentences left between matched ones: "a, ?, c" against "A, B, C"
    /// pairs ? with B when they share at least `minimum` of their words (a free rendering shares few).
    /// Runs before the first match and after the last are filled the same way from the match
    /// outwards, and stop at the first pair under `minimum`: a text often begins or ends with what the
    /// other lacks.
    static func fillGaps(_ links: [SentenceAlignment.Link], sourceCount: Int, versionCount: Int,
                         words: SentenceWords, minimum: Double) -> [SentenceAlignment.Link] {
        guard !links.isEmpty else { return [] }
        var sourceOf = [Int?](filledWith: nil, count: versionCount)
        var taken = [Bool](filledWith: false, count: sourceCount)
        for link in links {
            for (offset, v) in link.version.enumerated() { sourceOf[v] = offset == 0 ? link.source.lowerBound : link.source.upperBound - 1 }
            for s in link.source { taken[s] = true }
        }
        var added: [SentenceAlignment.Link] = []
        func pair(_ v: Int, _ s: Int) -> Bool {
            guard (0..<sourceCount).contains(s), !taken[s] else { return false }
            let similarity = words.dice(version: v..<v + 1, source: s..<s + 1)
            guard similarity >= minimum else { return false }
            added.append(SentenceAlignment.Link(source: s..<s + 1, version: v..<v + 1, similarity: similarity, byPosition: true))
            taken[s] = true
            sourceOf[v] = s
            return true
        }
        var v = 0
        while v < versionCount {
            guard sourceOf[v] == nil else { v += 1; continue }
            var end = v
            while end < versionCount, sourceOf[end] == nil { end += 1 }
            let previous = v > 0 ? sourceOf[v - 1] : nil
            let next = end < versionCount ? sourceOf[end] : nil
            if let previous {
                // Forwards from the match before, up to the match after.
                var s = previous + 1
                for k in v..<end {
                    guard s < (next ?? sourceCount), pair(k, s) else { break }
                    s += 1
                }
            } else if let next {
                // The run before the first match: backwards from it.
                var s = next - 1
                for k in stride(from: end - 1, through: v, by: -1) {
                    guard s >= 0, pair(k, s) else { break }
                    s -= 1
                }
            }
            v = end
        }
        return added
    }

    private static func relative(_ range: Range<Int>, _ count: Int) -> Double {
        let middle = Double(range.lowerBound + range.upperBound - 1) / 2
        return count <= 1 ? 0.5 : middle / Double(count - 1)
    }

    // MARK: Across languages

    /// Gale and Church's alignment on sentence lengths (in scalars), in order, within a band around the
    /// pinned pairs (or the diagonal); a shared number or name lowers a link's cost.
    private func linksByLength(source: Document, version: Document, words: SentenceWords) -> [SentenceAlignment.Link] {
        let n = source.sentences.count, m = version.sentences.count
        guard n > 0, m > 0 else { return [] }
        let sourceLengths = source.sentences.map { Double($0.span.length) }
        let versionLengths = version.sentences.map { Double($0.span.length) }
        let ratio = words.lengthRatio(source: sourceLengths, version: versionLengths)
        // The band follows the sentence pairs pinned by a number or name (see `SentenceWords.pins`),
        // straight between them, and is 12 sentences wide on each side plus the most one side gains on
        // the other between two pins, in this stretch or a neighbouring one. Without pins that is the
        // diagonal and 12 + |n − m|, which grows with the text when it drops or adds passages
        // throughout; pins keep it to the local drift. Should the pinned band leave no path to the
        // end (a pin of a passage moved far), the diagonal band of 12 + |n − m| is used.
        var knots: [(i: Double, j: Double)] = [(0, 0)]
        for pin in words.pins() { knots.append((Double(pin.source) + 0.5, Double(pin.version) + 0.5)) }
        knots.append((Double(n), Double(m)))
        // Each stretch between two pins gets its own half-width, so one dropped passage widens the
        // band only around it, and the work per sentence stays the same however long the text.
        var drifts: [Int] = []
        for k in knots.indices.dropLast() {
            drifts.append(Int(abs((knots[k + 1].i - knots[k].i) - (knots[k + 1].j - knots[k].j)).rounded(.up)))
        }
        var centers = [Int](filledWith: 0, count: n + 1)
        var bands = [Int](filledWith: 0, count: n + 1)
        var knot = 0
        for i in 0...n {
            while knot + 2 < knots.count && knots[knot + 1].i <= Double(i) { knot += 1 }
            let (a, b) = (knots[knot], knots[knot + 1])
            centers[i] = Int((a.j + (Double(i) - a.i) * (b.j - a.j) / (b.i - a.i)).rounded())
            let local = drifts[max(0, knot - 1)...min(drifts.count - 1, knot + 1)].max()!
            bands[i] = 12 + local
        }
        let sourceAnchors = FlatSets(words.sourceAnchors), versionAnchors = FlatSets(words.versionAnchors)
        // Moves (source sentences, version sentences, prior cost).
        let moves: [(Int, Int, Double)] = [(1, 1, 0.12), (1, 0, 4.6), (0, 1, 4.6), (2, 1, 2.4), (1, 2, 2.4)]
        func cost(_ s: Range<Int>, _ v: Range<Int>) -> Double {
            let ls = s.reduce(0) { $0 + sourceLengths[$1] }, lv = v.reduce(0) { $0 + versionLengths[$1] }
            let mean = (ls + lv / ratio) / 2
            let delta = (lv - ls * ratio) / (6.8 * max(1, mean)).squareRoot()
            let anchors = Double(sourceAnchors.sharedCount(with: versionAnchors, s, v))
            return delta * delta / 2 - 1.5 * min(anchors, 3)
        }
        // The dynamic program in the band; nil when the band leaves no path to the end.
        func solve(centers: [Int], bands: [Int]) -> [SentenceAlignment.Link]? {
            // Row i holds columns centers[i] − bands[i] ... centers[i] + bands[i], from rowStarts[i] on.
            var rowStarts = [Int](filledWith: 0, count: n + 2)
            for i in 0...n { rowStarts[i + 1] = rowStarts[i] + 2 * bands[i] + 1 }
            func cell(_ i: Int, _ j: Int) -> Int? {
                let offset = j - centers[i] + bands[i]
                return offset >= 0 && offset <= 2 * bands[i] ? rowStarts[i] + offset : nil
            }
            guard let origin = cell(0, 0), let end = cell(n, m) else { return nil }
            var table = [Double](filledWith: .infinity, count: rowStarts[n + 1])
            var back = [Int8](filledWith: -1, count: rowStarts[n + 1])
            table[origin] = 0
            for i in 0...n {
                let center = centers[i], band = bands[i]
                guard max(0, center - band) <= min(m, center + band) else { continue }
                for j in max(0, center - band)...min(m, center + band) {
                    guard let c = cell(i, j), !(i == 0 && j == 0) else { continue }
                    var best = Double.infinity, move: Int8 = -1
                    for (k, (ds, dv, prior)) in moves.enumerated() where i >= ds && j >= dv {
                        guard let pc = cell(i - ds, j - dv) else { continue }
                        let previous = table[pc]
                        guard previous.isFinite else { continue }
                        let step = ds == 0 || dv == 0 ? prior : prior + cost(i - ds..<i, j - dv..<j)
                        if previous + step < best { best = previous + step; move = Int8(k) }
                    }
                    table[c] = best
                    back[c] = move
                }
            }
            guard table[end].isFinite else { return nil }
            var links: [SentenceAlignment.Link] = []
            var i = n, j = m
            while i > 0 || j > 0, let c = cell(i, j), back[c] >= 0 {
                let (ds, dv, _) = moves[Int(back[c])]
                if ds > 0 && dv > 0 {
                    let s = i - ds..<i, v = j - dv..<j
                    let fit = Foundation.exp(-max(0, cost(s, v)) / 4)
                    links.append(SentenceAlignment.Link(source: s, version: v, similarity: fit, byPosition: true))
                }
                i -= ds
                j -= dv
            }
            return links
        }
        // The band along the pins; should it leave no path, the diagonal band wide enough for any.
        let links = solve(centers: centers, bands: bands)
            ?? solve(centers: (0...n).map { Int((Double($0) * Double(m) / Double(n)).rounded()) },
                     bands: [Int](filledWith: 12 + abs(n - m), count: n + 1))
            ?? []
        return links.reversed()
    }
}

/// Sorted id sets of one or two neighbouring sentences in one flat array (entry 2k: sentence k;
/// 2k + 1: sentences k and k + 1), for the aligner's innermost steps (the dynamic program's anchors,
/// the Dice of every candidate pair), which would otherwise spend their time retaining and releasing
/// the arrays of an array. With weights, each id's weight sits beside it, so that comparing two
/// entries reads memory in order rather than a vocabulary-long table at random, and each entry's
/// summed weight is kept.
fileprivate struct FlatSets {
    private var values: [Int32] = []
    private var starts: [Int] = [0]
    /// `weights[values[i]]`, by i; empty without weights.
    private var valueWeights: [Double] = []
    /// The summed weights of each entry's ids, in their order; empty without weights.
    private var sums: [Double] = []
    /// Whether each two-sentence entry holds its ids (else it holds none, and only its sum is kept).
    private(set) var holdsUnions = true

    /// The sets of `singles`, each sentence's sorted ids, and of each sentence with the next (the union
    /// of the two, merged in place: no array of its own per pair, which made a quarter of the words'
    /// cost for an article). With `weights`, by id, for the weighted sums.
    /// `unions`: whether the two-sentence entries hold their ids. Without them (with `weights` only)
    /// each holds none but keeps its sum, added in the same order as the merge meets the ids: all
    /// that the aligner's walk reads of a version's pairs (it marks their words sentence by sentence).
    init(_ singles: [[Int32]], weights: [Double]? = nil, unions: Bool = true) {
        precondition(unions || weights != nil, "sums kept for unions without ids")
        // A union holds no more than both sentences: room for every entry at once.
        let total = singles.reduce(0) { $0 + $1.count }
        starts.reserveCapacity(2 * singles.count + 1)
        var ends: [Int] = []
        ends.reserveCapacity(2 * singles.count)
        holdsUnions = unions
        // Without the unions' ids: each union's sum, by its first sentence.
        var unionSums = [Double](filledWith: 0, count: unions ? 0 : singles.count)
        if !unions, let weights {
            weights.withUnsafeBufferPointer { weights in
                unionSums.withUnsafeMutableBufferPointer { unionSums in
                    for k in singles.indices.dropLast() {
                        singles[k].withUnsafeBufferPointer { a in
                            singles[k + 1].withUnsafeBufferPointer { b in
                                var sum = 0.0
                                SortedIds.forEachInUnion(a, b) { sum += weights[Int($0)] }
                                unionSums[k] = sum
                            }
                        }
                    }
                }
            }
        }
        values = [Int32](unsafeUninitializedCapacity: unions ? 3 * total : total) { buffer, count in
            count = 0
            for k in singles.indices {
                singles[k].withUnsafeBufferPointer { a in
                    for id in a { buffer[count] = id; count += 1 }
                    ends.append(count)
                    guard unions, k + 1 < singles.count else { return }
                    singles[k + 1].withUnsafeBufferPointer { b in
                        SortedIds.forEachInUnion(a, b) { buffer[count] = $0; count += 1 }
                    }
                }
                ends.append(count)
            }
        }
        starts += ends
        guard let weights else { return }
        // Each value's weight, and each entry's sum from 0 in the values' order (as `reduce(0, +)`
        // adds them), written in place: a value's weight appended to an array cost four times as
        // much as its look-up.
        let starts = starts
        (valueWeights, sums) = values.withUnsafeBufferPointer { values in
            weights.withUnsafeBufferPointer { weights in
                starts.withUnsafeBufferPointer { starts in
                    let entryCount = starts.count - 1
                    var entrySums: [Double] = []
                    let valueWeights = [Double](unsafeUninitializedCapacity: values.count) { valueWeights, count in
                        entrySums = [Double](unsafeUninitializedCapacity: entryCount) { sums, sumCount in
                            for entry in 0..<entryCount {
                                if !unions && entry % 2 == 1 { sums.initializeElement(at: entry, to: unionSums[entry / 2]); continue }
                                var sum = 0.0
                                for i in starts[entry]..<starts[entry + 1] {
                                    let weight = weights[Int(values[i])]
                                    valueWeights.initializeElement(at: i, to: weight)
                                    sum += weight
                                }
                                sums.initializeElement(at: entry, to: sum)
                            }
                            sumCount = entryCount
                        }
                        count = values.count
                    }
                    return (valueWeights, entrySums)
                }
            }
        }
    }

    /// The entry of sentences `range`, if it is one or two of them.
    static func entry(_ range: Range<Int>) -> Int? {
        range.count == 1 || range.count == 2 ? entry(ofOneOrTwo: range) : nil
    }

    /// The entry of sentences `range`, which the caller knows to be one or two of them (on the
    /// aligner's hot paths, with no optional to unwrap): sentence k's entry is 2k, the pair k, k + 1's
    /// 2k + 1.
    @inline(__always)
    static func entry(ofOneOrTwo range: Range<Int>) -> Int { 2 * range.lowerBound + range.count - 1 }

    /// How many ids `entry` holds.
    func count(_ entry: Int) -> Int { starts[entry + 1] - starts[entry] }

    /// The summed weights of `entry`'s ids.
    func weight(_ entry: Int) -> Double {
        precondition(!sums.isEmpty, "weighted sets")
        return sums[entry]
    }

    /// How many values sentences `range` (one or two) share with sentences `other` of `sets`.
    func sharedCount(with sets: FlatSets, _ range: Range<Int>, _ other: Range<Int>) -> Int {
        sharedCount(with: sets, Self.entry(range)!, Self.entry(other)!)
    }

    /// How many values `entry` shares with entry `other` of `sets`.
    func sharedCount(with sets: FlatSets, _ entry: Int, _ other: Int) -> Int {
        values.withUnsafeBufferPointer { x in
            sets.values.withUnsafeBufferPointer { y in
                SortedIds.sharedCount(UnsafeBufferPointer(rebasing: x[starts[entry]..<starts[entry + 1]]),
                                      UnsafeBufferPointer(rebasing: y[sets.starts[other]..<sets.starts[other + 1]]))
            }
        }
    }

    /// The summed weights of `entry`'s values whose `marks` have a bit of `mask`, added in
    /// increasing order of the values. Branch-free: an unmarked value adds its weight times 0, which
    /// leaves the sum as it was.
    func markedWeight(_ entry: Int, marks: [UInt8], mask: UInt8) -> Double {
        values.withUnsafeBufferPointer { x in
            valueWeights.withUnsafeBufferPointer { w in
                marks.withUnsafeBufferPointer { marks in
                    var shared = 0.0
                    for i in starts[entry]..<starts[entry + 1] {
                        shared += w[i] * Double(marks[Int(x[i])] & mask != 0 ? 1 : 0)
                    }
                    return shared
                }
            }
        }
    }

    /// How many of `entry`'s values have a bit of `mask` in `marks`. Branch-free, as `markedWeight`.
    func markedCount(_ entry: Int, marks: [UInt8], mask: UInt8) -> Int {
        values.withUnsafeBufferPointer { x in
            marks.withUnsafeBufferPointer { marks in
                var count = 0
                for i in starts[entry]..<starts[entry + 1] { count += marks[Int(x[i])] & mask != 0 ? 1 : 0 }
                return count
            }
        }
    }

    /// Gives each of `entry`'s values `bit` in `marks` (`on`), or takes it away (not `on`).
    func mark(_ entry: Int, in marks: inout [UInt8], bit: UInt8, on: Bool) {
        // (Through a buffer: each write to the array would first ask whether its storage is shared.)
        let keep: UInt8 = on ? 0xFF : ~bit, add: UInt8 = on ? bit : 0
        marks.withUnsafeMutableBufferPointer { marks in
            values.withUnsafeBufferPointer { values in
                for i in starts[entry]..<starts[entry + 1] {
                    let value = Int(values[i])
                    marks[value] = marks[value] & keep | add
                }
            }
        }
    }

    /// The summed weights of the values `entry` shares with entry `other` of `sets`, added in
    /// increasing order of the values (as a merge of the two sorted lists meets them).
    func sharedWeight(with sets: FlatSets, _ entry: Int, _ other: Int) -> Double {
        values.withUnsafeBufferPointer { x in
            valueWeights.withUnsafeBufferPointer { w in
                sets.values.withUnsafeBufferPointer { y in
                    var i = starts[entry], j = sets.starts[other], shared = 0.0
                    let iEnd = starts[entry + 1], jEnd = sets.starts[other + 1]
                    while i < iEnd && j < jEnd {
                        if x[i] == y[j] { shared += w[i]; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
                    }
                    return shared
                }
            }
        }
    }
}

/// The word sets of every sentence of a source and a version, as sorted integer ids, and the anchors
/// (numbers, capitalized words) that survive translation.
struct SentenceWords {
    /// A word's weight by its Zipf frequency in the text's language: rare words weigh more (up to
    /// 1.5), the commonest less (down to 0.1). Every weighing of words by the word list goes through
    /// here, so that sums made in different places are the same sums.
    static func weight(zipf: Float) -> Double { min(1.5, max(0.1, (6.5 - Double(zipf)) / 3)) }

    let source: [[Int32]]
    let version: [[Int32]]
    /// The anchors, for texts in two languages: empty for words `weighted` (texts in one language,
    /// which the aligner matches by their words and never by their anchors), so that they are
    /// neither made for each document nor renumbered for each pair.
    let sourceAnchors: [[Int32]]
    let versionAnchors: [[Int32]]
    let vocabularySize: Int
    /// Each word's weight, by id (empty for words not `weighted`).
    let wordWeights: [Double]
    /// The words of each sentence and neighbour pair with their weights and summed weights, for
    /// `dice`, `plainDice` and `shared`, which the aligner calls for every candidate pair.
    private let sourceSets: FlatSets
    private let versionSets: FlatSets
    /// The source's index of holders, when the caller's `SourceSets` were taken (nil: `linksByWords`
    /// makes it).
    let sourceHolders: SentenceAligner.HolderIndex?

    /// `weighted`: whether the words are weighed (each word by how much sharing it says about two
    /// sentences, from its Zipf frequency), as `dice` needs.
    /// `toJoint`: `jointIds(source:version:)` of the two texts' words, when the caller has them (nil:
    /// looked up).
    /// `sourceSets`: the source's weighed sets, when the caller has them for `language`.
    init(source: Document, version: Document, language: String?, weighted: Bool, toJoint known: JointIds? = nil,
         sourceSets given: SourceSets? = nil) {
        let sourceWords = DocumentWords.of(source), versionWords = DocumentWords.of(version)
        let (toJoint, vocabularySize) = known ?? Self.jointIds(source: sourceWords, version: versionWords)
        func sets(_ words: DocumentWords, _ map: [Int32]?) -> (words: [[Int32]], anchors: [[Int32]]) {
            guard let map else { return (words.sentences, weighted ? [] : words.anchors) }
            return (words.sentences.map { SortedIds.sortedUnique($0.map { map[Int($0)] }) },
                    weighted ? [] : words.anchors.map { SortedIds.sortedUnique($0.map { map[Int($0)] }) })
        }
        (self.source, sourceAnchors) = sets(sourceWords, nil)
        (self.version, versionAnchors) = sets(versionWords, toJoint)
        self.vocabularySize = vocabularySize
        guard weighted else {
            wordWeights = []
            sourceHolders = nil
            sourceSets = FlatSets(self.source)
            versionSets = FlatSets(self.version)
            return
        }
        var weights = [Double](filledWith: 1, count: vocabularySize)
        if let language, WordFrequencies.builtIn.knows(language) {
            // Common words ("the", "said") say little; rare ones and names say much.
            let sourceZipf = sourceWords.zipf(in: language, of: source), versionZipf = versionWords.zipf(in: language, of: version)
            // (Written through buffers: each write to an array first asks whether its storage is shared.)
            weights.withUnsafeMutableBufferPointer { weights in
                toJoint.withUnsafeBufferPointer { toJoint in
                    for (id, zipf) in sourceZipf.enumerated() { weights[id] = Self.weight(zipf: zipf) }
                    for (local, zipf) in versionZipf.enumerated() where Int(toJoint[local]) >= sourceZipf.count {
                        weights[Int(toJoint[local])] = Self.weight(zipf: zipf)
                    }
                }
            }
        } else {
            // Without a word list: the words' rarity across the sentences of both texts.
            var holders = [Int](filledWith: 0, count: vocabularySize)
            for set in self.source + self.version { for id in set { holders[Int(id)] += 1 } }
            let total = Double(self.source.count + self.version.count)
            for id in weights.indices { weights[id] = min(1.5, max(0.1, Foundation.log(total / Double(holders[id])) / 2)) }
        }
        // (The source's sets read only its words' weights, which with a word list are its own.)
        if let given, given.language == language, WordFrequencies.builtIn.knows(given.language) {
            sourceSets = given.sets
            sourceHolders = given.holders
        } else {
            sourceSets = FlatSets(self.source, weights: weights)
            sourceHolders = nil
        }
        // (The walk reads the version's pairs by their sums and its sentences' marks: their ids are
        // merged only for a fallback that asks, `versionEntry`.)
        versionSets = FlatSets(self.version, weights: weights, unions: false)
        wordWeights = weights
    }

    /// A source's weighed sets (its sentences' `FlatSets`, each word weighed by its Zipf frequency in
    /// `language`'s word list) as `init` makes them for texts in one language: with a word list they
    /// depend on the source and the language alone, so that a caller aligning several versions to one
    /// source (`Collation`) makes them once.
    struct SourceSets {
        fileprivate let sets: FlatSets
        let language: String
        /// Which of its sentences hold each of its words, for `linksByWords`.
        let holders: SentenceAligner.HolderIndex

        /// nil when `language` has no word list: then the weights depend on the version too.
        init?(of source: Document, language: String?) {
            guard let language, WordFrequencies.builtIn.knows(language) else { return nil }
            let words = DocumentWords.of(source)
            let weights = words.zipf(in: language, of: source).map { SentenceWords.weight(zipf: $0) }
            sets = FlatSets(words.sentences, weights: weights)
            holders = SentenceAligner.HolderIndex(words.sentences, vocabularySize: words.keys.count)
            self.language = language
        }
    }

    /// By the version's word id, its joint id: ids in order of first appearance, the source's words
    /// first (the source's own numbering), then the version's words the source lacks, in the
    /// version's order.
    static func jointIds(source sourceWords: DocumentWords, version versionWords: DocumentWords) -> JointIds {
        var vocabularySize = sourceWords.keys.count
        var toJoint = [Int32](filledWith: 0, count: versionWords.keys.count)
        let versionKeys = versionWords.keys
        toJoint.withUnsafeMutableBufferPointer { toJoint in
            versionWords.forEachKeyHash { local, hash in
                if let id = sourceWords.ids.number(of: versionKeys[local], hash: hash) {
                    toJoint[local] = Int32(id)
                } else {
                    toJoint[local] = Int32(vocabularySize)
                    vocabularySize += 1
                }
            }
        }
        return (toJoint, vocabularySize)
    }

    /// By the version's word id, its joint id; and how many joint ids there are (the source's words
    /// and the version's it lacks; counted, not listed: only their number is needed).
    typealias JointIds = (ids: [Int32], vocabularySize: Int)

    /// The joint ids of the other direction, with no word looked up: given `toJoint`, the
    /// `jointIds(source: a, version: b)` of texts of which `a` has `sourceCount` words, the
    /// `jointIds(source: b, version: a)`. (A word both hold is the one pair of ids joined; the
    /// words of `a` that `b` lacks follow `b`'s, in `a`'s order.)
    static func invertedJointIds(_ toJoint: [Int32], sourceCount: Int) -> JointIds {
        var inverted = [Int32](filledWith: -1, count: sourceCount)
        let vocabularySize = inverted.withUnsafeMutableBufferPointer { inverted in
            for (local, id) in toJoint.enumerated() where Int(id) < sourceCount { inverted[Int(id)] = Int32(local) }
            var next = Int32(toJoint.count)
            for local in 0..<sourceCount where inverted[local] < 0 { inverted[local] = next; next += 1 }
            return Int(next)
        }
        return (inverted, vocabularySize)
    }

    /// For a source and a version of one sentence each: whether they share a word, and `dice` and
    /// `plainDice` of the two sentences, as `soleSentences` gives them.
    ///
    /// A version that writes the source's words as they are (the same keys in the same order: a text
    /// left as it was, the trivial pair of a feed) is told by one walk over the two sentences' tokens,
    /// with no words numbered or weighed: its word sets are the source's, so the weights summed on
    /// each side are the same sums in the same order, and both likenesses are exactly 1 (0 for
    /// sentences with no word, which share none). The walk is tried only when the two texts are as
    /// long and hold as many words (a cheap screen; texts that fail it take `soleSentences`).
    static func soleLikeness(source: Document, version: Document, language: String?) -> (sharesWord: Bool, dice: Double, plainDice: Double) {
        if source.wordCount == version.wordCount, source.text.utf8.count == version.text.utf8.count,
           let words = sameWordCount(source.sentences[0].tokens, of: source, version.sentences[0].tokens, of: version) {
            return words > 0 ? (true, 1, 1) : (false, 0, 0)
        }
        let sole = soleSentences(source: source, version: version, language: language)
        return (sole.shared > 0, sole.dice, sole.plainDice)
    }

    /// The number of words of `a`'s tokens `aRange` if `b`'s tokens `bRange` write the same words
    /// (word-like tokens of keys equal byte for byte) in the same order; nil if they do not. (The
    /// tokens read in place: a copy of each retains its strings.)
    static func sameWordCount(_ aRange: Range<Int>, of a: Document, _ bRange: Range<Int>, of b: Document) -> Int? {
        a.tokens.withUnsafeBufferPointer { x in
            b.tokens.withUnsafeBufferPointer { y in
                var i = aRange.lowerBound, j = bRange.lowerBound, count = 0
                while true {
                    while i < aRange.upperBound && !x[i].isWordLike { i += 1 }
                    while j < bRange.upperBound && !y[j].isWordLike { j += 1 }
                    guard i < aRange.upperBound, j < bRange.upperBound else {
                        return i == aRange.upperBound && j == bRange.upperBound ? count : nil
                    }
                    guard KeyNumbering.equal(x[i].key, y[j].key) else { return nil }
                    i += 1
                    j += 1
                    count += 1
                }
            }
        }
    }

    /// For a source and a version of one sentence each: how many distinct words the two share, and
    /// `dice` and `plainDice` of the two sentences, as `init(source:version:language:weighted: true)`
    /// would give them (the same ids, the same weights, summed in the same order), without its tables
    /// for merges and splits or a weight for every word of the vocabulary.
    static func soleSentences(source: Document, version: Document, language: String?) -> (shared: Int, dice: Double, plainDice: Double) {
        let sourceWords = DocumentWords.of(source), versionWords = DocumentWords.of(version)
        let sourceCount = sourceWords.keys.count, versionKeys = versionWords.keys, versionCount = versionKeys.count
        // A text of one sentence writes every word of its numbering there: the source's set is its
        // ids 0..<sourceCount, and the version's, by joint id (as `init` numbers them), the source's
        // ids of the words the source writes too, then its other words from `sourceCount` on, in the
        // version's order. So each set's weights are summed in increasing order of joint ids (as
        // `init`'s sorted sets and `FlatSets.sharedWeight` meet them) by walking the source's ids,
        // each marked where the version writes it, and then the version's other words in order:
        // the same sums in the same order, with no list of joint ids made or sorted.
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: sourceCount + versionCount) { room in
            // Which source ids the version writes; then, by version word, whether the source writes it.
            let written = UnsafeMutableBufferPointer(rebasing: room[..<sourceCount])
            let shares = UnsafeMutableBufferPointer(rebasing: room[sourceCount...])
            written.initialize(repeating: false)
            shares.initialize(repeating: false)
            var shared = 0
            versionWords.forEachKeyHash { local, hash in
                if let id = sourceWords.ids.number(of: versionKeys[local], hash: hash) {
                    written[id] = true
                    shares[local] = true
                    shared += 1
                }
            }
            // Each word's weight as `init` gives it: by the word list, the source's Zipf frequency for
            // the source's words and the version's for its own; without one, by how many of the two
            // sentences hold it.
            func weight(holders: Int) -> Double { min(1.5, max(0.1, Foundation.log(2 / Double(holders)) / 2)) }
            var sourceWeight = 0.0, versionWeight = 0.0, sharedWeight = 0.0
            if let language, WordFrequencies.builtIn.knows(language) {
                let sourceZipf = sourceWords.zipf(in: language, of: source)
                for id in 0..<sourceCount {
                    let weight = Self.weight(zipf: sourceZipf[id])
                    sourceWeight += weight
                    if written[id] { versionWeight += weight; sharedWeight += weight }
                }
                // The version's words the source lacks, each looked up alone (the version is read once),
                // in increasing order of their ids: each at its first token (the first holding an id one
                // past the ids before it, as `DocumentWords.zipf(in:of:)` finds it), read off one walk
                // over the tokens that stops at the last word lacking, with no list of first tokens made.
                var lacking = versionCount - shared
                if lacking > 0 {
                    let frequencies = WordFrequencies.builtIn, languageIndex = frequencies.languageIndex(of: language)
                    let rows = DocumentWordRows.of(version), keys = versionWords.keys
                    versionWords.tokenIds.withUnsafeBufferPointer { tokenIds in
                        var next: Int32 = 0
                        for token in tokenIds.indices where tokenIds[token] == next {
                            if !shares[Int(next)] {
                                let zipf = rows.zipf(ofToken: token, key: keys[Int(next)], in: language, languageIndex: languageIndex)
                                versionWeight += Self.weight(zipf: zipf)
                                lacking -= 1
                                if lacking == 0 { break }
                            }
                            next += 1
                        }
                    }
                }
            } else {
                for id in 0..<sourceCount {
                    let weight = weight(holders: written[id] ? 2 : 1)
                    sourceWeight += weight
                    if written[id] { versionWeight += weight; sharedWeight += weight }
                }
                let own = weight(holders: 1)
                for local in 0..<versionCount where !shares[local] { versionWeight += own }
            }
            let total = versionWeight + sourceWeight
            let sizes = versionCount + sourceCount
            return (shared, total > 0 ? 2 * sharedWeight / total : 0, sizes > 0 ? 2 * Double(shared) / Double(sizes) : 0)
        }
    }

    /// The flat sets' entries of `version` and `source`. The aligner scores one or two sentences a
    /// side (a pair, a merge, a split), which are all the flat sets hold.
    private func entries(_ version: Range<Int>, _ source: Range<Int>) -> (version: Int, source: Int) {
        guard let a = FlatSets.entry(version), let b = FlatSets.entry(source) else {
            preconditionFailure("sentence ranges of one or two sentences only, not \(version) and \(source)")
        }
        return (a, b)
    }

    /// The version's flat sets holding the ids of version sentences `range` (one or two), and its
    /// entry there: `versionSets`, or, for two sentences where those hold only the pair's sum, the
    /// pair's sets made apart (the same ids and weights, so the same sums).
    private func versionEntry(_ range: Range<Int>) -> (sets: FlatSets, entry: Int) {
        guard range.count == 2, !versionSets.holdsUnions else { return (versionSets, FlatSets.entry(ofOneOrTwo: range)) }
        return (FlatSets([version[range.lowerBound], version[range.lowerBound + 1]], weights: wordWeights), 1)
    }

    /// The Dice coefficient of the words of version sentences `version` and source sentences
    /// `source`, each word counted by its weight (the words must be `weighted`).
    func dice(version: Range<Int>, source: Range<Int>) -> Double {
        let (_, b) = entries(version, source)
        let (versionSets, a) = versionEntry(version)
        let shared = versionSets.sharedWeight(with: sourceSets, a, b)
        let total = versionSets.weight(a) + sourceSets.weight(b)
        return total > 0 ? 2 * shared / total : 0
    }

    /// The summed weights of the words of version sentences `version` and source sentences `source`:
    /// the denominator of `dice(version:source:)`.
    @inline(__always)
    func totalWeight(version: Range<Int>, source: Range<Int>) -> Double {
        versionSets.weight(FlatSets.entry(ofOneOrTwo: version)) + sourceSets.weight(FlatSets.entry(ofOneOrTwo: source))
    }

    /// Which of the version sentences v - 1, v and v + 1 hold each word (in its entry by id, bit
    /// k % 3 for sentence k: three sentences in a row have three bits, and a sentence keeps its bit
    /// while the marks move on by one, so that each is marked once and cleared once), for scoring the pairs that hold version sentence v: `dice(version:source:marks:)`
    /// then reads each source word once against the marks, instead of merging two sorted lists, a
    /// branch at every step that the processor cannot foresee.
    struct VersionMarks {
        fileprivate var bits: [UInt8]
        /// The version sentence v the marks are around; nil before any.
        fileprivate(set) var center: Int?

        init(vocabularySize: Int) { bits = [UInt8](filledWith: 0, count: vocabularySize) }
    }

    /// Marks the words of version sentences v - 1, v and v + 1, clearing the marks of the sentences
    /// marked before that are not among them.
    func mark(_ marks: inout VersionMarks, around v: Int) {
        let sentences = { (v: Int) in max(0, v - 1)..<min(version.count, v + 2) }
        let new = sentences(v), old = marks.center.map(sentences) ?? 0..<0
        for k in old where !new.contains(k) { versionSets.mark(2 * k, in: &marks.bits, bit: 1 << (k % 3), on: false) }
        for k in new where !old.contains(k) { versionSets.mark(2 * k, in: &marks.bits, bit: 1 << (k % 3), on: true) }
        marks.center = v
    }

    /// `dice(version:source:)` of a pair of one or two sentences on each side whose version
    /// sentences lie around the one `marks` are around: the same sum, in the same order.
    func dice(version: Range<Int>, source: Range<Int>, marks: VersionMarks) -> Double {
        guard let center = marks.center, let a = FlatSets.entry(version), let b = FlatSets.entry(source),
              version.lowerBound >= center - 1, version.upperBound <= center + 2 else {
            return dice(version: version, source: source)
        }
        let mask = version.reduce(UInt8(0)) { $0 | 1 << ($1 % 3) }
        let shared = sourceSets.markedWeight(b, marks: marks.bits, mask: mask)
        let total = versionSets.weight(a) + sourceSets.weight(b)
        return total > 0 ? 2 * shared / total : 0
    }

    /// `shared(version:source:)` of a pair of one or two sentences on each side whose version
    /// sentences lie around the one `marks` are around: the source's words marked for the version's
    /// sentences (the sets hold each word once, so these are the words both hold).
    func shared(version: Range<Int>, source: Range<Int>, marks: VersionMarks) -> Int {
        guard let center = marks.center, let b = FlatSets.entry(source), FlatSets.entry(version) != nil,
              version.lowerBound >= center - 1, version.upperBound <= center + 2 else {
            return shared(version: version, source: source)
        }
        let mask = version.reduce(UInt8(0)) { $0 | 1 << ($1 % 3) }
        return sourceSets.markedCount(b, marks: marks.bits, mask: mask)
    }

    /// The Dice coefficient of the two sides' word sets, every word counted once.
    func plainDice(version: Range<Int>, source: Range<Int>) -> Double {
        let (_, b) = entries(version, source)
        let (versionSets, a) = versionEntry(version)
        let sizes = versionSets.count(a) + sourceSets.count(b)
        guard sizes > 0 else { return 0 }
        return 2 * Double(versionSets.sharedCount(with: sourceSets, a, b)) / Double(sizes)
    }

    /// How many distinct words the two sides share.
    func shared(version: Range<Int>, source: Range<Int>) -> Int {
        let (_, b) = entries(version, source)
        let (versionSets, a) = versionEntry(version)
        return versionSets.sharedCount(with: sourceSets, a, b)
    }

    /// How much longer the version writes what the source says: measured on the sentence pairs that
    /// share a number or name each text has once, or, with fewer than two such, on the whole texts
    /// (which assumes the version renders all of the source).
    func lengthRatio(source sourceLengths: [Double], version versionLengths: [Double]) -> Double {
        let pinned = pinnedPairs()
        let sourceTotal: Double, versionTotal: Double
        if pinned.count >= 2 {
            sourceTotal = pinned.reduce(0) { $0 + sourceLengths[$1.source] }
            versionTotal = pinned.reduce(0) { $0 + versionLengths[$1.version] }
        } else {
            sourceTotal = sourceLengths.reduce(0, +)
            versionTotal = versionLengths.reduce(0, +)
        }
        return min(10, max(0.1, versionTotal / max(1, sourceTotal)))
    }

    /// The sentence pairs that share a number or name each text has once, sorted, each once.
    /// (Found in arrays by id, the ids being below `vocabularySize`, and sorted and made unique in one
    /// array: dictionaries of anchors and a set of pairs each allocated per entry and hashed.)
    func pinnedPairs() -> [(source: Int, version: Int)] {
        /// By id: the one sentence whose anchors hold it; -1 for none, -2 for several. (Each sentence's
        /// anchors hold an id once.)
        func single(_ anchors: [[Int32]]) -> [Int32] {
            var at = [Int32](filledWith: -1, count: vocabularySize)
            at.withUnsafeMutableBufferPointer { at in
                for (index, set) in anchors.enumerated() {
                    for id in set { at[Int(id)] = at[Int(id)] == -1 ? Int32(index) : -2 }
                }
            }
            return at
        }
        guard !sourceAnchors.isEmpty, !versionAnchors.isEmpty else { return [] }
        let inSource = single(sourceAnchors), inVersion = single(versionAnchors)
        // Each id the source holds once is met once, in the sentence that holds it.
        var pairs: [(source: Int, version: Int)] = []
        for set in sourceAnchors {
            for id in set where inSource[Int(id)] >= 0 && inVersion[Int(id)] >= 0 {
                pairs.append((source: Int(inSource[Int(id)]), version: Int(inVersion[Int(id)])))
            }
        }
        pairs.sort { ($0.source, $0.version) < ($1.source, $1.version) }
        var unique = 0
        for pair in pairs where unique == 0 || pairs[unique - 1] != pair {
            pairs[unique] = pair
            unique += 1
        }
        pairs.removeLast(pairs.count - unique)
        return pairs
    }

    /// The pinned pairs (see `pinnedPairs`) that keep the order of both texts: the longest chain rising
    /// in both, which leaves out a pin of a moved passage or a name that happens to recur elsewhere.
    func pins() -> [(source: Int, version: Int)] {
        // Longest strictly rising chain: by source, and for one source sentence the later version
        // sentence first, so that a chain takes at most one pin of each sentence.
        let pairs = pinnedPairs().sorted { ($0.source, -$0.version) < ($1.source, -$1.version) }
        var tails: [Int] = [], previous = [Int](filledWith: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].version < pair.version { low = middle + 1 } else { high = middle }
            }
            previous[index] = low > 0 ? tails[low - 1] : -1
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var chain: [(source: Int, version: Int)] = []
        var index = tails.last ?? -1
        while index >= 0 { chain.append(pairs[index]); index = previous[index] }
        return chain.reversed()
    }
}

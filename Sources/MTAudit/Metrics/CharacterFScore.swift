/// chrF and chrF++ (Popović 2015, 2017) exactly as sacreBLEU 2.6 computes them at sentence level:
/// character n-grams of orders 1–6 with white space removed, word n-grams of orders 1–`wordOrder`
/// (punctuation split off the ends of words), β = 2, precision and recall averaged over the orders
/// that occur in both texts (sacreBLEU's default, not ε-smoothing).
public struct CharacterFScore: SentenceMetric {
    public let charOrder: Int
    public let wordOrder: Int
    public let beta: Double

    /// chrF: `nc:6|nw:0`.
    public static let chrF = CharacterFScore(charOrder: 6, wordOrder: 0, beta: 2)
    /// chrF++: `nc:6|nw:2`.
    public static let chrFPlusPlus = CharacterFScore(charOrder: 6, wordOrder: 2, beta: 2)

    /// Orders up to 6 characters and 4 words (sacreBLEU's defaults are 6 and 2).
    public init(charOrder: Int, wordOrder: Int, beta: Double) {
        precondition((1...6).contains(charOrder) && (0...4).contains(wordOrder), "chrF orders beyond 6 / 4 are not supported")
        self.charOrder = charOrder
        self.wordOrder = wordOrder
        self.beta = beta
    }

    /// "chrF" and a "+" per word order: literals, made by no concatenation.
    public var name: String {
        switch wordOrder {
        case 0: "chrF"
        case 1: "chrF+"
        case 2: "chrF++"
        case 3: "chrF+++"
        default: "chrF++++"
        }
    }

    public var signature: String {
        "nrefs:1|case:mixed|eff:yes|nc:\(charOrder)|nw:\(wordOrder)|space:no|version:2.6.0"
    }

    public func score(hypothesis: String, reference: String) -> Double {
        score(hypothesis: MetricText(hypothesis), reference: MetricText(reference))
    }

    public func score(hypothesis: MetricText, reference: MetricText) -> Double {
        Self.scores([self], hypothesis: hypothesis, reference: reference)[0]
    }

    /// The whole texts: chrF is not cut into segments.
    public func score(hypothesis: MetricText, reference: MetricText,
                      segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double {
        score(hypothesis: hypothesis, reference: reference)
    }

    /// The scores of several chrF variants (chrF and chrF++) on one pair, the n-grams of the longest
    /// orders any of them asks for counted once.
    public static func scores(_ metrics: [CharacterFScore], hypothesis: String, reference: String) -> [Double] {
        scores(metrics, hypothesis: MetricText(hypothesis), reference: MetricText(reference))
    }

    /// `scores` of prepared texts.
    public static func scores(_ metrics: [CharacterFScore], hypothesis: MetricText, reference: MetricText) -> [Double] {
        var scores = [Double](filledWith: 0, count: metrics.count)
        forEachScore(metrics, hypothesis: hypothesis, reference: reference) { index, score in scores[index] = score }
        return scores
    }

    /// `scores`, each handed to `body` with its metric's index, in no array: the audit writes them
    /// into its version's metrics as they come.
    static func forEachScore(_ metrics: [CharacterFScore], hypothesis: MetricText, reference: MetricText,
                             _ body: (_ index: Int, _ score: Double) -> Void) {
        forEachScore(metrics, hypothesis: hypothesis, reference: reference, readingBoth: false, body)
    }

    /// `forEachScore`; `readingBoth`: the hypothesis's n-grams counted and matched even where it is
    /// the reference word for word (for tests: elsewhere every n-gram of the reference is matched,
    /// its counts known from the reference's characters and words alone).
    static func forEachScore(_ metrics: [CharacterFScore], hypothesis: MetricText, reference: MetricText, readingBoth: Bool,
                             _ body: (_ index: Int, _ score: Double) -> Void) {
        guard !metrics.isEmpty else { return }
        var charOrder = 0, wordOrder = 0
        for metric in metrics {
            charOrder = max(charOrder, metric.charOrder)
            wordOrder = max(wordOrder, metric.wordOrder)
        }
        // Each order's counts: the characters' orders, then the words' (at most 6 + 4, on the stack).
        withUnsafeTemporaryAllocation(of: OrderCounts.self, capacity: charOrder + wordOrder) { statistics in
            // Characters by the reference's keys sorted once (`SortedCharacterKeys`, below), where
            // they hold the texts; else by the sort of `SharedNGrams`. Words by the groups of
            // `SharedNGramGroups`; and the characters of short texts too, where the sort's six passes over every key
            // cost more than the groups (a sentence of 18 characters against itself: ~5.6K
            // instructions by the sort, ~4.7K by the groups); in texts of hundreds of characters,
            // the large groups a text and its version share make the sort the cheaper
            // (`shortCharacters`). The same matches (`MetricsSpeedSharedNGramGroupsTests`).
            func record(_ matches: SIMD8<UInt32>, hypCount: Int, refCount: Int, maximumOrder: Int, from first: Int) {
                for order in 1...maximumOrder {
                    let refNGrams = max(0, refCount - order + 1)
                    statistics.initializeElement(at: first + order - 1, to: OrderCounts(
                        hyp: refNGrams == 0 ? 0 : max(0, hypCount - order + 1), ref: refNGrams, match: Int(matches[order - 1])))
                }
            }
            func count(_ hyp: UnsafeBufferPointer<UInt32>, _ ref: UnsafeBufferPointer<UInt32>, alphabetSize: Int, maximumOrder: Int,
                       from first: Int) {
                let matches = first == 0 && hyp.count + ref.count >= Self.shortCharacters
                    ? SharedNGrams.matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder)
                    : SharedNGramGroups.matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder)
                record(matches, hypCount: hyp.count, refCount: ref.count, maximumOrder: maximumOrder, from: first)
            }
            // The reference word for word: each order's n-grams all matched, the version read no more.
            if !readingBoth && hypothesis.hasSameBytes(as: reference) {
                let characters = reference.numberedCharacters.ids.count
                record(SharedNGramGroups.sameSequenceLanes(characters, maximumOrder: charOrder), hypCount: characters, refCount: characters,
                       maximumOrder: charOrder, from: 0)
                if wordOrder > 0 {
                    let words = reference.characterFScoreVocabulary.words.count
                    record(SharedNGramGroups.sameSequenceLanes(words, maximumOrder: wordOrder), hypCount: words, refCount: words,
                           maximumOrder: wordOrder, from: charOrder)
                }
                let orders = UnsafeBufferPointer(statistics)
                for (index, metric) in metrics.enumerated() {
                    body(index, metric.fScore(orders, characterOrders: metric.charOrder, wordsFrom: charOrder))
                }
                return
            }
            // The reference's characters are numbered once, and their n-grams sorted once (in its
            // document's memo, for every version): the hypothesis's go on from its numbering (in
            // temporary memory, as are its words' numbers below: no array made), and are sorted and
            // merged with the reference's (`SortedCharacterKeys`), where its keys hold them.
            let (numbering, refCharacters) = reference.numberedCharacters
            numbering.withIDsContinued(hypothesis) { hypCharacters, alphabetSize in
                // The reference's keys, made once for every version; the hypothesis's sorted as the texts' length suits.
                if let keys = reference.sortedCharacterKeys,
                   let matches = hypCharacters.count + refCharacters.count < SortedCharacterKeys.maximumPositions
                    ? keys.matchLanes(hypCharacters, alphabetSize: alphabetSize, maximumOrder: charOrder)
                    : keys.longMatchLanes(hypCharacters, alphabetSize: alphabetSize, maximumOrder: charOrder) {
                    record(matches, hypCount: hypCharacters.count, refCount: refCharacters.count, maximumOrder: charOrder, from: 0)
                    return
                }
                refCharacters.withUnsafeBufferPointer { refCharacters in
                    count(hypCharacters, refCharacters, alphabetSize: alphabetSize, maximumOrder: charOrder, from: 0)
                }
            }
            if wordOrder > 0 {
                // Where both texts' 13a tokens are these words, BLEU's matches are these words' up to
                // its order: counted here at once, and kept for it in the hypothesis.
                let keepsForBLEU = hypothesis !== reference && reference.tokens13aAreCharacterFScoreWords
                    && hypothesis.tokens13aAreCharacterFScoreWords
                let maximumOrder = keepsForBLEU ? max(wordOrder, SentenceBLEU.maximumOrder) : wordOrder
                reference.characterFScoreVocabulary.withReferenceIDs(continuing: hypothesis.characterFScoreWords) { hypWords, refWords, vocabulary in
                    let matches = SharedNGramGroups.matchLanes(hypWords, refWords, alphabetSize: vocabulary, maximumOrder: maximumOrder)
                    record(matches, hypCount: hypWords.count, refCount: refWords.count, maximumOrder: wordOrder, from: charOrder)
                    if keepsForBLEU {
                        hypothesis.keepWordMatches(matches, hypCount: hypWords.count, refCount: refWords.count, against: reference)
                    }
                }
            }
            let orders = UnsafeBufferPointer(statistics)
            for (index, metric) in metrics.enumerated() {
                body(index, metric.fScore(orders, characterOrders: metric.charOrder, wordsFrom: charOrder))
            }
        }
    }

    /// Below this many characters of the two texts, chrF's character n-grams are counted by groups
    /// (on p1500, 128 and 64 cost about the same; all by groups cost 5.6M more).
    static let shortCharacters = 128

    /// One order's counts: the hypothesis's n-grams, the reference's, and those they share.
    private struct OrderCounts {
        let hyp: Int
        let ref: Int
        let match: Int
    }

    /// The text's words, with one mark split off the end of a word, or else off its start ("(hi)"
    /// gives "(hi" and ")"). Marks are ASCII, so they are told by a word's first or last byte.
    static func words(_ text: String) -> ByteWords {
        words(MetricText(text))
    }

    /// `words` of a prepared text: its words at white space, cut.
    static func words(_ text: MetricText) -> ByteWords {
        let utf8 = text.utf8, spaceWords = text.spaceWords, punctuation = Self.punctuation
        var words: [Range<Int>] = []
        words.reserveCapacity(spaceWords.count + spaceWords.count / 2)
        func word(_ range: Range<Int>) { words.append(range) }
        for range in spaceWords {
            if range.count == 1 {
                word(range)  // a lone mark stays whole (a word of one longer character has no mark)
            } else if punctuation[Int(utf8[range.upperBound - 1])] {
                word(range.lowerBound..<range.upperBound - 1)
                word(range.upperBound - 1..<range.upperBound)
            } else if punctuation[Int(utf8[range.lowerBound])] {
                word(range.lowerBound..<range.lowerBound + 1)
                word(range.lowerBound + 1..<range.upperBound)
            } else {
                word(range)
            }
        }
        // The words at white space cut, covering the same bytes.
        return ByteWords(utf8: utf8, ranges: words, comparesByBytes: text.spaceWordsCompareByBytes)
    }

    /// ASCII punctuation (Python's `string.punctuation`), by byte.
    private static let punctuation: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// The F-score of the orders' counts: the characters' first `characterOrders`, then the words'
    /// (`wordOrder` of them from `wordsFrom`), in that order, as sacreBLEU sums them.
    private func fScore(_ orders: UnsafeBufferPointer<OrderCounts>, characterOrders: Int, wordsFrom: Int) -> Double {
        let factor = beta * beta
        var precision = 0.0, recall = 0.0, effectiveOrder = 0
        func add(_ range: Range<Int>) {
            for index in range {
                let order = orders[index]
                guard order.hyp > 0 && order.ref > 0 else { continue }
                precision += Double(order.match) / Double(order.hyp)
                recall += Double(order.match) / Double(order.ref)
                effectiveOrder += 1
            }
        }
        add(0..<characterOrders)
        add(wordsFrom..<(wordsFrom + wordOrder))
        guard effectiveOrder > 0 else { return 0 }
        precision /= Double(effectiveOrder)
        recall /= Double(effectiveOrder)
        guard precision + recall > 0 else { return 0 }
        return 100 * (1 + factor) * precision * recall / (factor * precision + recall)
    }
}

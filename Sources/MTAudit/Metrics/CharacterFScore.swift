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

    /// Orders up to 6 characters and 4 words (what `NGramKey` holds).
    public init(charOrder: Int, wordOrder: Int, beta: Double) {
        precondition((1...6).contains(charOrder) && (0...4).contains(wordOrder), "chrF orders beyond 6 / 4 are not supported")
        self.charOrder = charOrder
        self.wordOrder = wordOrder
        self.beta = beta
    }

    public var name: String { wordOrder == 0 ? "chrF" : "chrF" + String(repeating: "+", count: wordOrder) }

    public var signature: String {
        "nrefs:1|case:mixed|eff:yes|nc:\(charOrder)|nw:\(wordOrder)|space:no|version:2.6.0"
    }

    public func score(hypothesis: String, reference: String) -> Double {
        Self.scores([self], hypothesis: hypothesis, reference: reference)[0]
    }

    /// The scores of several chrF variants (chrF and chrF++) on one pair, the n-grams of the longest
    /// orders any of them asks for counted once.
    public static func scores(_ metrics: [CharacterFScore], hypothesis: String, reference: String) -> [Double] {
        guard let charOrder = metrics.map(\.charOrder).max(), let wordOrder = metrics.map(\.wordOrder).max() else { return [] }
        let hypCharacters = SortedNGrams(characters(hypothesis), maximumOrder: charOrder, layout: .scalars)
        let refCharacters = SortedNGrams(characters(reference), maximumOrder: charOrder, layout: .scalars)
        var statistics: [(hyp: Int, ref: Int, match: Int)] = []
        func count(_ hyp: SortedNGrams, _ ref: SortedNGrams, order: Int) {
            let refCount = ref.count(order: order)
            statistics.append((refCount == 0 ? 0 : hyp.count(order: order), refCount, SortedNGrams.matches(hyp, ref, order: order)))
        }
        for order in 1...charOrder { count(hypCharacters, refCharacters, order: order) }
        if wordOrder > 0 {
            let hypWords = words(hypothesis), refWords = words(reference)
            var numbering = WordNumbering(capacity: hypWords.count + refWords.count)
            let hypGrams = SortedNGrams(numbering.ids(hypWords), maximumOrder: wordOrder, layout: .words)
            let refGrams = SortedNGrams(numbering.ids(refWords), maximumOrder: wordOrder, layout: .words)
            for order in 1...wordOrder { count(hypGrams, refGrams, order: order) }
        }
        return metrics.map { metric in
            metric.fScore(Array(statistics[..<metric.charOrder]) + Array(statistics[charOrder..<(charOrder + metric.wordOrder)]))
        }
    }

    /// The text's scalars, white space removed.
    static func characters(_ text: String) -> [UInt32] {
        var characters: [UInt32] = []
        characters.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where !PythonText.isSpace(scalar) { characters.append(scalar.value) }
        return characters
    }

    /// The text's words, with one mark split off the end of a word, or else off its start ("(hi)"
    /// gives "(hi" and ")"). Marks are ASCII, so they are told by a word's first or last byte.
    static func words(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        var words: [String] = []
        func word(_ range: Range<Int>) { words.append(String(decoding: utf8[range], as: UTF8.self)) }
        for range in PythonText.split(utf8) {
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
        return words
    }

    /// ASCII punctuation (Python's `string.punctuation`), by byte.
    private static let punctuation: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8 { table[Int(byte)] = true }
        return table
    }()

    private func fScore(_ statistics: [(hyp: Int, ref: Int, match: Int)]) -> Double {
        let factor = beta * beta
        var precision = 0.0, recall = 0.0, effectiveOrder = 0
        for order in statistics where order.hyp > 0 && order.ref > 0 {
            precision += Double(order.match) / Double(order.hyp)
            recall += Double(order.match) / Double(order.ref)
            effectiveOrder += 1
        }
        guard effectiveOrder > 0 else { return 0 }
        precision /= Double(effectiveOrder)
        recall /= Double(effectiveOrder)
        guard precision + recall > 0 else { return 0 }
        return 100 * (1 + factor) * precision * recall / (factor * precision + recall)
    }
}

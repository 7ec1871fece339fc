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
        let counting = CharacterFScore(charOrder: charOrder, wordOrder: wordOrder, beta: 2)
        var numbering = WordNumbering()
        let hyp = counting.ngrams(hypothesis, &numbering), ref = counting.ngrams(reference, &numbering)
        var statistics: [(hyp: Int, ref: Int, match: Int)] = []
        for (h, r) in zip(hyp, ref) {
            statistics.append((r.isEmpty ? 0 : h.count, r.count, Self.matches(h, r)))
        }
        return metrics.map { metric in
            metric.fScore(Array(statistics[..<metric.charOrder]) + Array(statistics[charOrder..<(charOrder + metric.wordOrder)]))
        }
    }

    /// How many n-grams two sorted lists share, each counted as often as both have it: the sum over
    /// n-grams of the smaller count (sacreBLEU's clipped matches), by one merge of the two lists.
    static func matches(_ a: [NGramKey], _ b: [NGramKey]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    /// Each order's n-grams, sorted: character orders first, then word orders. Sorting and merging
    /// counts them without hashing.
    private func ngrams(_ text: String, _ numbering: inout WordNumbering) -> [[NGramKey]] {
        let scalars = Array(text.unicodeScalars)
        let characters = scalars.filter { !PythonText.isSpace($0) }
        var result: [[NGramKey]] = []
        for n in 1...charOrder {
            var grams: [NGramKey] = []
            if characters.count >= n {
                grams.reserveCapacity(characters.count - n + 1)
                for i in 0...(characters.count - n) { grams.append(NGramKey(scalars: characters[i..<i + n])) }
            }
            grams.sort()
            result.append(grams)
        }
        if wordOrder > 0 {
            let words = numbering.ids(Self.splittingPunctuation(PythonText.split(scalars)).map(PythonText.string))
            for n in 1...wordOrder {
                var grams: [NGramKey] = []
                if words.count >= n {
                    for i in 0...(words.count - n) { grams.append(NGramKey(ids: words[i..<i + n])) }
                }
                grams.sort()
                result.append(grams)
            }
        }
        return result
    }

    private static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// One mark split off the end of a word, or else off its start ("(hi)" gives "(hi" and ")").
    static func splittingPunctuation(_ words: [[Unicode.Scalar]]) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        for word in words {
            if word.count == 1 {
                out.append(word)
            } else if punctuation.contains(word.last!) {
                out.append(Array(word.dropLast()))
                out.append([word.last!])
            } else if punctuation.contains(word.first!) {
                out.append([word.first!])
                out.append(Array(word.dropFirst()))
            } else {
                out.append(word)
            }
        }
        return out
    }

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

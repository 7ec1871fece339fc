import Foundation

/// Sentence BLEU exactly as sacreBLEU 2.6's `BLEU(effective_order=True).sentence_score`: the 13a
/// tokenizer, n-grams of orders 1–4, exponential smoothing (mteval's), and the effective order (only
/// the orders the hypothesis has n-grams of).
public struct SentenceBLEU: SentenceMetric {
    public static let maximumOrder = 4

    public init() {}

    public var name: String { "BLEU" }

    public var signature: String { "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0" }

    public func score(hypothesis: String, reference: String) -> Double {
        let hypTokens = Tokenizer13a.tokens(hypothesis), refTokens = Tokenizer13a.tokens(reference)
        var numbering = WordNumbering(capacity: hypTokens.count + refTokens.count)
        let hyp = numbering.ids(hypTokens), ref = numbering.ids(refTokens)
        var correct = [Int](repeating: 0, count: Self.maximumOrder)
        var total = [Int](repeating: 0, count: Self.maximumOrder)
        let hypGrams = SortedNGrams(hyp, maximumOrder: Self.maximumOrder, layout: .words)
        let refGrams = SortedNGrams(ref, maximumOrder: Self.maximumOrder, layout: .words)
        for n in 1...Self.maximumOrder {
            total[n - 1] = hypGrams.count(order: n)
            correct[n - 1] = SortedNGrams.matches(hypGrams, refGrams, order: n)
        }
        guard correct.contains(where: { $0 > 0 }) else { return 0 }
        let brevity = hyp.count < ref.count ? (hyp.isEmpty ? 0 : exp(1 - Double(ref.count) / Double(hyp.count))) : 1
        var precisions = [Double](repeating: 0, count: Self.maximumOrder)
        var smoothing = 1.0
        var effectiveOrder = Self.maximumOrder
        for n in 1...Self.maximumOrder {
            if total[n - 1] == 0 { break }
            effectiveOrder = n
            if correct[n - 1] == 0 {
                smoothing *= 2
                precisions[n - 1] = 100 / (smoothing * Double(total[n - 1]))
            } else {
                precisions[n - 1] = 100 * Double(correct[n - 1]) / Double(total[n - 1])
            }
        }
        let logSum = precisions[..<effectiveOrder].reduce(0.0) { $0 + ($1 == 0 ? -9_999_999_999 : log($1)) }
        return brevity * exp(logSum / Double(effectiveOrder))
    }
}

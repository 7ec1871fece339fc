import Foundation

/// Sentence BLEU exactly as sacreBLEU 2.6's `BLEU(effective_order=True).sentence_score`: the 13a
/// tokenizer, n-grams of orders 1–4, exponential smoothing (mteval's), and the effective order (only
/// the orders the hypothesis has n-grams of).
public struct SentenceBLEU: SentenceMetric {
    public static let maximumOrder = 4  // the lanes of `score`'s precisions

    public init() {}

    public var name: String { "BLEU" }

    public var signature: String { "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0" }

    public func score(hypothesis: String, reference: String) -> Double {
        score(hypothesis: MetricText(hypothesis), reference: MetricText(reference))
    }

    /// The whole texts: BLEU is not cut into segments.
    public func score(hypothesis: MetricText, reference: MetricText,
                      segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double {
        score(hypothesis: hypothesis, reference: reference)
    }

    public func score(hypothesis: MetricText, reference: MetricText) -> Double {
        // The reference word for word: its every n-gram is matched (`SharedNGramGroups.sameSequenceLanes`), and the
        // version's tokens are neither cut nor numbered.
        if hypothesis.hasSameBytes(as: reference) {
            let count = reference.vocabulary13a.words.count
            return score(correct: SharedNGramGroups.sameSequenceLanes(count, maximumOrder: Self.maximumOrder), hypCount: count, refCount: count)
        }
        // Tokens that are chrF++'s words in both texts: chrF++ counted BLEU's matches (orders 1–4).
        if let kept = hypothesis.characterFScoreWordMatches(against: reference) {
            return score(correct: kept.lanes, hypCount: kept.hypCount, refCount: kept.refCount)
        }
        return scoreReadingBoth(hypothesis: hypothesis, reference: reference)
    }

    /// `score` with the hypothesis's tokens numbered and matched, whether or not it is the reference
    /// (the way of texts that differ; for tests, of the same texts too).
    func scoreReadingBoth(hypothesis: MetricText, reference: MetricText) -> Double {
        // The hypothesis's numbers in temporary memory, read once: no array made.
        let (correct, hypCount, refCount) = reference.vocabulary13a.withReferenceIDs(continuing: hypothesis.tokens13a) { hyp, ref, vocabulary in
            (SharedNGramGroups.matchLanes(hyp, ref, alphabetSize: vocabulary, maximumOrder: Self.maximumOrder), hyp.count, ref.count)
        }
        return score(correct: correct, hypCount: hypCount, refCount: refCount)
    }

    /// The score of the matches of each order and the two texts' token counts.
    private func score(correct: SIMD8<UInt32>, hypCount: Int, refCount: Int) -> Double {
        guard correct != SIMD8() else { return 0 }
        let brevity = hypCount < refCount ? (hypCount == 0 ? 0 : exp(1 - Double(refCount) / Double(hypCount))) : 1
        // Each order's precision, in lanes rather than an array.
        var precisions = SIMD4<Double>()
        var smoothing = 1.0
        var effectiveOrder = Self.maximumOrder
        for n in 1...Self.maximumOrder {
            let total = max(0, hypCount - n + 1)
            if total == 0 { break }
            effectiveOrder = n
            if correct[n - 1] == 0 {
                smoothing *= 2
                precisions[n - 1] = 100 / (smoothing * Double(total))
            } else {
                precisions[n - 1] = 100 * Double(correct[n - 1]) / Double(total)
            }
        }
        var logSum = 0.0
        for n in 0..<effectiveOrder { logSum += precisions[n] == 0 ? -9_999_999_999 : log(precisions[n]) }
        return brevity * exp(logSum / Double(effectiveOrder))
    }
}

@testable import MTAudit
import Testing

/// The metrics' fixed cost cut: a version's numbers read in temporary memory (`withIDs`,
/// `withIDsContinued`), TER's equal words told before its arrays, and chrF's characters of short
/// texts counted by groups rather than the sort. Each must score what the plain computations score.
@Suite("Metrics fixed cost")
struct MetricsFixedCostTests {
    /// chrF (characters only) computed plainly: each order's n-grams of the scalars, white space
    /// removed, counted in dictionaries; sacreBLEU's averages and F-score, in its order of sums.
    static func plainChrF(hypothesis: String, reference: String) -> Double {
        func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.filter { !PythonText.isSpace($0) }.map(\.value) }
        let hyp = scalars(hypothesis), ref = scalars(reference)
        var precision = 0.0, recall = 0.0, effectiveOrder = 0
        for order in 1...6 {
            func counts(_ sequence: [UInt32]) -> [[UInt32]: Int] {
                var counts: [[UInt32]: Int] = [:]
                if sequence.count >= order {
                    for start in 0...(sequence.count - order) { counts[Array(sequence[start..<start + order]), default: 0] += 1 }
                }
                return counts
            }
            let hypCounts = counts(hyp), refCounts = counts(ref)
            let refTotal = max(0, ref.count - order + 1), hypTotal = refTotal == 0 ? 0 : max(0, hyp.count - order + 1)
            guard hypTotal > 0 && refTotal > 0 else { continue }
            let match = hypCounts.reduce(0) { $0 + min($1.value, refCounts[$1.key] ?? 0) }
            precision += Double(match) / Double(hypTotal)
            recall += Double(match) / Double(refTotal)
            effectiveOrder += 1
        }
        guard effectiveOrder > 0 else { return 0 }
        precision /= Double(effectiveOrder)
        recall /= Double(effectiveOrder)
        guard precision + recall > 0 else { return 0 }
        return 100 * 5 * precision * recall / (4 * precision + recall)
    }

    /// A text of `words` words from a small vocabulary (shared n-grams of every length).
    static func text(_ words: Int, _ generator: inout SplitMix) -> String {
        let vocabulary = ["the", "cat", "sat", "on", "The", "mat.", "a", "dog,", "é", "Straße", "東京", "x", "ran"]
        return (0..<words).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
    }

    @Test("chrF of texts short and long (counted by groups below the threshold, by the sort above) as a dictionary counts it")
    func characterScoresAroundTheThreshold() {
        var generator = SplitMix(seed: 101)
        var short = 0, long = 0
        for _ in 0..<600 {
            let reference = Self.text(Int.random(in: 0...40, using: &generator), &generator)
            let hypothesis = Bool.random(using: &generator) ? reference : Self.text(Int.random(in: 0...40, using: &generator), &generator)
            let characters = (reference + hypothesis).unicodeScalars.filter { !PythonText.isSpace($0) }.count
            if characters < CharacterFScore.shortCharacters { short += 1 } else { long += 1 }
            #expect(CharacterFScore.chrF.score(hypothesis: MetricText(hypothesis), reference: MetricText(reference))
                    == Self.plainChrF(hypothesis: hypothesis, reference: reference), "\(hypothesis) | \(reference)")
        }
        #expect(short > 50 && long > 50)
    }

    @Test("TER of a version equal to the reference, or a reordering of it, as the plain path scores it")
    func editRateOfEqualAndReorderedWords() {
        var generator = SplitMix(seed: 103)
        for _ in 0..<300 {
            let reference = Self.text(Int.random(in: 0...30, using: &generator), &generator)
            var words = reference.split(separator: " ")
            let hypotheses = [reference, reference.uppercased(), words.shuffled(using: &generator).joined(separator: " "),
                              { words.removeLast(min(2, words.count)); return words.joined(separator: "  ") }()]
            let prepared = MetricText(reference)
            for hypothesis in hypotheses {
                #expect(TranslationEditRate().score(hypothesis: MetricText(hypothesis), reference: prepared)
                        == TranslationEditRate().score(segments: [(hypothesis, reference)]), "\(hypothesis) | \(reference)")
            }
        }
    }

    @Test("A version's numbers in temporary memory are those of the arrays")
    func numbersInTemporaryMemory() {
        var generator = SplitMix(seed: 107)
        for _ in 0..<300 {
            let reference = MetricText(Self.text(Int.random(in: 0...30, using: &generator), &generator))
            let hypothesis = MetricText(Self.text(Int.random(in: 0...30, using: &generator), &generator))
            let vocabulary = WordVocabulary(TranslationEditRate.words(reference))
            let words = TranslationEditRate.words(hypothesis)
            let (hyp, ref, count) = WordNumbering.ids(words, vocabulary.words)
            vocabulary.withIDs(continuing: words) { hypIDs, refIDs, vocabularyCount in
                #expect(vocabularyCount == count && hypIDs.count == hyp.count && refIDs.count == ref.count)
                // The same words equal: each pair of positions compares alike in both numberings.
                let all = Array(hypIDs) + Array(refIDs), plain = hyp + ref
                for i in all.indices { for j in all.indices { #expect((all[i] == all[j]) == (plain[i] == plain[j])) } }
            }
            // The characters as a numbering that takes the hypothesis in numbers them (`ids`, which
            // writes an array of its own): `idsContinued` is the buffer's copy, and no check.
            let (numbering, _) = reference.numberedCharacters
            var taking = numbering
            let taken = taking.ids(hypothesis)
            numbering.withIDsContinued(hypothesis) { ids, count in #expect(Array(ids) == taken && count == taking.count) }
        }
    }
}

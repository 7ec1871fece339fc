/// A reference-based metric scored on one hypothesis (a version) against one reference (the source),
/// in the manner of sacreBLEU's `sentence_score`, with a signature that says how it was computed.
public protocol SentenceMetric: Sendable {
    /// The name reports use as the key in `metrics` ("chrF", "BLEU").
    var name: String { get }
    /// sacreBLEU-style signature, so that a number can be reproduced.
    var signature: String { get }
    /// The score, 0–100 as sacreBLEU reports it.
    func score(hypothesis: String, reference: String) -> Double
    /// The score of texts of several sentences, which `segments` pairs by alignment (what no pair
    /// joins in `unpaired`). By default the whole texts are scored; a metric whose cost grows with the
    /// square of the length (TER) scores the pairs instead.
    func score(hypothesis: String, reference: String,
               segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double
    /// `score` of prepared texts (the audit prepares the source once for all its versions, and each
    /// text once for all the metrics). By default the texts' strings are scored.
    func score(hypothesis: MetricText, reference: MetricText) -> Double
    /// `score(segments:)` of prepared texts. By default the texts' strings are scored.
    func score(hypothesis: MetricText, reference: MetricText,
               segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double
    /// `score(segments:)` of prepared texts, the segments given as the texts' aligned sentences
    /// (whose `segments` are the strings). By default those strings are scored; TER reads each
    /// pair's words off the whole texts' words instead.
    func score(hypothesis: MetricText, reference: MetricText, sentences: AlignedSentences) -> Double
}

extension SentenceMetric {
    public func score(hypothesis: String, reference: String,
                      segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double {
        score(hypothesis: hypothesis, reference: reference)
    }

    public func score(hypothesis: MetricText, reference: MetricText) -> Double {
        score(hypothesis: hypothesis.text, reference: reference.text)
    }

    public func score(hypothesis: MetricText, reference: MetricText,
                      segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double {
        score(hypothesis: hypothesis.text, reference: reference.text, segments: segments)
    }

    public func score(hypothesis: MetricText, reference: MetricText, sentences: AlignedSentences) -> Double {
        score(hypothesis: hypothesis, reference: reference) { sentences.segments }
    }
}

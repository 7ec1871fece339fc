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
}

extension SentenceMetric {
    public func score(hypothesis: String, reference: String,
                      segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double {
        score(hypothesis: hypothesis, reference: reference)
    }
}

/// Python's `str.split()` and `str.isspace()`, which sacreBLEU's tokenization rests on.
enum PythonText {
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // ASCII without a property lookup: tab to carriage return, the separators 0x1C–0x1F, space.
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) || (0x1C...0x1F).contains(value) }
        return scalar.properties.isWhitespace
    }

    /// `text.split()`: runs of non-space characters, as scalar arrays.
    static func split(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in scalars {
            if isSpace(scalar) {
                if !current.isEmpty { words.append(current); current = [] }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

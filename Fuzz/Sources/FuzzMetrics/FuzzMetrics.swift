import FuzzSupport
import MTAudit

/// Two texts made of a few words (so that repeats give TER's shift search work), from the first 256
/// bytes: TER, chrF, chrF++ and BLEU must not crash and must stay in range.
@main
enum FuzzMetrics {
    /// SwiftPM renames an executable's entry point, so libFuzzer's own `main` is bypassed: start its driver here.
    static func main() {
        FuzzerDriver.run(fuzzMetrics)
    }
}

/// The entry libFuzzer's objects name; the driver is handed the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzMetrics(data, size) }

private let vocabulary = ["the", "ferry", "left", "at", "noon", ",", ".", "Ferry", "-", "7", "1.5", "über"]

func fuzzMetrics(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: min(size, 256)))
    // A byte 0xFF splits the input into hypothesis and reference; other bytes pick words.
    let parts = bytes.split(separator: 0xFF, maxSplits: 1, omittingEmptySubsequences: false)
    func text(_ part: ArraySlice<UInt8>?) -> String {
        (part ?? []).map { vocabulary[Int($0) % vocabulary.count] }.joined(separator: " ")
    }
    let hypothesis = text(parts.first), reference = text(parts.count > 1 ? parts[1] : nil)
    let ter = TranslationEditRate()
    let sentence = ter.score(hypothesis: hypothesis, reference: reference)
    precondition(sentence >= 0 && sentence.isFinite, "TER \(sentence)")
    let segmented = ter.score(segments: [(hypothesis, reference), (reference, hypothesis)], unpaired: (hypothesis, ""))
    precondition(segmented >= 0 && segmented.isFinite, "segmented TER \(segmented)")
    for score in CharacterFScore.scores([.chrF, .chrFPlusPlus], hypothesis: hypothesis, reference: reference)
        + [SentenceBLEU().score(hypothesis: hypothesis, reference: reference)] {
        precondition(score >= 0 && score <= 100.0001, "score \(score)")
    }
    return 0
}

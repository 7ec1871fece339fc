@testable import MTAudit
import Testing

@Suite("Distortion's fast paths agree with the plain ones")
struct DistortionSpeedTests {
    /// Words drawn from forms that share stems or nearly do, plain ASCII and not (marks, a full stop,
    /// a possessive, a carriage return, other scripts), short and long.
    static let pieces = ["ap", "pro", "prov", "ed", "e", "al", "s", "'s", ".", "\r", "é", "ü", "ß", "ж", "中", "😀",
                         "x", "cat", "ca", "t", "over", "overall", "a", "in", "\u{0301}"]

    static func word(_ random: inout SplitMix) -> String {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// `LinkKeys.has` walks each distinct key of a mark once and skips plain keys whose first four
    /// bytes differ: it must answer as the plain search does, over every word of the texts of that
    /// mark, whether one is the key or, both of four letters or more, shares its stem.
    @Test("A key is had by a text's words exactly when the plain search over them says so")
    func hasAgreesWithPlainSearch() {
        var random = SplitMix(seed: 61)
        var stemsShared = 0
        for _ in 0..<3_000 {
            let version = (0..<Int.random(in: 0...9, using: &random)).map { _ in Self.word(&random) }
            let source = (0..<Int.random(in: 0...9, using: &random)).map { _ in Self.word(&random) }
            let others = (0..<Int.random(in: 0...4, using: &random)).map { _ in Self.word(&random) }
            var keys = DistortionDetector.LinkKeys(capacity: 4)
            let versionNumbers = version.map { keys.number($0, DistortionDetector.Mark.version) }
            let sourceNumbers = source.map { keys.number($0, DistortionDetector.Mark.source) }
            let othersNumbers = others.map { keys.number($0, DistortionDetector.Mark.others) }
            for (mark, words) in [(DistortionDetector.Mark.version, version), (DistortionDetector.Mark.source, source),
                                  (DistortionDetector.Mark.others, others)] {
                // Asked in a random order, as the texts' words come.
                for number in (versionNumbers + sourceNumbers + othersNumbers).shuffled(using: &random) {
                    let key = keys.key(number)
                    let long = TokenAligner.scalarCount(key) >= 4
                    let expected = words.contains { KeyNumbering.equal($0, key) }
                        || (long && words.contains { TokenAligner.scalarCount($0) >= 4 && sharesStem($0, key) })
                    if expected && !words.contains(where: { KeyNumbering.equal($0, key) }) { stemsShared += 1 }
                    #expect(keys.has(mark, number) == expected, "\(key) in \(words)")
                }
            }
        }
        #expect(stemsShared > 500)
    }

    /// The gaps read a word's letters and length in one pass: the same as `letterMask` and
    /// `scalarCount` apart.
    @Test("A word's letters and length in one pass are its letter mask and scalar count")
    func lettersAgreeWithMaskAndCount() {
        var random = SplitMix(seed: 62)
        let samples = ["", "a", "café", "cafe\u{0301}", "naïve", "日本語", "straße", "😀x", "\r\n"]
            + (0..<5_000).map { _ in Self.word(&random) }
        for key in samples {
            let letters = TokenAligner.letters(key)
            #expect(letters.mask == TokenAligner.letterMask(key), "\(key)")
            #expect(letters.count == TokenAligner.scalarCount(key), "\(key)")
        }
    }
}

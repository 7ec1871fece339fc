@testable import MTAudit
import Testing

/// The metrics' temporary buffers kept under the stack's 1,024 bytes for a sentence: the n-gram
/// groups' memory in one allocation or in three, 13a's cuts in 32 bits and only as many as a line
/// can have, chrF's numbering in two allocations, the vocabulary's slots for new words made once
/// they are counted. Each against the plain way, on sizes on both sides of 1,024 bytes.
@Suite("Metrics 11: buffers on the stack")
struct Metrics11StackBuffersTests {
    @Test("N-gram groups in one allocation or three match as the sort does")
    func groupsMemory() {
        var generator = SplitMix(seed: 1111)
        for round in 0..<1500 {
            let alphabetSize = Int.random(in: 1...200, using: &generator)
            let maximumOrder = Int.random(in: 1...8, using: &generator)
            // Up to 150 elements a side with up to 200 kinds: from a few hundred bytes to several thousand.
            func sequence() -> [UInt32] {
                (0..<Int.random(in: 0...150, using: &generator)).map { _ in UInt32.random(in: 0..<UInt32(alphabetSize), using: &generator) }
            }
            let hyp = sequence()
            var ref = Bool.random(using: &generator) ? sequence() : hyp
            for _ in 0..<Int.random(in: 0...6, using: &generator) where !ref.isEmpty {
                ref[Int.random(in: 0..<ref.count, using: &generator)] = UInt32.random(in: 0..<UInt32(alphabetSize), using: &generator)
            }
            #expect(SharedNGramGroups.matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder)
                        == SharedNGrams.matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder), "round \(round)")
        }
    }

    @Test("13a's tokens of lines up to 700 bytes are the words cut where the chain of rules cuts")
    func longLines() {
        var generator = SplitMix(seed: 1113)
        let pieces = ["a", "b", "Z", "7", "0", ".", ",", "-", "'", "(", ")", "!", "/", " ", " ", "  ", "é", "中", "\t", "word", "1.5", "a-b"]
        for _ in 0..<1500 {
            let text = (0..<Int.random(in: 0...300, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let prepared = MetricText(text)
            let utf8 = prepared.utf8
            let cuts = utf8.withUnsafeBufferPointer { Tokenizer13a.chainCuts($0) }
            // Distinct and in order, no more than the line's offsets.
            #expect(cuts == Array(Set(cuts)).sorted() && cuts.count <= utf8.count + 1)
            var plain: [Range<Int>] = []
            for word in PythonText.split(utf8) {
                var start = word.lowerBound
                for cut in cuts where cut > word.lowerBound && cut < word.upperBound {
                    plain.append(start..<cut)
                    start = cut
                }
                plain.append(start..<word.upperBound)
            }
            #expect(Tokenizer13a.words(prepared).ranges == plain, "\(text)")
        }
    }

    @Test("chrF's numbering of a text continued from a reference's, in temporary memory, is the numbering's own")
    func characterNumbering() {
        var generator = SplitMix(seed: 1117)
        let pieces = ["a", "b", "c", "Z", " ", "é", "中", "ß", "\u{301}", "x y", "🙂", "\n"]
        for round in 0..<1500 {
            func text() -> String {
                (0..<Int.random(in: 0...400, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            var numbering = CharacterNumbering()
            _ = numbering.ids(MetricText(text()))
            let hypothesis = MetricText(text())
            var continued = numbering
            let plain = continued.ids(hypothesis)
            let (ids, count) = numbering.idsContinued(hypothesis)
            #expect(ids == plain && count == continued.count, "round \(round)")
        }
    }
}

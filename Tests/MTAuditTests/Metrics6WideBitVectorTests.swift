@testable import MTAudit
import Testing

/// TER's bit vectors two machine words wide (`UInt128`), for references of 65 to 128 words: their
/// distances and trace are the full matrix's, as the one-word ones are for shorter references, and
/// the search that uses them to spare the beam's rows finds the plain search's edits.
@Suite("TER's two-word bit vectors")
struct Metrics6WideBitVectorTests {
    /// The full edit-distance matrix of `words` against `reference` (no beam), row after row.
    private static func fullMatrix(_ words: [UInt32], _ reference: [UInt32]) -> [[Int]] {
        var matrix = [Array(0...reference.count)]
        for i in 1...max(1, words.count) where i <= words.count {
            var row = [i]
            for j in 1...max(1, reference.count) where j <= reference.count {
                let diagonal = matrix[i - 1][j - 1] + (words[i - 1] == reference[j - 1] ? 0 : 1)
                row.append(min(diagonal, matrix[i - 1][j] + 1, row[j - 1] + 1))
            }
            matrix.append(row)
        }
        return matrix
    }

    /// A reference of 65 to 128 words, and a hypothesis made from it by edits and block moves.
    private static func longPair(_ generator: inout SplitMix) -> (words: [UInt32], reference: [UInt32]) {
        let reference = generator.words(65...128, of: 0...14)
        return (TranslationEditRateTests.edited(reference, edits: 0...24, values: 0...16, runs: true, longestMove: 30, using: &generator),
                reference)
    }

    @Test("Two-word bit vectors' distances, moved blocks and trace are the full matrix's")
    func distancesAndTrace() {
        var generator = SplitMix(seed: 61)
        for _ in 0..<150 {
            let (words, reference) = Self.longPair(&generator)
            guard !words.isEmpty else { continue }
            let matrix = Self.fullMatrix(words, reference)
            let bitVectors = BitVectorEditDistance<UInt128>(words: words, reference: reference)
            #expect(bitVectors.distance == matrix[words.count][reference.count])
            for _ in 0..<4 {
                let i = Int.random(in: 0...words.count, using: &generator), j = Int.random(in: 0...reference.count, using: &generator)
                #expect(bitVectors.cost(i, j) == matrix[i][j])
            }
            let start = Int.random(in: 0..<words.count, using: &generator)
            let length = Int.random(in: 1...min(10, words.count - start), using: &generator)
            let target = Int.random(in: 0...words.count, using: &generator)
            let moved = TranslationEditRate.perform(words, start: start, length: length, target: target)
            #expect(bitVectors.distance(words, shifting: start, length: length, to: target)
                    == Self.fullMatrix(moved, reference)[moved.count][reference.count])
            let plain = TranslationEditRate.alignment(words, reference) {
                TranslationEditRate.operation(words, reference, $0, $1) { matrix[$0][$1] }
            }
            var walk = bitVectors.traceWalk
            let walked = TranslationEditRate.alignment(words, reference) { walk.operation(words, reference, $0, $1) }
            #expect(plain.0 == walked.0 && plain.1 == walked.1 && plain.2 == walked.2)
        }
    }

    @Test("On references of up to 64 words, two-word bit vectors agree with one-word ones")
    func sameAsOneWord() {
        var generator = SplitMix(seed: 67)
        for _ in 0..<500 {
            let words = generator.words(0...70, of: 0...6), reference = generator.words(1...64, of: 0...7)
            let narrow = BitVectorEditDistance<UInt64>(words: words, reference: reference)
            let wide = BitVectorEditDistance<UInt128>(words: words, reference: reference)
            #expect(narrow.distance == wide.distance)
            let i = Int.random(in: 0...words.count, using: &generator), j = Int.random(in: 0...reference.count, using: &generator)
            #expect(narrow.cost(i, j) == wide.cost(i, j))
        }
    }

    @Test("TER's edits on references of 65 to 128 words, candidates bounded by two-word bit vectors, are the plain search's")
    func shifts() {
        var generator = SplitMix(seed: 71)
        for _ in 0..<150 {
            let (words, reference) = Self.longPair(&generator)
            let searched = TranslationEditRate.editsAndLength(words, reference)
            let plain = TranslationEditRate.editsAndLength(words, reference, prunes: false)
            #expect(searched == plain, "\(words) \(reference)")
        }
    }
}

@testable import MTAudit
import Testing

@Suite("TER's shifts")
struct TranslationEditRateTests {
    @Test("A shift whose target lies inside the block is cut as Python cuts lists: no crash past the end")
    func shiftInsideTheBlock() {
        // sacreBLEU: words[:1] + words[3:4] + words[1:3] + words[4:] == [1, 2, 3]
        #expect(TranslationEditRate.perform([1, 2, 3], start: 1, length: 2, target: 2) == [1, 2, 3])
        #expect(TranslationEditRate.perform([1, 2, 3, 4], start: 1, length: 2, target: 3) == [1, 4, 2, 3])
        #expect(TranslationEditRate.perform([1, 2, 3, 4], start: 2, length: 2, target: 0) == [3, 4, 1, 2])
        #expect(TranslationEditRate.perform([1, 2, 3, 4], start: 0, length: 1, target: 3) == [2, 3, 1, 4])
    }

    @Test("Candidates scored by bit vectors and by rows of the beam have the distance of the whole matrix")
    func candidateDistances() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let words = generator.words(1...24, of: 0...4)
            let reference = generator.words(1...24, of: 0...5)
            let base = TranslationEditRate.editDistance(words, reference)
            let bitVectors = BitVectorEditDistance<UInt64>(words: words, reference: reference)
            var rows = TranslationEditRate.DistanceRows()
            let sharedRows = Int.random(in: 0..<words.count, using: &generator)
            var shifted = words
            shifted[sharedRows...].shuffle(using: &generator)
            let expected = TranslationEditRate.editDistance(shifted, reference).distance
            #expect(bitVectors.distance(shifted, sharedRows: sharedRows) == expected)
            // A block moved without making the moved words, as perform moves it (targets past the
            // block's end included).
            let start = Int.random(in: 0..<words.count, using: &generator)
            let length = Int.random(in: 1...min(10, words.count - start), using: &generator)
            let target = Int.random(in: 0...words.count, using: &generator)
            let moved = TranslationEditRate.perform(words, start: start, length: length, target: target)
            #expect(bitVectors.distance(words, shifting: start, length: length, to: target)
                    == TranslationEditRate.editDistance(moved, reference).distance)
            #expect(bitVectors.distance(words, shifting: start, length: length, to: target)
                    == bitVectors.distance(moved, sharedRows: min(start, target)))
            #expect(TranslationEditRate.distance(shifted, reference, from: base.matrix, sharedRows: sharedRows, rows: &rows) == expected)
        }
    }

    @Test("Candidates scored by rows of a beam narrower than the matrix have the beam's distance")
    func bandedCandidateDistances() {
        var generator = SplitMix(seed: 17)
        var banded = 0
        for _ in 0..<600 {
            let words = generator.words(20...90, of: 0...6)
            let reference = generator.words(20...90, of: 0...7)
            if !TranslationEditRate.beamCoversMatrix(count: words.count, columns: reference.count + 1) { banded += 1 }
            let base = TranslationEditRate.editDistance(words, reference)
            var rows = TranslationEditRate.DistanceRows()
            for _ in 0..<3 {
                let sharedRows = Int.random(in: 0...words.count, using: &generator)
                var shifted = words
                shifted[sharedRows...].shuffle(using: &generator)
                #expect(TranslationEditRate.distance(shifted, reference, from: base.matrix, sharedRows: sharedRows, rows: &rows)
                        == TranslationEditRate.editDistance(shifted, reference).distance)
            }
        }
        #expect(banded > 300, "most pairs reach the banded path")
    }

    @Test("The beam's matrix redone from the first row whose words changed is the matrix made afresh")
    func matrixFromARow() {
        var generator = SplitMix(seed: 23)
        for _ in 0..<600 {
            let words = generator.words(1...70, of: 0...6)
            let reference = generator.words(1...70, of: 0...7)
            var matrix = TranslationEditRate.editDistance(words, reference).matrix
            let sharedRows = Int.random(in: 0...words.count, using: &generator)
            var shifted = words
            shifted[sharedRows...].shuffle(using: &generator)
            let fresh = TranslationEditRate.editDistance(shifted, reference)
            #expect(TranslationEditRate.editDistance(shifted, reference, into: &matrix, fromRow: sharedRows + 1) == fresh.distance)
            #expect(matrix.cost == fresh.matrix.cost && matrix.operation == fresh.matrix.operation)
        }
    }

    @Test("The alignment traced in the beam's matrix is the one traced from bit vectors' distances where the beam covers it")
    func alignments() {
        var generator = SplitMix(seed: 19)
        for _ in 0..<2000 {
            let words = generator.words(0...24, of: 0...4)
            let reference = generator.words(1...24, of: 0...5)
            guard TranslationEditRate.beamCoversMatrix(count: words.count, columns: reference.count + 1) else { continue }
            let matrix = TranslationEditRate.editDistance(words, reference).matrix
            let bitVectors = BitVectorEditDistance<UInt64>(words: words, reference: reference)
            let fromMatrix = TranslationEditRate.alignment(words, reference) { matrix.operation($0, $1) }
            let fromBitVectors = TranslationEditRate.alignment(words, reference) {
                TranslationEditRate.operation(words, reference, $0, $1, cost: bitVectors.cost)
            }
            #expect(fromMatrix.0 == fromBitVectors.0 && fromMatrix.1 == fromBitVectors.1 && fromMatrix.2 == fromBitVectors.2)
            var walk = bitVectors.traceWalk
            let fromRows = TranslationEditRate.alignment(words, reference) { walk.operation(words, reference, $0, $1) }
            #expect(fromRows.0 == fromBitVectors.0 && fromRows.1 == fromBitVectors.1 && fromRows.2 == fromBitVectors.2)
            #expect(!fromMatrix.0.contains(TranslationEditRate.unaligned))
        }
    }

    /// A reference of 26 to 64 words (the beam narrower than the matrix, the bit vectors still
    /// holding it), and a hypothesis made from it by edits and block moves (some long, some runs of
    /// insertions or deletions): close enough, often, for every path of its distance to lie inside
    /// the beam, and often not.
    private static func nearPair(_ generator: inout SplitMix) -> (words: [UInt32], reference: [UInt32]) {
        let reference = generator.words(26...64, of: 0...9)
        return (edited(reference, edits: 0...16, values: 0...11, runs: true, longestMove: 30, using: &generator), reference)
    }

    /// `reference` with a number of edits drawn from `edits`: a word replaced or inserted (a value
    /// from `values`), removed, with `runs` a run of up to 25 words inserted or removed, or a block of
    /// up to `longestMove` words moved. (The draws in that order, as the tests that spelled it out
    /// made them.)
    static func edited(_ reference: [UInt32], edits: ClosedRange<Int>, values: ClosedRange<UInt32>, runs: Bool,
                       longestMove: Int, using generator: inout SplitMix) -> [UInt32] {
        var words = reference
        for _ in 0..<Int.random(in: edits, using: &generator) where !words.isEmpty {
            let index = Int.random(in: 0..<words.count, using: &generator)
            switch Int.random(in: 0..<(runs ? 6 : 4), using: &generator) {
            case 0: words[index] = UInt32.random(in: values, using: &generator)
            case 1: words.insert(UInt32.random(in: values, using: &generator), at: index)
            case 2: words.remove(at: index)
            case 3 where runs: words.insert(contentsOf: generator.words(1...25, of: values), at: index)
            case 4 where runs: words.removeSubrange(index..<min(words.count, index + Int.random(in: 1...25, using: &generator)))
            default:
                let length = Int.random(in: 1...min(longestMove, words.count - index), using: &generator)
                words = TranslationEditRate.perform(words, start: index, length: length, target: Int.random(in: 0...words.count, using: &generator))
            }
        }
        return words
    }

    /// Whether the beam is narrower than the matrix for `words` against `reference` and the full
    /// matrix's distance (`bitVectors`') is within its cost: the round TER then reads from the bit vectors.
    private static func withinNarrowerBeam(_ words: [UInt32], _ reference: [UInt32], _ bitVectors: BitVectorEditDistance<UInt64>) -> Bool {
        let columns = reference.count + 1
        return !TranslationEditRate.beamCoversMatrix(count: words.count, columns: columns)
            && bitVectors.distance <= TranslationEditRate.costWithinBeam(count: words.count, columns: columns)
    }

    @Test("Where the full matrix's distance is at most the cost within the beam, a narrower beam's distance and trace are the full matrix's")
    func costWithinBeam() {
        var generator = SplitMix(seed: 29)
        var within = 0
        for _ in 0..<3000 {
            let (words, reference) = Self.nearPair(&generator)
            let bitVectors = BitVectorEditDistance<UInt64>(words: words, reference: reference)
            guard Self.withinNarrowerBeam(words, reference, bitVectors) else { continue }
            within += 1
            let (distance, matrix) = TranslationEditRate.editDistance(words, reference)
            #expect(distance == bitVectors.distance)
            let fromMatrix = TranslationEditRate.alignment(words, reference) { matrix.operation($0, $1) }
            var walk = bitVectors.traceWalk
            let fromRows = TranslationEditRate.alignment(words, reference) { walk.operation(words, reference, $0, $1) }
            #expect(fromMatrix.0 == fromRows.0 && fromMatrix.1 == fromRows.1 && fromMatrix.2 == fromRows.2, "\(words) \(reference)")
        }
        #expect(within > 500, "many pairs are within the beam's cost")
    }

    @Test("TER's edits with the bit vectors standing for a narrower beam, in rounds within its cost, are the beam's")
    func shiftsWithinBeam() {
        var generator = SplitMix(seed: 31)
        // The pairs whose first round (the unshifted words) takes the bit vectors for a narrower beam.
        var within = 0
        for _ in 0..<3000 {
            let (words, reference) = Self.nearPair(&generator)
            if Self.withinNarrowerBeam(words, reference, BitVectorEditDistance<UInt64>(words: words, reference: reference)) { within += 1 }
            let searched = TranslationEditRate.editsAndLength(words, reference)
            let plain = TranslationEditRate.editsAndLength(words, reference, prunes: false)
            #expect(searched == plain, "\(words) \(reference)")
        }
        #expect(within > 500, "many pairs start with a round within the beam's cost")
    }

    @Test("Whether the beam covers the matrix, read off two rows, is what every row's band says")
    func beamCoverage() {
        for count in 0...130 {
            for columns in 1...131 {
                #expect(TranslationEditRate.beamCoversMatrix(count: count, columns: columns)
                        == TranslationEditRate.beamCoversMatrixByRows(count: count, columns: columns), "\(count) \(columns)")
            }
        }
    }
}

@testable import MTAudit
import Testing

/// TER's shift search as session 8 made it: the bit vectors' trace walked in one loop that writes
/// the alignment and each side's first errors (`BitVectorEditDistance.trace`), rows kept from one
/// round to the next (`setWords(_:keeping:)`), shifts performed in place, and candidates passed
/// over by their blocks' errors before their words are matched. Each against the plain way.
@Suite("Metrics 8: TER's trace and shift search")
struct Metrics8ShiftTraceTests {
    private typealias TER = TranslationEditRate

    /// The first position at or after each position of `errors` (and one past its last) in error.
    private static func firstErrors(_ errors: [Bool]) -> [Int] {
        (0...errors.count).map { start in errors[start...].firstIndex(of: true) ?? errors.count }
    }

    /// `trace`'s buffer as the plain alignment and errors make it.
    private static func plainSpans(_ alignment: ([Int], [Bool], [Bool])) -> [Int] {
        let (align, refErrors, hypErrors) = alignment
        return align + firstErrors(hypErrors) + firstErrors(refErrors)
    }

    /// A pair: a reference of `lengths` words and a hypothesis made from it by edits and moves.
    private static func pair(_ lengths: ClosedRange<Int>, _ generator: inout SplitMix) -> (words: [UInt32], reference: [UInt32]) {
        let reference = generator.words(lengths, of: 0...9)
        let runs = Bool.random(using: &generator)
        return (TranslationEditRateTests.edited(reference, edits: 0...12, values: 0...12, runs: runs, longestMove: 12, using: &generator),
                reference)
    }

    /// `trace` against `TranslationEditRate.alignment` walked by `TraceWalk` (itself checked against
    /// the full matrix), for bit vectors of `Bits`.
    private static func checkTrace<Bits: FixedWidthInteger & UnsignedInteger>(_ words: [UInt32], _ reference: [UInt32], _: Bits.Type) {
        let bitVectors = BitVectorEditDistance<Bits>(words: words, reference: reference)
        var walk = bitVectors.traceWalk
        let plain = TER.alignment(words, reference) { walk.operation(words, reference, $0, $1) }
        var spans = [Int](repeating: 7, count: 3)
        let refErrorBits = bitVectors.trace(words, referenceCount: reference.count, into: &spans)
        #expect(spans == plainSpans(plain), "\(words) \(reference)")
        var plainBits: Bits = 0
        for (position, error) in plain.1.enumerated() where error { plainBits |= 1 << position }
        #expect(refErrorBits == plainBits, "\(words) \(reference)")
        // Again into the same buffer, which is then of the right size and holds the last answers.
        let again = bitVectors.trace(words, referenceCount: reference.count, into: &spans)
        #expect(again == refErrorBits && spans == plainSpans(plain))
    }

    @Test("The one-loop trace writes the alignment and first errors the trace walk makes, one machine word wide")
    func traceOneWord() {
        var generator = SplitMix(seed: 801)
        for _ in 0..<3000 {
            let (words, reference) = Self.pair(1...64, &generator)
            Self.checkTrace(words, reference, UInt64.self)
        }
    }

    @Test("The one-loop trace writes the alignment and first errors the trace walk makes, two machine words wide")
    func traceTwoWords() {
        var generator = SplitMix(seed: 803)
        for _ in 0..<600 {
            let (words, reference) = Self.pair(1...128, &generator)
            Self.checkTrace(words, reference, UInt128.self)
        }
    }

    @Test("Rows kept for the words before a shift's block or target are the rows made afresh")
    func rowsKept() {
        var generator = SplitMix(seed: 805)
        for _ in 0..<2000 {
            let (words, reference) = Self.pair(1...64, &generator)
            guard !words.isEmpty else { continue }
            var kept = BitVectorEditDistance<UInt64>(words: words, reference: reference)
            let start = Int.random(in: 0..<words.count, using: &generator)
            let length = Int.random(in: 1...min(10, words.count - start), using: &generator)
            let target = Int.random(in: 0...words.count, using: &generator)
            let moved = TER.perform(words, start: start, length: length, target: target)
            kept.setWords(moved, keeping: min(start, target))
            let fresh = BitVectorEditDistance<UInt64>(words: moved, reference: reference)
            #expect(kept.distance == fresh.distance)
            for i in 0...moved.count {
                for j in 0...reference.count { #expect(kept.cost(i, j) == fresh.cost(i, j)) }
            }
        }
    }

    @Test("The distance with no search made is the bit vectors' distance, one and two machine words wide")
    func distanceWithNoSearch() {
        var generator = SplitMix(seed: 813)
        for _ in 0..<3000 {
            let (words, reference) = Self.pair(1...64, &generator)
            #expect(BitVectorEditDistance<UInt64>.distance(words, reference: reference)
                    == BitVectorEditDistance<UInt64>(words: words, reference: reference).distance)
        }
        for _ in 0..<500 {
            let (words, reference) = Self.pair(1...128, &generator)
            #expect(BitVectorEditDistance<UInt128>.distance(words, reference: reference)
                    == BitVectorEditDistance<UInt128>(words: words, reference: reference).distance)
        }
    }

    @Test("Pairs no shift can bring closer, answered with no search made, have the plain search's edits")
    func editsWithNoSearch() {
        var generator = SplitMix(seed: 815)
        for _ in 0..<3000 {
            // Mostly substitutions, insertions and deletions (no shift helps), some moves.
            let reference = generator.words(1...64, of: 0...14)
            let words = TranslationEditRateTests.edited(reference, edits: 0...10, values: 0...20, runs: Bool.random(using: &generator),
                                                        longestMove: 3, using: &generator)
            #expect(TER.editsAndLength(words, reference) == TER.editsAndLength(words, reference, prunes: false), "\(words) \(reference)")
        }
    }

    @Test("A shift performed in place of a kept buffer is the words cut as Python's slices cut them")
    func performInPlace() {
        var generator = SplitMix(seed: 807)
        var buffer: [UInt32] = []
        for _ in 0..<3000 {
            let words = generator.words(0...20, of: 0...30)
            guard !words.isEmpty else { continue }
            let start = Int.random(in: 0..<words.count, using: &generator)
            let length = Int.random(in: 0...(words.count - start), using: &generator)
            let target = Int.random(in: 0...(words.count + 3), using: &generator)
            func slice(_ from: Int, _ to: Int) -> ArraySlice<UInt32> {
                let a = min(max(0, from), words.count), b = min(max(0, to), words.count)
                return a < b ? words[a..<b] : []
            }
            let plain: [UInt32]
            if target < start {
                plain = Array(slice(0, target) + slice(start, start + length) + slice(target, start) + slice(start + length, words.count))
            } else if target > start + length {
                plain = Array(slice(0, start) + slice(start + length, target) + slice(start, start + length) + slice(target, words.count))
            } else {
                plain = Array(slice(0, start) + slice(start + length, length + target) + slice(start, start + length)
                              + slice(length + target, words.count))
            }
            // A buffer of another length (a fresh one), or of this length holding other words.
            if Bool.random(using: &generator) { buffer = generator.words(0...20, of: 0...30) }
            TER.perform(words, start: start, length: length, target: target, into: &buffer)
            #expect(buffer == plain, "\(words) \(start) \(length) \(target)")
            #expect(TER.perform(words, start: start, length: length, target: target) == plain)
        }
    }

    /// sacreBLEU's TER spelled out: every round the beam's matrix and its trace, every candidate
    /// shift made and scored in the beam, no bound and nothing passed over but what sacreBLEU passes
    /// over, in sacreBLEU's order.
    static func plainEditsAndLength(_ hyp: [UInt32], _ ref: [UInt32]) -> (Int, Int) {
        if ref.isEmpty { return (hyp.count, 0) }
        var words = hyp, shifts = 0, checked = 0
        while true {
            let (before, matrix) = TER.editDistance(words, ref)
            let (align, refErrors, hypErrors) = TER.alignment(words, ref) { matrix.operation($0, $1) }
            var best: ShiftSearch<UInt64>.Candidate?
            search: for start in 0..<words.count {
                for refStart in 0..<ref.count where abs(refStart - start) <= TER.maximumShiftDistance {
                    var length = 0
                    while length < TER.maximumShiftSize && start + length < words.count && refStart + length < ref.count
                        && words[start + length] == ref[refStart + length] {
                        length += 1
                        if !hypErrors[start..<start + length].contains(true) { continue }
                        if !refErrors[refStart..<refStart + length].contains(true) { continue }
                        if start <= align[refStart] && align[refStart] < start + length { continue }
                        var previous = -1
                        for offset in -1..<length {
                            let target: Int
                            if refStart + offset == -1 {
                                target = 0
                            } else if align[refStart + offset] != TER.unaligned {
                                target = align[refStart + offset] + 1
                            } else {
                                break
                            }
                            if target == previous { continue }
                            previous = target
                            let shifted = TER.perform(words, start: start, length: length, target: target)
                            checked += 1
                            let candidate = ShiftSearch<UInt64>.Candidate(gain: before - TER.editDistance(shifted, ref).distance,
                                                                         length: length, start: start, target: target)
                            if best == nil || candidate.isBetter(than: best!) { best = candidate }
                        }
                        if checked >= TER.maximumShiftCandidates { break search }
                    }
                }
            }
            guard let best, checked < TER.maximumShiftCandidates, best.gain > 0 else { return (shifts + before, ref.count) }
            shifts += 1
            words = TER.perform(words, start: best.start, length: best.length, target: best.target)
        }
    }

    @Test("TER's edits are those of sacreBLEU's search spelled out, on short references")
    func editsAsSpelledOut() {
        var generator = SplitMix(seed: 809)
        for _ in 0..<400 {
            let (words, reference) = Self.pair(1...40, &generator)
            #expect(TER.editsAndLength(words, reference) == Self.plainEditsAndLength(words, reference), "\(words) \(reference)")
        }
    }

    @Test("TER's edits are those of sacreBLEU's search spelled out, on long references (beam and two-word bit vectors)")
    func editsAsSpelledOutLong() {
        var generator = SplitMix(seed: 811)
        for _ in 0..<12 {
            let (words, reference) = Self.pair(41...110, &generator)
            #expect(TER.editsAndLength(words, reference) == Self.plainEditsAndLength(words, reference), "\(words) \(reference)")
        }
    }
}

import Foundation

/// TER (Snover et al. 2006) as sacreBLEU 2.6 computes it with its defaults, which follow Tercom: the
/// texts lower-cased and split at white space, a beam edit distance around the diagonal, and block
/// shifts of up to 10 words over up to 50 positions, chosen greedily with Tercom's heuristics and at
/// most 1000 candidates. Lower is better: 100 × edits ÷ reference words.
public struct TranslationEditRate: SentenceMetric {
    static let maximumShiftSize = 10
    static let maximumShiftDistance = 50
    static let beamWidth = 25
    static let maximumShiftCandidates = 1000
    static let infinity = Int(1e16)

    public init() {}

    public var name: String { "TER" }

    /// `seg:aligned`: a text of several sentences is scored as the corpus of its aligned sentence
    /// pairs (see `score(segments:)`); a pair of single sentences is sacreBLEU's sentence TER exactly.
    public var signature: String { "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|seg:aligned|version:2.6.0" }

    public func score(hypothesis: String, reference: String) -> Double {
        score(segments: [(hypothesis, reference)])
    }

    /// The corpus TER of the aligned pairs (`seg:aligned`).
    public func score(hypothesis: String, reference: String,
                      segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double {
        let (pairs, unpaired) = segments()
        return score(segments: pairs, unpaired: unpaired)
    }

    /// sacreBLEU's corpus TER over segment pairs: the edits of every pair (shifts within a pair only)
    /// over the words of every reference. `unpaired`, what is left of the two texts once the pairs
    /// are made, is counted too, but by edit distance alone: shifting words between passages that
    /// do not render one another measures nothing, and on a long remainder the shift search would
    /// cost about the square of its length.
    public func score(segments: [(hypothesis: String, reference: String)],
                      unpaired: (hypothesis: String, reference: String)? = nil) -> Double {
        var edits = 0, length = 0
        for (hypothesis, reference) in segments {
            var numbering = WordNumbering()
            let (segmentEdits, segmentLength) = Self.editsAndLength(numbering.ids(Self.words(hypothesis)), numbering.ids(Self.words(reference)))
            edits += segmentEdits
            length += segmentLength
        }
        if let (hypothesis, reference) = unpaired {
            var numbering = WordNumbering()
            let hyp = numbering.ids(Self.words(hypothesis)), ref = numbering.ids(Self.words(reference))
            edits += ref.isEmpty ? hyp.count : Self.editDistance(hyp, ref).distance
            length += ref.count
        }
        if length > 0 { return 100 * Double(edits) / Double(length) }
        return edits > 0 ? 100 : 0
    }

    /// Tercom's default tokenization: lower case, split at white space.
    static func words(_ text: String) -> [String] {
        var trimmed = Array(text.unicodeScalars)
        while let last = trimmed.last, PythonText.isSpace(last) { trimmed.removeLast() }
        return PythonText.split(Array(PythonText.string(trimmed).lowercased().unicodeScalars)).map(PythonText.string)
    }

    /// The number of edits (shifts included) and the reference's length.
    static func editsAndLength(_ hyp: [UInt32], _ ref: [UInt32]) -> (Int, Int) {
        if ref.isEmpty { return (hyp.count, 0) }
        var shifts = 0
        var words = hyp
        var checked = 0
        while true {
            let (gain, shifted, count) = bestShift(words, ref, checked: checked)
            checked = count
            if checked >= maximumShiftCandidates || gain <= 0 { break }
            shifts += 1
            words = shifted
        }
        return (shifts + editDistance(words, ref).distance, ref.count)
    }

    // MARK: Shifts

    private struct Candidate {
        let gain: Int
        let length: Int
        let start: Int
        let target: Int
        let words: [UInt32]

        /// Tercom's preference: most gain, then the longest block, the earliest block, the earliest target.
        func isBetter(than other: Candidate) -> Bool {
            if gain != other.gain { return gain > other.gain }
            if length != other.length { return length > other.length }
            if start != other.start { return start < other.start }
            if target != other.target { return target < other.target }
            return false
        }
    }

    /// The shift that lowers the edit distance most, its gain, and the candidates counted so far.
    private static func bestShift(_ words: [UInt32], _ ref: [UInt32], checked: Int) -> (Int, [UInt32], Int) {
        let base = editDistance(words, ref, reusing: nil, sharedRows: 0)
        let (before, hypToRefTrace) = (base.distance, base.trace)
        // Flip the trace: insertions become deletions and back, to read it from the reference's side.
        let (align, refErrors, hypErrors) = alignment(hypToRefTrace.map { $0 == .insert ? .delete : $0 == .delete ? .insert : $0 })
        var checked = checked
        var best: Candidate?
        outer: for (start, refStart, length) in shiftedPairs(words, ref) {
            if hypErrors[start..<start + length].allSatisfy({ !$0 }) { continue }
            if refErrors[refStart..<refStart + length].allSatisfy({ !$0 }) { continue }
            if let aligned = align[refStart], start <= aligned && aligned < start + length { continue }
            var previous = -1
            for offset in -1..<length {
                let target: Int
                if refStart + offset == -1 {
                    target = 0
                } else if let aligned = align[refStart + offset] {
                    target = aligned + 1
                } else {
                    break
                }
                if target == previous { continue }
                previous = target
                let shifted = perform(words, start: start, length: length, target: target)
                // The shifted words agree with the unshifted ones up to the block or the target.
                let distance = editDistance(shifted, ref, reusing: base.matrix, sharedRows: min(start, target)).distance
                let candidate = Candidate(gain: before - distance, length: length,
                                          start: start, target: target, words: shifted)
                checked += 1
                if best == nil || candidate.isBetter(than: best!) { best = candidate }
            }
            if checked >= maximumShiftCandidates { break outer }
        }
        guard let best else { return (0, words, checked) }
        return (best.gain, best.words, checked)
    }

    /// Matching runs of words in the hypothesis and the reference, not too far apart, each prefix of a
    /// run counted on its own: (hypothesis start, reference start, length).
    private static func shiftedPairs(_ hyp: [UInt32], _ ref: [UInt32]) -> [(Int, Int, Int)] {
        var pairs: [(Int, Int, Int)] = []
        for start in hyp.indices {
            for refStart in ref.indices where abs(refStart - start) <= maximumShiftDistance {
                var length = 0
                while hyp[start + length] == ref[refStart + length] && length < maximumShiftSize {
                    length += 1
                    pairs.append((start, refStart, length))
                    if hyp.count == start + length || ref.count == refStart + length { break }
                }
            }
        }
        return pairs
    }

    /// `words` with the block of `length` at `start` moved to `target`, as sacreBLEU's `_perform_shift`
    /// does it, with Python's slices: bounds past the end are clamped to it, as when a target inside
    /// the block puts `length + target` beyond the last word.
    static func perform(_ words: [UInt32], start: Int, length: Int, target: Int) -> [UInt32] {
        func slice(_ from: Int, _ to: Int) -> ArraySlice<UInt32> {
            let a = min(max(0, from), words.count), b = min(max(0, to), words.count)
            return a < b ? words[a..<b] : []
        }
        let end = words.count
        let block = slice(start, start + length)
        if target < start {
            return Array(slice(0, target) + block + slice(target, start) + slice(start + length, end))
        } else if target > start + length {
            return Array(slice(0, start) + slice(start + length, target) + block + slice(target, end))
        } else {
            return Array(slice(0, start) + slice(start + length, length + target) + block + slice(length + target, end))
        }
    }

    // MARK: Edit distance

    enum Operation { case match, substitute, insert, delete, undefined }

    /// From an (already flipped) trace: for each reference position the hypothesis position it meets,
    /// and which positions of each side are in error.
    private static func alignment(_ trace: [Operation]) -> ([Int: Int], [Bool], [Bool]) {
        var hyp = -1, ref = -1
        var align: [Int: Int] = [:]
        var refErrors: [Bool] = [], hypErrors: [Bool] = []
        for operation in trace {
            switch operation {
            case .match, .substitute:
                hyp += 1; ref += 1
                align[ref] = hyp
                hypErrors.append(operation == .substitute)
                refErrors.append(operation == .substitute)
            case .insert:
                hyp += 1
                hypErrors.append(true)
            case .delete:
                ref += 1
                align[ref] = hyp
                refErrors.append(true)
            case .undefined:
                break
            }
        }
        return (align, refErrors, hypErrors)
    }

    /// The edit distance from hypothesis to reference, computed in a beam around the (length-scaled)
    /// diagonal, and the operations that make it.
    /// The cells of the edit-distance matrix inside the beam, row after row: row i holds columns
    /// `low[i]..<high[i]` from `start[i]` in the flat arrays. Row i depends only on the first i words
    /// of the hypothesis, so another hypothesis of the same length and the same first words can reuse
    /// the first rows.
    struct Matrix {
        var cost: [Int]
        var operation: [Operation]
        var start: [Int]
        var low: [Int]
        var high: [Int]

        @inline(__always) func value(_ i: Int, _ j: Int) -> Int {
            j >= low[i] && j < high[i] ? cost[start[i] + j - low[i]] : infinity
        }
    }

    static func editDistance(_ hyp: [UInt32], _ ref: [UInt32]) -> (distance: Int, trace: [Operation]) {
        let result = editDistance(hyp, ref, reusing: nil, sharedRows: 0)
        return (result.distance, result.trace)
    }

    /// The bands of each row for a hypothesis of `count` words against `columns - 1` reference words.
    private static func bands(count: Int, columns: Int) -> (start: [Int], low: [Int], high: [Int]) {
        let ratio = count == 0 ? 1 : Double(columns - 1) / Double(count)
        let beam = Double(beamWidth) < ratio / 2 ? Int((ratio / 2 + Double(beamWidth)).rounded(.up)) : beamWidth
        var start = [0], low = [0], high = [columns]
        var next = columns
        if count > 0 {
            for i in 1...count {
                let diagonal = Int((Double(i) * ratio).rounded(.down))
                let lo = max(0, diagonal - beam)
                let hi = max(lo, i == count ? columns : min(columns, diagonal + beam))
                start.append(next)
                low.append(lo)
                high.append(hi)
                next += hi - lo
            }
        }
        start.append(next)
        return (start, low, high)
    }

    /// The edit distance, reusing the first `sharedRows` word rows of `base` (computed for a
    /// hypothesis of the same length that starts with the same `sharedRows` words).
    static func editDistance(_ hyp: [UInt32], _ ref: [UInt32], reusing base: Matrix?, sharedRows: Int)
        -> (distance: Int, trace: [Operation], matrix: Matrix) {
        let columns = ref.count + 1
        var matrix: Matrix
        var first = 1
        if let base, sharedRows > 0 {
            matrix = base
            first = sharedRows + 1
        } else {
            let (start, low, high) = bands(count: hyp.count, columns: columns)
            let size = start.last!
            matrix = Matrix(cost: [Int](repeating: infinity, count: size), operation: [Operation](repeating: .undefined, count: size),
                            start: start, low: low, high: high)
            for j in 0..<columns { matrix.cost[j] = j; matrix.operation[j] = .insert }
        }
        if hyp.count >= first {
            let start = matrix.start, lows = matrix.low, highs = matrix.high
            ref.withUnsafeBufferPointer { ref in
            matrix.cost.withUnsafeMutableBufferPointer { cost in
            matrix.operation.withUnsafeMutableBufferPointer { operation in
                for i in first...hyp.count {
                    let word = hyp[i - 1]
                    let rowStart = start[i], low = lows[i], high = highs[i]
                    let above = start[i - 1], aboveLow = lows[i - 1], aboveHigh = highs[i - 1]
                    guard low < high else { continue }
                    for j in low..<high {
                        let here = rowStart + j - low
                        if j == 0 {
                            cost[here] = (aboveLow == 0 && aboveHigh > 0 ? cost[above] : infinity) + 1
                            operation[here] = .delete
                            continue
                        }
                        let same = word == ref[j - 1]
                        let diagonalCell = j - 1 >= aboveLow && j - 1 < aboveHigh ? cost[above + j - 1 - aboveLow] : infinity
                        var best = diagonalCell + (same ? 0 : 1)
                        var kind: Operation = same ? .match : .substitute
                        let up = (j >= aboveLow && j < aboveHigh ? cost[above + j - aboveLow] : infinity) + 1
                        if up < best { best = up; kind = .delete }
                        let left = (j - 1 >= low ? cost[here - 1] : infinity) + 1
                        if left < best { best = left; kind = .insert }
                        cost[here] = best
                        operation[here] = kind
                    }
                }
            }
            }
            }
        }
        var trace: [Operation] = []
        var i = hyp.count, j = ref.count
        while i > 0 || j > 0 {
            let kind = j >= matrix.low[i] && j < matrix.high[i] ? matrix.operation[matrix.start[i] + j - matrix.low[i]] : .undefined
            trace.append(kind)
            switch kind {
            case .match, .substitute: i -= 1; j -= 1
            case .insert: j -= 1
            case .delete: i -= 1
            case .undefined: i = 0; j = 0  // unreachable: the last row spans every column
            }
        }
        let distance = matrix.value(hyp.count, ref.count)
        return (distance, trace.reversed(), matrix)
    }
}

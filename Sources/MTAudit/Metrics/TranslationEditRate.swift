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

    public func score(hypothesis: MetricText, reference: MetricText) -> Double {
        let prepared = reference.editRateReference, vocabulary = prepared.vocabulary
        // The reference word for word: no edit (the version's words neither lowered nor numbered).
        if hypothesis.hasSameBytes(as: reference) { return Self.rate(edits: 0, length: vocabulary.words.count) }
        return scoreReadingBoth(hypothesis: hypothesis, reference: reference)
    }

    /// `score` with the hypothesis's words numbered and compared, whether or not it is the reference
    /// (the way of texts that differ; for tests, of the same texts too).
    func scoreReadingBoth(hypothesis: MetricText, reference: MetricText) -> Double {
        let prepared = reference.editRateReference, vocabulary = prepared.vocabulary
        let (edits, length) = vocabulary.withReferenceIDs(continuing: hypothesis.editRateWords) { hyp, ref, _ in
            // The same words, or no reference: `editsAndLength`'s answers without its arrays.
            if ref.isEmpty { return (hyp.count, 0) }
            if hyp.elementsEqual(ref) { return (0, ref.count) }
            // A reference the bit vectors hold, numbered by its vocabulary: its table made once.
            if !prepared.positions.isEmpty && prepared.isVocabularys(ref) { return Self.editsAndLength(hyp, reference: prepared) }
            // The reference's numbers are the vocabulary's own array unless they were numbered
            // again with the hypothesis's (words compared as strings): then copied.
            let isVocabularys = vocabulary.ids.withUnsafeBufferPointer { $0.baseAddress == ref.baseAddress }
            return Self.editsAndLength(Array(hyp), isVocabularys ? vocabulary.ids : Array(ref))
        }
        return Self.rate(edits: edits, length: length)
    }

    /// The corpus TER of the aligned pairs (`seg:aligned`).
    public func score(hypothesis: String, reference: String,
                      segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double {
        let (pairs, unpaired) = segments()
        return score(segments: pairs, unpaired: unpaired)
    }

    /// The corpus TER of the aligned pairs (`seg:aligned`), which are made of strings, not of the
    /// prepared texts.
    public func score(hypothesis: MetricText, reference: MetricText,
                      segments: () -> (pairs: [(hypothesis: String, reference: String)], unpaired: (hypothesis: String, reference: String)?)) -> Double {
        let (pairs, unpaired) = segments()
        return score(segments: pairs, unpaired: unpaired)
    }

    /// The corpus TER of the aligned sentences (`seg:aligned`), as `score(segments:)` scores their
    /// strings (`AlignedSentences.segments`), with no string made: each pair's words are read off the
    /// whole texts' words, numbered once. A sentence's words are the text's words at white space that
    /// lie inside its bytes, lowered as the sentence's own words are (scalar by scalar); joining a
    /// pair's sentences by a space puts their words one after another. Words are numbered alike where
    /// they are equal as the pairs' numbering finds them (by bytes where both texts' words compare by
    /// bytes, and so do each pair's; else as strings, canonically, which is bytes for words that
    /// compare by bytes), and the edits read nothing of the numbers but which are equal. Where a
    /// sentence's bounds cut a word (a break with no white space) or lowering moved the words (a
    /// capital whose lower case is longer or shorter), the strings are scored.
    public func score(hypothesis: MetricText, reference: MetricText, sentences: AlignedSentences) -> Double {
        let vocabulary = reference.editRateVocabulary
        let hypWords = hypothesis.editRateWords, refWords = vocabulary.words
        guard hypWords.ranges == hypothesis.spaceWords, refWords.ranges == reference.spaceWords,
              let hypSentences = Self.sentenceWords(sentences.hypothesis.sentences, hypWords.ranges),
              let refSentences = Self.sentenceWords(sentences.reference.sentences, refWords.ranges) else {
            let (pairs, unpaired) = sentences.segments
            return score(segments: pairs, unpaired: unpaired)
        }
        let (edits, length) = vocabulary.withReferenceIDs(continuing: hypWords) { hyp, ref, count in
            // Each pair's words numbered again from 0, in order of first appearance (the hypothesis's,
            // then the reference's), as the pair's strings number them: the search's tables are sized
            // by the largest number, which the whole texts' numbers would make that of a long text.
            // `local` holds a whole-text number's number in the pair (`unnumbered` for none), and is
            // cleared after each pair by the pair's words again.
            let unnumbered = UInt32.max
            var local = [UInt32](filledWith: unnumbered, count: count)
            // Each pair's numbers, in buffers kept from one pair to the next.
            var hypSegment: [UInt32] = [], refSegment: [UInt32] = []
            return local.withUnsafeMutableBufferPointer { local in
                var numbered: UInt32 = 0
                /// `segment` made the pair's numbers of the words of `sentences`: sized first, then
                /// written in place (no append, which checks and grows the buffer, a word).
                func gather(_ ids: UnsafeBufferPointer<UInt32>, _ words: [Range<Int>], _ sentences: some Collection<Int>,
                            into segment: inout [UInt32]) {
                    var total = 0
                    for sentence in sentences { total += words[sentence].count }
                    segment.removeAll(keepingCapacity: true)
                    segment.append(contentsOf: repeatElement(0, count: total))
                    segment.withUnsafeMutableBufferPointer { segment in
                        var index = 0
                        for sentence in sentences {
                            for position in words[sentence] {
                                let id = Int(ids[position])
                                if local[id] == unnumbered {
                                    local[id] = numbered
                                    numbered &+= 1
                                }
                                segment[index] = local[id]
                                index &+= 1
                            }
                        }
                    }
                }
                /// `local` cleared of the numbers given to the words of `sentences`.
                func clear(_ ids: UnsafeBufferPointer<UInt32>, _ words: [Range<Int>], _ sentences: some Collection<Int>) {
                    for sentence in sentences {
                        for position in words[sentence] { local[Int(ids[position])] = unnumbered }
                    }
                    numbered = 0
                }
                var edits = 0, length = 0
                for link in sentences.links {
                    gather(hyp, hypSentences, link.version, into: &hypSegment)
                    gather(ref, refSentences, link.source, into: &refSegment)
                    clear(hyp, hypSentences, link.version)
                    clear(ref, refSentences, link.source)
                    let (segmentEdits, segmentLength) = Self.editsAndLength(hypSegment, refSegment)
                    edits += segmentEdits
                    length += segmentLength
                }
                let leftHypothesis = sentences.leftHypothesis, leftReference = sentences.leftReference
                if !leftHypothesis.isEmpty || !leftReference.isEmpty {
                    gather(hyp, hypSentences, leftHypothesis, into: &hypSegment)
                    gather(ref, refSentences, leftReference, into: &refSegment)
                    edits += refSegment.isEmpty ? hypSegment.count : Self.editDistance(hypSegment, refSegment).distance
                    length += refSegment.count
                }
                return (edits, length)
            }
        }
        return Self.rate(edits: edits, length: length)
    }

    /// Each sentence's words, as the range of their indices in `words` (a text's words at white
    /// space, in order): those inside its bytes. Nil where a word runs over a sentence's bounds, or
    /// the sentences are out of order.
    static func sentenceWords(_ sentences: [Sentence], _ words: [Range<Int>]) -> [Range<Int>]? {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sentences.count)
        var index = 0, previousEnd = 0
        for sentence in sentences {
            let bytes = sentence.utf8
            guard bytes.lowerBound >= previousEnd else { return nil }
            previousEnd = bytes.upperBound
            while index < words.count && words[index].upperBound <= bytes.lowerBound { index += 1 }
            if index < words.count && words[index].lowerBound < bytes.lowerBound { return nil }
            let first = index
            while index < words.count && words[index].upperBound <= bytes.upperBound { index += 1 }
            if index < words.count && words[index].lowerBound < bytes.upperBound { return nil }
            ranges.append(first..<index)
        }
        return ranges
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
            let (hyp, ref) = Self.numberedWords(hypothesis, reference)
            let (segmentEdits, segmentLength) = Self.editsAndLength(hyp, ref)
            edits += segmentEdits
            length += segmentLength
        }
        if let (hypothesis, reference) = unpaired {
            let (hyp, ref) = Self.numberedWords(hypothesis, reference)
            edits += ref.isEmpty ? hyp.count : Self.editDistance(hyp, ref).distance
            length += ref.count
        }
        return Self.rate(edits: edits, length: length)
    }

    private static func rate(edits: Int, length: Int) -> Double {
        if length > 0 { return 100 * Double(edits) / Double(length) }
        return edits > 0 ? 100 : 0
    }

    /// Tercom's default tokenization: lower case, split at white space.
    static func words(_ text: String) -> ByteWords {
        words(MetricText(text))
    }

    /// `words` of a prepared text, lowered as `lowercased()` lowers it: scalar by scalar, each by its
    /// `lowercaseMapping` (the standard library's definition). ASCII is lowered byte by byte, and a
    /// scalar that `changesWhenLowercased` does not is its own mapping (true of every scalar:
    /// `MetricTextTests` checks them all), copied as it is; the others (a few capitals) are
    /// looked up. Where no scalar's mapping changed its length the words are the text's words at
    /// white space, at the same offsets (no space lowers to a non-space or back); else the lowered
    /// bytes are split again.
    static func words(_ text: MetricText) -> ByteWords {
        let utf8 = text.utf8
        if text.isASCII {
            // The bytes copied whole (the first write's copy of the shared array: no fill first),
            // then lowered in place in one pass, with no test of uniqueness per byte.
            var lowered = utf8
            lowered.withUnsafeMutableBufferPointer { lowered in
                for index in lowered.indices {
                    let byte = lowered[index]
                    lowered[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                }
            }
            return ByteWords(utf8: lowered, ranges: text.spaceWords, isASCII: true)
        }
        if let lowered = sameLengthLowered(utf8) {
            // Inert words lowered to as many bytes are inert (`Metrics11InertWordsTests` checks every
            // inert scalar's mapping): the text's answer holds, with no scalar looked at again.
            return text.spaceWordsCompareByBytes ? ByteWords(utf8: lowered, ranges: text.spaceWords, comparesByBytes: true)
                : ByteWords(utf8: lowered, ranges: text.spaceWords, isASCII: false)
        }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(utf8.count)
        var index = 0, sameLength = true
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                lowered.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte)
                index += 1
                continue
            }
            let (scalar, length) = PythonText.scalar(utf8, at: index)
            if scalar.properties.changesWhenLowercased {
                let mapping = scalar.properties.lowercaseMapping.utf8
                if mapping.count != length { sameLength = false }
                lowered.append(contentsOf: mapping)
            } else {
                lowered.append(contentsOf: utf8[index..<index + length])
            }
            index += length
        }
        return ByteWords(utf8: lowered, ranges: sameLength ? text.spaceWords : PythonText.split(lowered), isASCII: false)
    }

    /// Eight ASCII bytes (each below 0x80; the first in the lowest bits) with each capital A–Z
    /// lowered (0x20 set), byte by byte exactly: a test of a byte at least n adds 0x80 − n to it,
    /// which carries into no other byte below 0x80.
    @inline(__always)
    static func asciiLowered(_ bytes: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let capitals = (bytes &+ (0x80 &- 0x41) &* ones) & ~(bytes &+ (0x80 &- 0x5B) &* ones) & high
        return bytes | capitals &>> 2
    }

    /// `words`' lowered bytes of a text beyond ASCII where no scalar's mapping changes its length
    /// (nil where one does): written in place into a buffer of the text's size, with no append a
    /// byte. Latin-1's letters (a lead byte of 0xC2 or 0xC3, most accented letters of European
    /// texts) need no look-up: the capitals U+00C0–U+00DE but U+00D7 lower to the letter 0x20 on,
    /// the rest of the block is its own mapping (`Metrics11InertWordsTests` checks the block).
    static func sameLengthLowered(_ utf8: [UInt8]) -> [UInt8]? {
        // A copy of the bytes (made at the first write), every byte of which is written below.
        var lowered = utf8
        let same = lowered.withUnsafeMutableBufferPointer { out in
            utf8.withUnsafeBufferPointer { bytes in
                var index = 0
                while index < bytes.count {
                    // Eight ASCII bytes (most of a text beyond ASCII) lowered at once.
                    if index &+ 8 <= bytes.count, let from = bytes.baseAddress, let to = out.baseAddress {
                        let chunk = UnsafeRawPointer(from + index).loadUnaligned(as: UInt64.self)
                        if chunk & 0x8080_8080_8080_8080 == 0 {
                            UnsafeMutableRawPointer(to + index).storeBytes(of: asciiLowered(chunk), as: UInt64.self)
                            index &+= 8
                            continue
                        }
                    }
                    let byte = bytes[index]
                    if byte < 0x80 {
                        out[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                        index &+= 1
                        continue
                    }
                    if byte == 0xC2 || byte == 0xC3 {
                        let second = bytes[index &+ 1]
                        out[index] = byte
                        out[index &+ 1] = byte == 0xC3 && second <= 0x9E && second != 0x97 ? second | 0x20 : second
                        index &+= 2
                        continue
                    }
                    let (scalar, length) = PythonText.scalar(utf8, at: index)
                    if scalar.properties.changesWhenLowercased {
                        let mapping = scalar.properties.lowercaseMapping.utf8
                        if mapping.count != length { return false }
                        for (offset, mapped) in mapping.enumerated() { out[index &+ offset] = mapped }
                    } else {
                        for offset in 0..<length { out[index &+ offset] = bytes[index &+ offset] }
                    }
                    index &+= length
                }
                return true
            }
        }
        return same ? lowered : nil
    }

    /// The words of both texts, numbered alike.
    static func numberedWords(_ hypothesis: String, _ reference: String) -> (hyp: [UInt32], ref: [UInt32]) {
        let (hyp, ref, _) = WordNumbering.ids(words(hypothesis), words(reference))
        return (hyp, ref)
    }

    /// The number of edits (shifts included) and the reference's length. `prunes: false` scores
    /// every candidate shift (the plain search, for tests).
    static func editsAndLength(_ hyp: [UInt32], _ ref: [UInt32], prunes: Bool = true) -> (Int, Int) {
        if ref.isEmpty { return (hyp.count, 0) }
        // The same words: no edit, so no shift to look for (the search would find distance 0 and stop).
        if hyp == ref { return (0, ref.count) }
        // Bit vectors of one machine word where they hold the reference (or none do), of two for
        // 65 to 128 words, where one word's would leave every candidate to the beam's rows.
        if ref.count > UInt64.bitWidth && ref.count <= UInt128.bitWidth {
            return editsAndLength(hyp, ref, search: ShiftSearch<UInt128>(count: hyp.count, reference: ref), prunes: prunes)
        }
        // The search's first round, where it would stop at once, with no search made (its tables
        // and buffers cost more than the distance on short pairs): the bit vectors stand for the
        // beam (it covers the matrix, or every path of the distance's cost lies inside it), and no
        // order of the words comes closer to the reference than they do (`lowestDistance`).
        var leastDistance = -1
        if prunes && ref.count <= UInt64.bitWidth {
            let distance = BitVectorEditDistance<UInt64>.distance(hyp, reference: ref)
            leastDistance = ShiftSearch<UInt64>.lowestDistance(hyp, ref)
            if distance <= leastDistance
                && (beamCoversMatrix(count: hyp.count, columns: ref.count + 1) || distance <= costWithinBeam(count: hyp.count, columns: ref.count + 1)) {
                return (distance, ref.count)
            }
        }
        return editsAndLength(hyp, ref, search: ShiftSearch<UInt64>(count: hyp.count, reference: ref, leastDistance: leastDistance),
                              prunes: prunes)
    }

    /// `editsAndLength(hyp, reference.vocabulary.ids)` for a reference whose bit vectors' table and
    /// word counts are made already (`EditRateReference`, of up to 64 words): the first round's test
    /// (below) reads them, and the search shares the table; the hypothesis is copied into an array
    /// only for the search.
    static func editsAndLength(_ hyp: UnsafeBufferPointer<UInt32>, reference: EditRateReference) -> (Int, Int) {
        let ref = reference.vocabulary.ids, positions = reference.positions
        precondition(!positions.isEmpty && ref.count <= UInt64.bitWidth)
        // (The same words need no test of their own: distance 0, which no order goes below.)
        // The rows of the words kept in temporary memory (on the stack for up to 63 words) for the
        // search, which starts from them.
        return withUnsafeTemporaryAllocation(of: BitVectorEditDistance<UInt64>.Row.self, capacity: hyp.count + 1) { rows in
            let distance = BitVectorEditDistance<UInt64>.distance(hyp, positions: positions, count: ref.count, rows: rows)
            let leastDistance = reference.lowestDistance(hyp)
            if distance <= leastDistance
                && (beamCoversMatrix(count: hyp.count, columns: ref.count + 1) || distance <= costWithinBeam(count: hyp.count, columns: ref.count + 1)) {
                return (distance, ref.count)
            }
            var search = ShiftSearch<UInt64>(count: hyp.count, reference: ref, leastDistance: leastDistance, positions: positions)
            search.setFirstRows(UnsafeBufferPointer(rows))
            return editsAndLength(Array(hyp), ref, search: consume search, prunes: true)
        }
    }

    /// `editsAndLength` with the search of the bit vectors' width.
    private static func editsAndLength<Bits: FixedWidthInteger & UnsignedInteger>(
        _ hyp: [UInt32], _ ref: [UInt32], search: consuming ShiftSearch<Bits>, prunes: Bool
    ) -> (Int, Int) {
        var search = search
        var shifts = 0
        // The words of this round, and a buffer for the next round's (the two swapped each round).
        var words = hyp, shifted: [UInt32] = []
        var checked = 0
        while true {
            let (distance, best, count) = search.bestShift(words, checked: checked, prunes: prunes)
            checked = count
            // The search stops before the shift is made, so `distance` is that of the final words.
            guard let best, checked < maximumShiftCandidates, best.gain > 0 else { return (shifts + distance, ref.count) }
            shifts += 1
            perform(words, start: best.start, length: best.length, target: best.target, into: &shifted)
            swap(&words, &shifted)
        }
    }

    // MARK: Shifts

    /// `words` with the block of `length` at `start` moved to `target`, as sacreBLEU's `_perform_shift`
    /// does it, with Python's slices: bounds past the end are clamped to it, as when a target inside
    /// the block puts `length + target` beyond the last word.
    static func perform(_ words: [UInt32], start: Int, length: Int, target: Int) -> [UInt32] {
        var shifted: [UInt32] = []
        perform(words, start: start, length: length, target: target, into: &shifted)
        return shifted
    }

    /// `perform` into a buffer kept from one candidate or round to the next, written in place (a
    /// shift only reorders the words): no appends, each of which checks and grows the buffer.
    static func perform(_ words: [UInt32], start: Int, length: Int, target: Int, into shifted: inout [UInt32]) {
        let end = words.count
        precondition(start >= 0 && length >= 0 && start + length <= end)
        // A buffer of the right size, its words about to be overwritten (a copy of `words` on
        // the first write, where it is `words`'s own).
        if shifted.count != end { shifted = words }
        words.withUnsafeBufferPointer { words in
            shifted.withUnsafeMutableBufferPointer { shifted in
                var written = 0
                func append(_ from: Int, _ to: Int) {
                    let a = min(max(0, from), end), b = min(max(0, to), end)
                    if a < b {
                        (shifted.baseAddress! + written).update(from: words.baseAddress! + a, count: b - a)
                        written += b - a
                    }
                }
                if target < start {
                    append(0, target); append(start, start + length); append(target, start); append(start + length, end)
                } else if target > start + length {
                    append(0, start); append(start + length, target); append(start, start + length); append(target, end)
                } else {
                    append(0, start); append(start + length, length + target); append(start, start + length); append(length + target, end)
                }
                precondition(written == end)
            }
        }
    }

    // MARK: Edit distance

    enum Operation { case match, substitute, insert, delete, undefined }

    /// `alignment`'s mark of a reference position that no operation reached (only if the trace broke off).
    static let unaligned = Int.min

    /// The edit distance's trace, walked back once from the last cell, read from the reference's side
    /// (sacreBLEU flips it: a hypothesis word without a reference word is an insertion there): for each
    /// reference position the hypothesis position it meets (the one before it, -1 at the start, for a
    /// reference word without a hypothesis word), and which positions of each side are in error.
    /// `operation(i, j)` is the operation that ends at cell (i, j) of the hypothesis-to-reference matrix.
    static func alignment(_ hyp: [UInt32], _ ref: [UInt32], operation: (Int, Int) -> Operation) -> ([Int], [Bool], [Bool]) {
        var align: [Int] = [], refErrors: [Bool] = [], hypErrors: [Bool] = []
        alignment(hyp, ref, align: &align, refErrors: &refErrors, hypErrors: &hypErrors, operation: operation)
        return (align, refErrors, hypErrors)
    }

    /// `alignment` into buffers kept from one round of shifts to the next.
    static func alignment(_ hyp: [UInt32], _ ref: [UInt32], align: inout [Int], refErrors: inout [Bool], hypErrors: inout [Bool],
                          operation: (Int, Int) -> Operation) {
        /// `buffer` made `count` times `value`: filled in place when it has that count already.
        func fill<Element>(_ buffer: inout [Element], with value: Element, count: Int) {
            if buffer.count == count {
                buffer.withUnsafeMutableBufferPointer { $0.update(repeating: value) }
            } else {
                buffer = Array(filledWith: value, count: count)
            }
        }
        fill(&align, with: unaligned, count: ref.count)
        fill(&refErrors, with: false, count: ref.count)
        fill(&hypErrors, with: false, count: hyp.count)
        var i = hyp.count, j = ref.count
        while i > 0 || j > 0 {
            switch operation(i, j) {
            case .match:
                i -= 1; j -= 1
                align[j] = i
            case .substitute:
                i -= 1; j -= 1
                align[j] = i
                hypErrors[i] = true
                refErrors[j] = true
            case .insert:  // a reference word without a hypothesis word
                j -= 1
                align[j] = i - 1
                refErrors[j] = true
            case .delete:  // a hypothesis word without a reference word
                i -= 1
                hypErrors[i] = true
            case .undefined:  // unreachable: the last row spans every column
                (i, j) = (0, 0)
            }
        }
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

        /// The operation that ends at cell (i, j): `.undefined` outside the beam.
        @inline(__always) func operation(_ i: Int, _ j: Int) -> Operation {
            j >= low[i] && j < high[i] ? operation[start[i] + j - low[i]] : .undefined
        }
    }


    /// The beam's row bands for a hypothesis of `count` words against `columns - 1` reference words:
    /// `band(i)` is the columns of word row i (from 1).
    private struct Beam {
        let count: Int
        let columns: Int
        let ratio: Double
        let width: Int

        init(count: Int, columns: Int) {
            self.count = count
            self.columns = columns
            ratio = count == 0 ? 1 : Double(columns - 1) / Double(count)
            width = Double(beamWidth) < ratio / 2 ? Int((ratio / 2 + Double(beamWidth)).rounded(.up)) : beamWidth
        }

        func band(_ i: Int) -> Range<Int> {
            let diagonal = Int((Double(i) * ratio).rounded(.down))
            let low = max(0, diagonal - width)
            return low..<max(low, i == count ? columns : min(columns, diagonal + width))
        }
    }

    /// The bands of each row for a hypothesis of `count` words against `columns - 1` reference words.
    private static func bands(count: Int, columns: Int) -> (start: [Int], low: [Int], high: [Int]) {
        let beam = Beam(count: count, columns: columns)
        var start = [0], low = [0], high = [columns]
        var next = columns
        if count > 0 {
            for i in 1...count {
                let band = beam.band(i)
                start.append(next)
                low.append(band.lowerBound)
                high.append(band.upperBound)
                next += band.count
            }
        }
        start.append(next)
        return (start, low, high)
    }

    /// Whether every row's band is all of its columns, so that the beam's distances are the full
    /// matrix's.
    ///
    /// A row's band is all its columns when the diagonal is at most `width` (so the band starts at 0)
    /// and, but in the last row, reaches `columns` with `width` added. The diagonal never falls from
    /// one row to the next, so the last row's tells the first condition for all, and the first
    /// row's the second: two rows read, not every row.
    static func beamCoversMatrix(count: Int, columns: Int) -> Bool {
        guard count > 0 else { return true }
        let beam = Beam(count: count, columns: columns)
        func diagonal(_ i: Int) -> Int { Int((Double(i) * beam.ratio).rounded(.down)) }
        return diagonal(count) <= beam.width && (count == 1 || diagonal(1) + beam.width >= columns)
    }

    /// `beamCoversMatrix` row by row (for tests).
    static func beamCoversMatrixByRows(count: Int, columns: Int) -> Bool {
        let beam = Beam(count: count, columns: columns)
        return count == 0 || (1...count).allSatisfy { beam.band($0) == 0..<columns }
    }

    /// The highest edit cost at which every path from the first cell to the last lies inside the beam,
    /// for a hypothesis of `count` words against `columns - 1` reference words (negative where no
    /// cost is). A path of cost d keeps within (d + |m − n|) / 2 of the length-scaled diagonal (it
    /// takes |j − i| insertions or deletions at least to reach cell (i, j), and |(m − j) − (n − i)|
    /// more from there), and the beam reaches `width` columns around the diagonal rounded down: 3
    /// are kept for the rounding and the floating point's error in it. Where the full matrix's
    /// distance is at most this cost, every path of that cost is inside the beam, so the beam's
    /// distance is the same; so is its trace, since the cells a step of the trace chooses among
    /// with the least cost lie on such paths, and the others cost no less in the beam.
    static func costWithinBeam(count: Int, columns: Int) -> Int {
        2 * (Beam(count: count, columns: columns).width - 3) - abs(columns - 1 - count)
    }

    /// The operation that ends at cell (i, j) of the edit distance from `hyp` to `ref`, as
    /// `editDistance` chooses it for its matrix (a match or substitution first, then a deletion, then
    /// an insertion, each only when strictly cheaper), from the full matrix's `cost(i, j)`.
    static func operation(_ hyp: [UInt32], _ ref: [UInt32], _ i: Int, _ j: Int, cost: (Int, Int) -> Int) -> Operation {
        if i == 0 { return .insert }
        if j == 0 { return .delete }
        let same = hyp[i - 1] == ref[j - 1]
        var best = cost(i - 1, j - 1) + (same ? 0 : 1)
        var operation: Operation = same ? .match : .substitute
        let up = cost(i - 1, j) + 1
        if up < best { best = up; operation = .delete }
        if cost(i, j - 1) + 1 < best { operation = .insert }
        return operation
    }

    /// The edit distance within the beam and its matrix (whose rows candidate shifts start from, and
    /// whose operations `alignment` traces).
    static func editDistance(_ hyp: [UInt32], _ ref: [UInt32]) -> (distance: Int, matrix: Matrix) {
        let columns = ref.count + 1
        let (start, low, high) = bands(count: hyp.count, columns: columns)
        let size = start.last!
        var matrix = Matrix(cost: [Int](filledWith: infinity, count: size), operation: [Operation](filledWith: .undefined, count: size),
                            start: start, low: low, high: high)
        for j in 0..<columns { matrix.cost[j] = j; matrix.operation[j] = .insert }
        let distance = editDistance(hyp, ref, into: &matrix, fromRow: 1)
        return (distance, matrix)
    }

    /// `editDistance` into the matrix of a hypothesis of the same length whose first `fromRow - 1`
    /// words are `hyp`'s (row i depends on the first i words alone): its rows from `fromRow` on.
    static func editDistance(_ hyp: [UInt32], _ ref: [UInt32], into matrix: inout Matrix, fromRow: Int) -> Int {
        precondition(matrix.low.count == hyp.count + 1 && matrix.high[0] == ref.count + 1 && fromRow >= 1)
        if fromRow <= hyp.count {
            let columns = ref.count + 1
            let starts = matrix.start, lows = matrix.low, highs = matrix.high
            // Two rows that span every column, infinite outside their row's band, so that a cell
            // reads its neighbours unchecked (as `distance` does): the row above, from the matrix
            // at first, and the row being made, written to the matrix too.
            var rows = [Int](filledWith: infinity, count: 2 * columns)
            ref.withUnsafeBufferPointer { ref in
            rows.withUnsafeMutableBufferPointer { rows in
            matrix.cost.withUnsafeMutableBufferPointer { cost in
            matrix.operation.withUnsafeMutableBufferPointer { operation in
                var above = UnsafeMutableBufferPointer(rebasing: rows[0..<columns])
                var current = UnsafeMutableBufferPointer(rebasing: rows[columns...])
                let kept = starts[fromRow - 1] - lows[fromRow - 1]
                for j in lows[fromRow - 1]..<highs[fromRow - 1] { above[j] = cost[kept + j] }
                for i in fromRow...hyp.count {
                    let word = hyp[i - 1]
                    let low = lows[i], high = highs[i], rowStart = starts[i] &- low
                    // `current` holds row i - 2 (or nothing yet): its band is made infinite again.
                    if i - 2 >= fromRow - 1 {
                        for j in lows[i - 2]..<highs[i - 2] { current[j] = infinity }
                    }
                    var j = low
                    if j == 0 && j < high {
                        current[0] = above[0] &+ 1
                        cost[rowStart] = current[0]
                        operation[rowStart] = .delete
                        j = 1
                    }
                    while j < high {
                        // Wrapping arithmetic: costs stay near `infinity` at most, far from overflow.
                        let same = word == ref[j &- 1]
                        var best = above[j &- 1] &+ (same ? 0 : 1)
                        var kind: Operation = same ? .match : .substitute
                        let up = above[j] &+ 1
                        if up < best { best = up; kind = .delete }
                        let left = current[j &- 1] &+ 1
                        if left < best { best = left; kind = .insert }
                        current[j] = best
                        cost[rowStart &+ j] = best
                        operation[rowStart &+ j] = kind
                        j &+= 1
                    }
                    swap(&above, &current)
                }
            }
            }
            }
            }
        }
        return matrix.value(hyp.count, ref.count)
    }

    /// The two rows `distance` works in, kept from one candidate shift to the next: each spans every
    /// column and is infinite outside its row's band, so that a cell reads its neighbours unchecked.
    struct DistanceRows {
        var above: [Int] = []
        var current: [Int] = []
    }

    /// The edit distance alone (no operations, no trace: what a candidate shift needs) of a hypothesis
    /// of the same length as `base`'s that starts with the same `sharedRows` words: the rows from
    /// there on, each from the one above, in the same beam and with the same costs as `editDistance`.
    static func distance(_ hyp: [UInt32], _ ref: [UInt32], from base: Matrix, sharedRows: Int, rows: inout DistanceRows) -> Int {
        if sharedRows >= hyp.count { return base.value(hyp.count, ref.count) }
        let columns = ref.count + 1
        let starts = base.start, lows = base.low, highs = base.high
        rows.above.removeAll(keepingCapacity: true)
        rows.above.append(contentsOf: repeatElement(infinity, count: columns))
        rows.current.removeAll(keepingCapacity: true)
        rows.current.append(contentsOf: repeatElement(infinity, count: columns))
        let kept = starts[sharedRows] - lows[sharedRows]
        for j in lows[sharedRows]..<highs[sharedRows] { rows.above[j] = base.cost[kept + j] }
        for i in sharedRows + 1...hyp.count {
            let word = hyp[i - 1]
            let low = lows[i], high = highs[i]
            ref.withUnsafeBufferPointer { ref in
            rows.above.withUnsafeBufferPointer { above in
            rows.current.withUnsafeMutableBufferPointer { current in
                // `current` holds row i - 2 (or nothing yet): its band is made infinite again.
                if i - 2 >= sharedRows {
                    for j in lows[i - 2]..<highs[i - 2] { current[j] = infinity }
                }
                var j = low
                if j == 0 && j < high {
                    current[0] = above[0] + 1
                    j = 1
                }
                while j < high {
                    // Wrapping arithmetic: costs stay near `infinity` at most, far from overflow.
                    let diagonal = above[j &- 1] &+ (word == ref[j &- 1] ? 0 : 1)
                    current[j] = min(diagonal, above[j] &+ 1, current[j &- 1] &+ 1)
                    j &+= 1
                }
            }
            }
            }
            swap(&rows.above, &rows.current)
        }
        return rows.above[ref.count]
    }
}

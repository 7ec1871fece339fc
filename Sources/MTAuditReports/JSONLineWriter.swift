import MTAudit
import MTAuditText

/// Writes a feed answer as one line of compact JSON, byte for byte as `JSONEncoder` with `.sortedKeys`
/// and `.withoutEscapingSlashes` writes it, without going through `Encodable`.
///
/// A feed answers every record with a line, so its encoding is on the hot path: the generic encoder
/// boxes every value and sorts every object's keys at run time, which cost as much as several
/// detectors. Here each object's keys are written in their sorted order by hand (the order is fixed by
/// the schema; only the metrics' names are sorted at run time). `ReporterTests` check the output
/// against `JSONEncoder`'s for the same values.
struct JSONLineWriter: ~Copyable {
    /// A number that JSON cannot hold (`JSONEncoder` refuses it too).
    struct NonFiniteNumber: Error, CustomStringConvertible {
        let value: Double
        var description: String { "cannot write \(value) as a JSON number" }
    }

    /// The bytes written so far: `count` of `capacity`, in memory of the writer's own. Through an
    /// array, each small append (a key, a comma, a digit) went through its generic append and its
    /// checks, about 100 instructions for a literal: a third of writing a line.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    /// Room for `capacity` bytes at once: growing from nothing copied the bytes several times a line.
    /// (A writer of several lines, one after another, is given room for them all.)
    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, as an array. (Copied whole: `Array(UnsafeBufferPointer(…))` copied them one
    /// by one.)
    var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { buffer.baseAddress!.initialize(from: base, count: count) }
            initialized = count
        }
    }

    /// Forgets what was written after the first `count` bytes (a line that could not be finished).
    mutating func truncate(to count: Int) { self.count = min(count, self.count) }

    /// `{"id":…,"versions":[…]}` followed by a line break.
    mutating func writeAudited(id: String, versions: [VersionResult]) throws {
        raw("{\"id\":")
        string(id)
        raw(",\"versions\":[")
        // By index, each element read in place: `enumerated()` copied every version (and released it).
        for index in versions.indices {
            if index > 0 { raw(",") }
            try write(versions[index])
        }
        raw("]}\n")
    }

    /// `{"error":{"code":…,"message":…},"id":…|null,"line":…}` followed by a line break.
    mutating func writeFailed(line: Int, error: FeedError) {
        raw("{\"error\":{\"code\":")
        string(error.code.rawValue)
        raw(",\"message\":")
        string(error.message)
        raw("},\"id\":")
        if let id = error.id { string(id) } else { raw("null") }
        raw(",\"line\":")
        integer(line)
        raw("}\n")
    }

    // Keys in sorted order: coverage, findings, gateReasons, id, language, metrics, path, relation, score, verdict.
    private mutating func write(_ version: VersionResult) throws {
        raw("{\"coverage\":")
        try number(version.coverage)
        raw(",\"findings\":[")
        // By index, as the versions: a finding copied out of the array cost 320 instructions.
        let findings = version.findings
        for index in findings.indices {
            if index > 0 { raw(",") }
            write(findings[index])
        }
        raw("],\"gateReasons\":[")
        let gateReasons = version.gateReasons
        for index in gateReasons.indices {
            if index > 0 { raw(",") }
            string(gateReasons[index])
        }
        raw("],\"id\":")
        string(version.id)
        raw(",\"language\":")
        string(version.language)
        raw(",\"metrics\":{")
        try write(version.metrics)
        raw("}")
        if let path = version.path {  // omitted when absent, as the synthesized encoding does
            raw(",\"path\":")
            string(path)
        }
        raw(",\"relation\":")
        raw(Self.literal(version.relation))
        raw(",\"score\":")
        try number(version.score)
        raw(",\"verdict\":")
        raw(Self.literal(version.verdict))
        raw("}")
    }

    /// The metrics' `"name":value` pairs, by name. The dictionary's indices are sorted by their keys
    /// (by insertion, in memory of the stack's) and the pairs read through them: a version has a
    /// handful of metrics, and `sorted` made (and freed) an array for them on every line, while a
    /// buffer of the pairs themselves cost a generic destruction of its Strings. Names are a
    /// dictionary's keys, unique, so any sort by `<` gives the order `sorted(by: { $0.key < $1.key })`
    /// gave.
    private mutating func write(_ metrics: [String: Double]) throws {
        guard !metrics.isEmpty else { return }
        try withUnsafeTemporaryAllocation(of: Dictionary<String, Double>.Index.self, capacity: metrics.count) { buffer in
            let sorted = buffer.baseAddress!
            var count = 0
            defer { sorted.deinitialize(count: count) }
            var next = metrics.startIndex
            while next != metrics.endIndex {
                let key = metrics[next].key
                var place = count
                while place > 0, key < metrics[sorted[place - 1]].key { place -= 1 }
                if place < count { (sorted + place + 1).moveInitialize(from: sorted + place, count: count - place) }
                (sorted + place).initialize(to: next)
                count += 1
                metrics.formIndex(after: &next)
            }
            for index in 0..<count {
                if index > 0 { raw(",") }
                let metric = metrics[sorted[index]]
                string(metric.key)
                raw(":")
                try number(metric.value)
            }
        }
    }

    // Keys in sorted order: baseline (when set), category, evidence, message, rule, severity, sourceSpan,
    // span, suggestion. Absent optionals other than baseline are written as null.
    private mutating func write(_ finding: Finding) {
        raw("{")
        if let baseline = finding.baseline {
            raw("\"baseline\":")
            raw(Self.literal(baseline))
            raw(",")
        }
        raw("\"category\":")
        string(finding.category.rawValue)
        raw(",\"evidence\":")
        raw(finding.evidence.map(Self.literal) ?? "null")
        raw(",\"message\":")
        string(finding.message)
        raw(",\"rule\":")
        string(finding.rule)
        raw(",\"severity\":")
        raw(Self.literal(finding.severity))
        raw(",\"sourceSpan\":")
        if let sourceSpan = finding.sourceSpan { write(sourceSpan) } else { raw("null") }
        raw(",\"span\":")
        write(finding.span)
        raw(",\"suggestion\":")
        if let suggestion = finding.suggestion { string(suggestion) } else { raw("null") }
        raw("}")
    }

    private mutating func write(_ excerpt: Excerpt) {
        raw("{\"end\":")
        integer(excerpt.end)
        raw(",\"start\":")
        integer(excerpt.start)
        raw(",\"text\":")
        string(excerpt.text)
        raw("}")
    }

    // The raw values of the schema's enumerations as JSON strings, quotes included, written as they
    // are: through `rawValue` and `string`, each cost about 150 instructions, five a finding or a
    // version. Each switch names every case, so a new case cannot be missed; `Json7WriterTests`
    // check each literal against `JSONEncoder`'s encoding of the raw value.

    private static func literal(_ severity: Severity) -> StaticString {
        switch severity {
        case .minor: return "\"minor\""
        case .major: return "\"major\""
        case .critical: return "\"critical\""
        }
    }

    private static func literal(_ evidence: Evidence) -> StaticString {
        switch evidence {
        case .source: return "\"source\""
        case .consensus: return "\"consensus\""
        case .self: return "\"self\""
        case .lexicon: return "\"lexicon\""
        }
    }

    private static func literal(_ relation: Relation) -> StaticString {
        switch relation {
        case .full: return "\"full\""
        case .partial: return "\"partial\""
        case .unrelated: return "\"unrelated\""
        }
    }

    private static func literal(_ verdict: Verdict) -> StaticString {
        switch verdict {
        case .pass: return "\"pass\""
        case .fail: return "\"fail\""
        }
    }

    private static func literal(_ baseline: BaselineStatus) -> StaticString {
        switch baseline {
        case .new: return "\"new\""
        case .known: return "\"known\""
        }
    }

    /// Room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        (base, capacity) = (moved, larger)
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// ASCII written as is (keys and punctuation): a literal's bytes, copied whole.
    @inline(__always)
    private mutating func raw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// An integer in decimal, as `String(value)` spells it, without making the string.
    private mutating func integer(_ value: Int) {
        reserve(20)  // Int.min: a sign and 19 digits
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        digits(value.magnitude)
    }

    /// `magnitude` in decimal, written where `count` stands, in room already reserved (20 bytes).
    /// Each byte is stored straight into the buffer: through `append`, each paid its own check of
    /// the room and its own update of `count`.
    @inline(__always)
    private mutating func digits(_ magnitude: UInt) {
        let out = base + count
        // Most are below 1,000 (a score's whole part, an offset in a sentence): digit by digit.
        if magnitude < 10 {
            out[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude)
            count += 1
        } else if magnitude < 100 {
            out[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude / 10)
            out[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            count += 2
        } else if magnitude < 1000 {
            out[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude / 100)
            out[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude / 10 % 10)
            out[2] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            count += 3
        } else {
            // Counted first, then written from the last digit back, in place.
            var width = 4
            var scale: UInt = 10_000
            while width < 20, magnitude >= scale {
                width += 1
                scale = scale &* 10
            }
            var rest = magnitude
            for place in stride(from: width - 1, through: 0, by: -1) {
                out[place] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            count += width
        }
    }

    /// Swift's shortest round-trip form without a trailing ".0", as `JSONEncoder` writes a `Double`.
    private mutating func number(_ value: Double) throws {
        guard value.isFinite else { throw NonFiniteNumber(value: value) }
        if hundredths(value) { return }
        var text = value.description
        text.withUTF8 { utf8 in
            let whole = utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            append(whole ? UnsafeBufferPointer(rebasing: utf8.dropLast(2)) : utf8)
        }
    }

    /// A number of at most two decimals (scores and metrics are rounded to hundredths), from 0 to
    /// below a million, written from its hundredths k without making `description`: true when it was.
    /// Its shortest round-trip spelling is k/100 as a decimal, trailing zeros dropped: `Double(k) / 100`,
    /// one correctly rounded division, is the double nearest that decimal, so the decimal reads back
    /// as the number, and no shorter one does (two decimals of at most 15 significant digits never
    /// read as one double). Below a million `description` spells it without an exponent.
    private mutating func hundredths(_ value: Double) -> Bool {
        guard value.sign == .plus, value < 1_000_000 else { return false }
        // The nearest hundredths, truncated from + 0.5 rather than `rounded()` (a call to libm):
        // whatever k is taken, the test that follows is what makes it right.
        let hundredths = UInt(value * 100 + 0.5)
        guard Double(hundredths) / 100 == value else { return false }
        reserve(24)  // up to 6 digits, a point and 2 decimals
        digits(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            let out = base + count
            out[0] = UInt8(ascii: ".")
            out[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / 10)
            if fraction % 10 != 0 {
                out[2] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10)
                count += 3
            } else {
                count += 2
            }
        }
        return true
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// A JSON string: quote, backslash and control characters escaped (the short forms where JSON has
    /// them, else `\u00xx`); everything else, slashes included, as UTF-8.
    private mutating func string(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ quoted($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { quoted($0) }
        }
    }

    /// `utf8` between quotes, escaped. The runs that need no escape (nearly every string whole) are
    /// checked and copied together, eight bytes at a time, straight into the buffer: through a scan
    /// for the first escape in another module and a copy after it, a string of a few bytes cost
    /// about 270 instructions.
    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var index = 0
        while true {
            index = copyUnescaped(utf8, from: index)
            guard index < utf8.count else { break }
            let byte = utf8[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x08: raw("\\b")
            case 0x09: raw("\\t")
            case 0x0A: raw("\\n")
            case 0x0C: raw("\\f")
            case 0x0D: raw("\\r")
            default:  // another control character
                raw("\\u00")
                append(Self.hexDigits.utf8Start[Int(byte >> 4)])
                append(Self.hexDigits.utf8Start[Int(byte & 0xF)])
            }
        }
        append(UInt8(ascii: "\""))
    }

    /// Copies the bytes of `utf8` from `start` up to the first that needs an escape (a quote, a
    /// backslash or a control character) or the end, and answers where it stopped.
    ///
    /// Whole words are checked and stored, eight bytes (or four) at a time; a last part shorter
    /// than a word is read as the word that ends the run, overlapping what was copied already, so
    /// that no string but one of under four bytes goes byte by byte. A word is stored whole even
    /// where only some of its bytes count: the room after `count` is reserved, and is written over.
    @inline(__always)
    private mutating func copyUnescaped(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let source = UnsafeRawPointer(utf8.baseAddress) else { return start }
        let length = utf8.count
        reserve(length - start + 8)
        let out = UnsafeMutableRawPointer(base + count - start)  // out + i is where source[i] goes
        var index = start
        while index + 8 <= length {
            let eight = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if Self.needsEscape(eight) { break }
            out.storeBytes(of: eight, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        if index + 8 > length && index < length {  // a last part shorter than a word
            if length - 8 >= start {
                let last = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
                if !Self.needsEscape(last) {
                    out.storeBytes(of: last, toByteOffset: length - 8, as: UInt64.self)
                    index = length
                }
            } else if length - index >= 4 {
                let first = source.loadUnaligned(fromByteOffset: index, as: UInt32.self)
                let last = source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
                if !Self.needsEscape(UInt64(first) | UInt64(last) << 32) {
                    out.storeBytes(of: first, toByteOffset: index, as: UInt32.self)
                    out.storeBytes(of: last, toByteOffset: length - 4, as: UInt32.self)
                    index = length
                }
            }
        }
        while index < length {
            let byte = source.load(fromByteOffset: index, as: UInt8.self)
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            out.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
            index += 1
        }
        count += index - start
        return index
    }

    /// Whether one of the eight bytes of `word` needs an escape: is below 0x20, a quote or a
    /// backslash. (`x - ones` borrows from a byte only below a zero byte, or one below the bound, so
    /// each test is exact for whether there is one, if not for where: `ByteScan`'s tests.)
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let below = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (below | quote | backslash) & 0x8080_8080_8080_8080 != 0
    }
}

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
        for (index, version) in versions.enumerated() {
            if index > 0 { raw(",") }
            try write(version)
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
        for (index, finding) in version.findings.enumerated() {
            if index > 0 { raw(",") }
            write(finding)
        }
        raw("],\"gateReasons\":[")
        for (index, reason) in version.gateReasons.enumerated() {
            if index > 0 { raw(",") }
            string(reason)
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
        string(version.relation.rawValue)
        raw(",\"score\":")
        try number(version.score)
        raw(",\"verdict\":")
        string(version.verdict.rawValue)
        raw("}")
    }

    /// The metrics' `"name":value` pairs, by name. Sorted as pairs (no lookup of each name again),
    /// by insertion in memory of the stack's: a version has a handful of metrics, and `sorted` made
    /// (and freed) an array for them on every line. Names are a dictionary's keys, unique, so any
    /// sort by `<` gives the order `sorted(by: { $0.key < $1.key })` gave.
    private mutating func write(_ metrics: [String: Double]) throws {
        typealias Metric = (key: String, value: Double)
        guard !metrics.isEmpty else { return }
        try withUnsafeTemporaryAllocation(of: Metric.self, capacity: metrics.count) { buffer in
            let sorted = buffer.baseAddress!
            var count = 0
            defer { sorted.deinitialize(count: count) }
            for metric in metrics {
                var place = count
                while place > 0, metric.key < sorted[place - 1].key { place -= 1 }
                if place < count { (sorted + place + 1).moveInitialize(from: sorted + place, count: count - place) }
                (sorted + place).initialize(to: metric)
                count += 1
            }
            for index in 0..<count {
                if index > 0 { raw(",") }
                string(sorted[index].key)
                raw(":")
                try number(sorted[index].value)
            }
        }
    }

    // Keys in sorted order: baseline (when set), category, evidence, message, rule, severity, sourceSpan,
    // span, suggestion. Absent optionals other than baseline are written as null.
    private mutating func write(_ finding: Finding) {
        raw("{")
        if let baseline = finding.baseline {
            raw("\"baseline\":")
            string(baseline.rawValue)
            raw(",")
        }
        raw("\"category\":")
        string(finding.category.rawValue)
        raw(",\"evidence\":")
        if let evidence = finding.evidence { string(evidence.rawValue) } else { raw("null") }
        raw(",\"message\":")
        string(finding.message)
        raw(",\"rule\":")
        string(finding.rule)
        raw(",\"severity\":")
        string(finding.severity.rawValue)
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
        // Most are below 1,000 (a score's whole part, an offset in a sentence): digit by digit.
        if value >= 0 && value < 1000 {
            if value >= 100 { append(UInt8(ascii: "0") + UInt8(value / 100)) }
            if value >= 10 { append(UInt8(ascii: "0") + UInt8(value / 10 % 10)) }
            append(UInt8(ascii: "0") + UInt8(value % 10))
            return
        }
        if value < 0 { append(UInt8(ascii: "-")) }
        // Counted first, then written from the last digit back, in place.
        var magnitude = value.magnitude
        var width = 1
        var scale: UInt = 10
        while width < 20, magnitude >= scale {
            width += 1
            scale = scale &* 10
        }
        reserve(width)
        for place in stride(from: width - 1, through: 0, by: -1) {
            base[count + place] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += width
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
        let hundredths = Int(value * 100 + 0.5)
        guard Double(hundredths) / 100 == value else { return false }
        integer(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            append(UInt8(ascii: "."))
            append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
        return true
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// A JSON string: quote, backslash and control characters escaped (the short forms where JSON has
    /// them, else `\u00xx`); everything else, slashes included, as UTF-8.
    private mutating func string(_ text: String) {
        append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { escaped($0) }
        }
        append(UInt8(ascii: "\""))
    }

    /// The inside of a JSON string of `utf8`.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Most strings need no escape: checked eight bytes at a time, and copied whole up to the
        // first escape (byte by byte, the check and the copy cost about 11 instructions a byte).
        var index = ByteScan.firstControl(orAnyOf: UInt8(ascii: "\""), UInt8(ascii: "\\"), in: utf8) ?? utf8.count
        append(UnsafeBufferPointer(rebasing: utf8[0..<index]))
        while index < utf8.count {
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
            case 0..<0x20:
                raw("\\u00")
                append(Self.hexDigits.utf8Start[Int(byte >> 4)])
                append(Self.hexDigits.utf8Start[Int(byte & 0xF)])
            default: append(byte)
            }
        }
    }
}

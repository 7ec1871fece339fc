import MTAudit

/// Writes a feed answer as one line of compact JSON, byte for byte as `JSONEncoder` with `.sortedKeys`
/// and `.withoutEscapingSlashes` writes it, without going through `Encodable`.
///
/// A feed answers every record with a line, so its encoding is on the hot path: the generic encoder
/// boxes every value and sorts every object's keys at run time, which cost as much as several
/// detectors. Here each object's keys are written in their sorted order by hand (the order is fixed by
/// the schema; only the metrics' names are sorted at run time). `ReporterTests` check the output
/// against `JSONEncoder`'s for the same values.
struct JSONLineWriter {
    /// A number that JSON cannot hold (`JSONEncoder` refuses it too).
    struct NonFiniteNumber: Error, CustomStringConvertible {
        let value: Double
        var description: String { "cannot write \(value) as a JSON number" }
    }

    private(set) var bytes: [UInt8] = []

    /// Room for a typical answer at once (a version with a finding or two; eight lines in ten of the
    /// labelled pairs' answers fit): growing the buffer from nothing copied it several times a line.
    /// With its header the buffer stays within the sizes glibc's malloc keeps per thread (1,032
    /// bytes); 4 KB went through its general allocator, at 6,700 instructions a line.
    init() { bytes.reserveCapacity(976) }

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
        // Sorted as pairs: no lookup of each name again.
        for (index, metric) in version.metrics.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { raw(",") }
            string(metric.key)
            raw(":")
            try number(metric.value)
        }
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

    /// ASCII written as is (keys and punctuation): a literal's bytes, copied whole.
    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// An integer in decimal, as `String(value)` spells it, without making the string.
    private mutating func integer(_ value: Int) {
        // Most are below 1,000 (a score's whole part, an offset in a sentence): digit by digit.
        if value >= 0 && value < 1000 {
            if value >= 100 { bytes.append(UInt8(ascii: "0") + UInt8(value / 100)) }
            if value >= 10 { bytes.append(UInt8(ascii: "0") + UInt8(value / 10 % 10)) }
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: digits[start...])
        }
    }

    /// Swift's shortest round-trip form without a trailing ".0", as `JSONEncoder` writes a `Double`.
    private mutating func number(_ value: Double) throws {
        guard value.isFinite else { throw NonFiniteNumber(value: value) }
        if hundredths(value) { return }
        var text = value.description
        text.withUTF8 { utf8 in
            let whole = utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            bytes.append(contentsOf: whole ? UnsafeBufferPointer(rebasing: utf8.dropLast(2)) : utf8)
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
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
        return true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: quote, backslash and control characters escaped (the short forms where JSON has
    /// them, else `\u00xx`); everything else, slashes included, as UTF-8.
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: copied whole, not byte by byte.
        if text.utf8.withContiguousStorageIfAvailable({ utf8 in
            guard utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }) == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0..<0x20:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

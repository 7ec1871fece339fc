import Foundation
import MTAudit
import MTAuditReports
import Testing

/// `JSONLineWriter`'s word-at-a-time string copy (whole words checked and stored, the last part of a
/// string read as an overlapping word) and its digits written straight into the buffer, against
/// `JSONEncoder`'s bytes for the same values: strings of every length up to 40 with escapes at every
/// place, numbers of every size, offsets of every width.
@Suite("Json7: feed lines written word by word are JSONEncoder's bytes")
struct Json7WriterTests {
    private struct Line: Encodable {
        let id: String
        let versions: [VersionResult]
    }

    /// ASCII, the three bytes that need an escape (and others near them), control characters, and
    /// scalars of two, three and four bytes.
    private static let pieces: [String] = [
        "a", "b", "Z", "0", " ", "/", "!", "#", "[", "]", "\"", "\\", "\u{0}", "\u{1}", "\u{8}", "\t", "\n",
        "\u{B}", "\u{C}", "\r", "\u{1B}", "\u{1F}", "\u{7F}", "é", "ß", "€", "\u{2028}", "\u{FEFF}", "😀", "𝔸",
    ]

    @Test("Strings of 0 to 40 bytes, escapes anywhere, as ids, messages, texts and metric names")
    func stringsMatchEncoder() throws {
        var random = SplitMix(seed: 7)
        var strings = [""]
        for length in 1...40 {
            // Plain ASCII of each length (every tail of 0 to 7 bytes), then one escape at each place.
            let plain = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            strings.append(plain)
            for place in 0..<length {
                var scalars = Array(plain.unicodeScalars)
                scalars[place] = ["\"", "\\", "\u{0}", "\n", "\u{1F}"][place % 5]
                strings.append(String(String.UnicodeScalarView(scalars)))
            }
            for _ in 0..<20 {
                var text = ""
                while text.utf8.count < length { text += Self.pieces.randomElement(using: &random)! }
                strings.append(text)
            }
        }
        for (number, text) in strings.enumerated() {
            let finding = Finding(rule: text, category: MQMCategory(text), severity: .major, message: text,
                                  span: Excerpt(start: 0, end: number, text: text),
                                  sourceSpan: Excerpt(start: number, end: number, text: text), suggestion: text)
            let version = VersionResult(id: text, path: number.isMultiple(of: 2) ? text : nil, language: text, score: 1,
                                        verdict: .fail, relation: .partial, coverage: 0.5,
                                        metrics: [text: 1], findings: [finding], gateReasons: [text, text])
            try expectEncoderBytes(id: text, versions: [version])
        }
    }

    @Test("Numbers of every size: hundredths, thousandths, -0, tiny and huge, whole and not")
    func numbersMatchEncoder() throws {
        var random = SplitMix(seed: 70)
        var numbers: [Double] = [0, -0.0, 1, -1, 0.5, 0.01, 0.1, 0.99, 0.995, 0.005, 0.001, 100, 99.99, 100.01,
                                 999_999.99, 999_999.995, 1_000_000, 1_000_000.01, 1e15, 1e16, 1e17, 1e21, 1e22, 1e-7,
                                 1e-5, 1e-4, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                 Double(Int.max), 9_007_199_254_740_993, 0.1 + 0.2, 1.0 / 3, 2.0 / 3]
        for _ in 0..<3000 {
            let bits = random.next()
            switch bits % 6 {
            case 0: numbers.append(Double(Int(bits >> 40) % 100_000_000) / 100)
            case 1: numbers.append(Double(Int(bits >> 40) % 1_000_000) / 1000)
            case 2: numbers.append(Double(bitPattern: bits >> 2))  // any size, positive
            case 3: numbers.append(-Double(Int(bits >> 44)) / 100)
            case 4: numbers.append(Double(Int(bits >> 40) % 10_000) / 100 + Double(bits % 7) * 1e-9)
            default: numbers.append(Double(bits >> 11) * 0x1p-53 * 1e6)
            }
        }
        numbers = numbers.filter(\.isFinite)
        for chunk in stride(from: 0, to: numbers.count, by: 50) {
            let versions = numbers[chunk..<min(chunk + 50, numbers.count)].map { number in
                VersionResult(id: "v", path: nil, language: "und", score: number, verdict: .pass, relation: .full,
                              coverage: -number, metrics: ["chrF": number, "TER": number / 3], findings: [],
                              gateReasons: [])
            }
            try expectEncoderBytes(id: "n", versions: versions)
        }
    }

    @Test("Offsets of every width, and negative ones, as String(value) spells them")
    func integersMatchEncoder() throws {
        var offsets = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 9999, 10_000, 123_456, 1_000_000_000,
                       Int.max, Int.max - 1, -1, -9, -10, -999, -1000, Int.min, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            offsets += [power - 1, power, power + 1]
        }
        let findings = offsets.map { offset in
            Finding(rule: "r", category: .grammar, severity: .minor, message: "m",
                    span: Excerpt(start: offset, end: ~offset, text: ""),
                    sourceSpan: Excerpt(start: offset / 7, end: offset, text: "x"))
        }
        let version = VersionResult(id: "v", path: nil, language: "und", score: 50, verdict: .fail, relation: .full,
                                    coverage: 1, metrics: [:], findings: findings, gateReasons: [])
        try expectEncoderBytes(id: "i", versions: [version])
    }

    @Test("Every case of severity, evidence, relation, verdict and baseline, written as a literal")
    func enumerationLiterals() throws {
        let evidences: [Evidence?] = [nil, .source, .consensus, .self, .lexicon]
        let baselines: [BaselineStatus?] = [nil, .new, .known]
        var findings: [Finding] = []
        for severity in Severity.allCases {
            for evidence in evidences {
                for baseline in baselines {
                    var finding = Finding(rule: "r", category: .omission, severity: severity, message: "m",
                                          span: Excerpt(start: 0, end: 1, text: "a"), evidence: evidence)
                    finding.baseline = baseline
                    findings.append(finding)
                }
            }
        }
        var versions: [VersionResult] = []
        for relation in [Relation.full, .partial, .unrelated] {
            for verdict in [Verdict.pass, .fail] {
                versions.append(VersionResult(id: "v", path: nil, language: "und", score: 1, verdict: verdict,
                                              relation: relation, coverage: 1, metrics: [:], findings: findings,
                                              gateReasons: []))
            }
        }
        try expectEncoderBytes(id: "e", versions: versions)
    }

    @Test("Several lines in one buffer are each line's bytes, one after another")
    func batchIsLines() throws {
        let source = try Fixture.input().result.source
        let answers: [FeedAnswer] = (0..<40).map { index in
            if index % 5 == 3 {
                return .failed(line: index, error: FeedError(code: .invalidJSON, message: "bad \"\(index)\"\n",
                                                              id: index % 2 == 0 ? nil : "id\u{1}\(index)"))
            }
            let text = String(repeating: "ab\"c\\d", count: index)
            let version = VersionResult(id: text, path: nil, language: "und", score: Double(index) / 3, verdict: .fail,
                                        relation: .full, coverage: 1, metrics: ["chrF": Double(index)], findings: [],
                                        gateReasons: [text])
            return .audited(id: "s\(index)", result: AuditResult(source: source, versions: [version]))
        }
        let reporter = JSONReporter()
        let (bytes, ends) = reporter.feedLinesBytes(answers)
        var start = 0
        for (answer, end) in zip(answers, ends) {
            #expect(Array(bytes[start..<end]) == (try reporter.feedLineBytes(answer)))
            start = end
        }
        #expect(start == bytes.count)
    }

    /// A source summary for the answers (not written in a feed line), made once.
    nonisolated(unsafe) private static let source = try! Fixture.input().result.source

    private func expectEncoderBytes(id: String, versions: [VersionResult]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var expected = try encoder.encode(Line(id: id, versions: versions))
        expected.append(0x0A)
        let result = AuditResult(source: Self.source, versions: versions)
        let written = try JSONReporter().feedLineBytes(.audited(id: id, result: result))
        #expect(written == Array(expected), "\(String(decoding: written, as: UTF8.self))")
    }
}

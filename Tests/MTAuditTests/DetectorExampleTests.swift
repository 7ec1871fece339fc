import MTAudit
import MTAuditText
import Testing

/// Runs every registered detector's own examples: triggering ones must produce findings exactly at
/// their markers, non-triggering ones none. Each example is run as written, behind an emoji and CJK
/// prefix (offsets must move with it), and in NFD (matching must not depend on normalization).
@Suite("Every detector's own examples")
struct DetectorExampleTests {
    enum Variant: String, CaseIterable, CustomTestStringConvertible {
        case asWritten, emojiAndCJKPrefix, nfd

        var testDescription: String { rawValue }

        static let prefix = "👩‍👩‍👧 漢字テスト 🇳🇴\n\n"

        /// Findings inside the prefix are about the prefix (CJK left in an English version is
        /// untranslated), not about the example.
        func relevant(_ findings: [Finding]) -> [Finding] {
            guard self == .emojiAndCJKPrefix else { return findings }
            let length = Self.prefix.unicodeScalars.count
            return findings.filter { $0.span.end > length || ($0.span.start == $0.span.end && $0.span.start >= length) }
        }

        func apply(_ example: DetectorExample) -> DetectorExample {
            switch self {
            case .asWritten: return example
            // A paragraph of its own, so that sentence-wide findings keep their sentence.
            case .emojiAndCJKPrefix: return example.prefixed(Self.prefix)
            case .nfd: return example.normalized(.nfd)
            }
        }
    }

    static let detectors: [String] = DetectorRegistry.descriptions.map(\.id)

    private func run(_ id: String, _ example: DetectorExample) throws -> [Finding] {
        let detector = try #require(DetectorRegistry.detector(id: id))
        let segmenter = try Segmenter()
        let context = DetectionContext(
            source: Document(id: "source", text: example.source, segmenter: segmenter),
            version: Document(id: "version", text: example.version, segmenter: segmenter),
            otherVersions: example.otherVersions.enumerated().map {
                Document(id: "other-\($0.offset)", text: $0.element, segmenter: segmenter)
            })
        return detector.findings(in: context)
    }

    @Test("Descriptions are complete", arguments: detectors)
    func descriptions(id: String) throws {
        let description = try #require(DetectorRegistry.detector(id: id).map { type(of: $0).description })
        #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "rule ids are kebab-case")
        #expect(!description.name.isEmpty && !description.summary.isEmpty && !description.rationale.isEmpty)
        #expect(description.category.rawValue.contains("/"))
        #expect(!description.triggeringExamples.isEmpty, "a detector needs triggering examples")
        #expect(!description.nonTriggeringExamples.isEmpty, "a detector needs non-triggering examples")
        for example in description.triggeringExamples {
            #expect(!example.expectedSpans.isEmpty, "a triggering example needs a ⟦marker⟧: \(example)")
        }
    }

    @Test("Rule ids are unique")
    func uniqueIDs() {
        #expect(Set(Self.detectors).count == Self.detectors.count)
    }

    @Test("Triggering examples are flagged exactly at their markers",
          arguments: detectors, Variant.allCases)
    func triggering(id: String, variant: Variant) throws {
        let description = try #require(DetectorRegistry.detector(id: id).map { type(of: $0).description })
        if variant == .emojiAndCJKPrefix && !description.examplesTakeAPrefix { return }
        for original in description.triggeringExamples {
            let example = variant.apply(original)
            let findings = variant.relevant(try run(id, example))
            #expect(findings.map(\.span.span).sorted() == example.expectedSpans.sorted(),
                    "\(example): found \(findings.map(\.span))")
            let version = Array(example.version.unicodeScalars)
            for finding in findings {
                #expect(finding.rule == id)
                #expect(finding.severity == description.severity)
                #expect(finding.category == description.category)
                #expect(!finding.message.isEmpty)
                let slice = String(String.UnicodeScalarView(version[finding.span.span.range]))
                #expect(finding.span.text == slice, "the excerpt's text is the slice of its span")
            }
        }
    }

    @Test("Non-triggering examples are not flagged", arguments: detectors, Variant.allCases)
    func nonTriggering(id: String, variant: Variant) throws {
        let description = try #require(DetectorRegistry.detector(id: id).map { type(of: $0).description })
        if variant == .emojiAndCJKPrefix && !description.examplesTakeAPrefix { return }
        for original in description.nonTriggeringExamples {
            let example = variant.apply(original)
            let findings = variant.relevant(try run(id, example))
            #expect(findings.isEmpty, "\(example): found \(findings.map(\.message))")
        }
    }
}

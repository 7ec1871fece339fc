import Foundation
import MTAuditText
import Synchronization

/// Audits versions of a source: segments every text, runs the detectors, scores and gates each
/// version. The one entry point of the library; `audit` is safe to call from several tasks at once.
public struct Auditor: Sendable {
    public let configuration: AuditConfiguration

    /// The segmenter setup of each language subtag: the default abbreviations with the lexicons', and
    /// the pool's key for them, made once per auditor rather than at every audit.
    private let setups = SegmenterSetups()

    /// The sources segmented lately, with what the detectors derived from them, for the next line
    /// that names one again.
    private let recentSources = RecentSources()

    /// The configuration's chrF-like metrics, which share their n-gram counts, and the others: told
    /// apart once here rather than by a cast for every version.
    private let characterFScores: [CharacterFScore]
    private let otherMetrics: [any SentenceMetric]
    /// The metrics' names (the chrF variants', then the others') as the keys of one dictionary made
    /// once, with each name's place in it: a version's scores are written into a copy by those
    /// places, no name hashed (a dictionary grown from nothing, and a hash and a search of each name,
    /// cost about as much as a short sentence's BLEU). Nil when two metrics share a name.
    private let scoreTemplate: (scores: [String: Double], places: [Dictionary<String, Double>.Index])?

    public init(configuration: AuditConfiguration = AuditConfiguration()) {
        self.configuration = configuration
        characterFScores = configuration.metrics.compactMap { $0 as? CharacterFScore }
        otherMetrics = configuration.metrics.filter { !($0 is CharacterFScore) }
        let names = characterFScores.map(\.name) + otherMetrics.map(\.name)
        if Set(names).count == names.count {
            var scores = [String: Double](minimumCapacity: names.count)
            for name in names { scores[name] = 0 }
            scoreTemplate = (scores, names.map { scores.index(forKey: $0)! })
        } else {
            scoreTemplate = nil
        }
    }

    public func audit(source: TextInput, versions: [TextInput]) throws(TextError) -> AuditResult {
        try Self.checkLength(source)
        for version in versions { try Self.checkLength(version) }
        let setup = setups.setup(for: source.language) { language in
            SegmenterPool.Setup(locale: Self.locale(language), abbreviations: Segmenter.defaultAbbreviations.union(
                configuration.lexicons.entries(.abbreviations, language: language)))
        }
        let (sourceDocument, documents) = try SegmenterPool.shared.with(setup) { segmenter in
            (recentSources.document(source) {
                Document(id: source.id, text: source.text, language: source.language, segmenter: segmenter)
             },
             versions.map { Document(id: $0.id, text: $0.text, language: $0.language, segmenter: segmenter) })
        }
        // A lone version (most lines) has no other to be collated with: no collation is made, which
        // cost arrays and a language guess for it (the context guesses it later, when it is asked).
        let collation = documents.count > 1 ? Collation(versions: documents) : nil
        // The source as the metrics read it, prepared once for every version, and its reference forms
        // kept with its document for the lines that name it again.
        let sourceText = MetricText(sourceDocument.text, sharedIn: sourceDocument.memo)
        // Each version aligned to the source once: its own context reads it, and the others' contexts
        // ask which source sentences it renders. (Together: what the alignments take from the source
        // alone is made once for all of them.)
        let toSource = SentenceAligner().align(source: sourceDocument, versions: documents)
        let results = versions.indices.map { index in
            let context = DetectionContext(source: sourceDocument, version: documents[index],
                                           otherVersions: Self.removing(index, from: documents),
                                           otherAlignments: collation?.alignmentsToOthers(of: index) ?? [],
                                           sourceAlignments: Self.movingToFront(index, of: toSource),
                                           lexicons: configuration.lexicons)
            return result(context, path: versions[index].path, sourceText: sourceText)
        }
        let summary = SourceSummary(id: source.id, path: source.path, language: source.language,
                                    length: sourceDocument.length, paragraphs: sourceDocument.paragraphs.count,
                                    sentences: sourceDocument.sentences.count, words: sourceDocument.wordCount)
        return AuditResult(source: summary, versions: results)
    }

    private func result(_ context: DetectionContext, path: String?, sourceText: MetricText) -> VersionResult {
        var findings: [Finding] = []
        let detectors = configuration.detectors
        let overrides = configuration.severityOverrides
        // Each detector called in its place in the array (a `for … in` copied every detector out of
        // its existential box and destroyed the copy). Without overrides a detector's findings are
        // taken whole: the first nonempty array as it is, the others appended, not copied one by one.
        for index in detectors.indices {
            let found = detectors[index].findings(in: context)
            if found.isEmpty { continue }
            if overrides.isEmpty {
                if findings.isEmpty { findings = found } else { findings.append(contentsOf: found) }
                continue
            }
            for var finding in found {
                if let severity = overrides[finding.rule] { finding.severity = severity }
                findings.append(finding)
            }
        }
        findings = Self.withoutEchoesOfMojibake(findings)
        findings = Self.withoutDistortionsExplained(findings)
        findings.sort { ($0.span.start, $0.span.end, $0.rule) < ($1.span.start, $1.span.end, $1.rule) }
        let version = context.version
        let metrics = metrics(context, sourceText: sourceText)
        // The context's rendering is the default estimator's of the same alignment: the estimate
        // reads it (the omission rule made it already) where its own threshold is the default's.
        let coverage = configuration.coverage
        var rendering: (source: [Bool], version: [Bool])?
        if coverage.renderedSimilarity == CoverageEstimator.defaultRenderedSimilarity {
            let known = context.rendering
            rendering = (known.source, known.version)
        }
        let estimate = coverage.estimate(source: context.source, version: version,
                                         alignment: context.alignment, chrF: metrics[CharacterFScore.chrF.name],
                                         sameLanguage: context.sameLanguage, rendering: rendering)
        if estimate.relation == .unrelated {
            // Another text altogether: findings that point at a place in the source compare it with
            // sentences it does not render, and the gate fails it as unrelated anyway. Findings about
            // the version itself (its script, its encoding) stay.
            findings.removeAll { $0.sourceSpan != nil || $0.evidence == .consensus || $0.evidence == .source }
        }
        let score = configuration.scorer.score(findings, words: version.wordCount)
        var reasons = configuration.gate.reasons(score: score, relation: estimate.relation, findings: findings)
        if let baseline = configuration.baseline {
            // Against a baseline the gate sees only what is new: known findings neither lower the
            // score it judges nor count as severe.
            findings = baseline.mark(findings, version: version.id)
            let new = findings.filter { $0.baseline == .new }
            let gateScore = configuration.scorer.score(new, words: version.wordCount)
            reasons = configuration.gate.reasons(score: gateScore, relation: estimate.relation, findings: new)
                .map { $0.replacingOccurrences(of: "finding", with: "new finding") }
        }
        return VersionResult(id: version.id, path: path, language: version.language, score: score,
                             verdict: reasons.isEmpty ? .pass : .fail, relation: estimate.relation,
                             coverage: estimate.coverage, metrics: metrics, findings: findings, gateReasons: reasons)
    }

    /// Each metric of the version against the source (`sourceText`, its text prepared), to two decimals.
    private func metrics(_ context: DetectionContext, sourceText: MetricText) -> [String: Double] {
        let chrFs = characterFScores, others = otherMetrics, count = chrFs.count + others.count
        // Each metric's score, the chrF variants' then the others', in the call's temporary memory.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { values in
            // The version's text prepared once for all the metrics.
            let versionText = MetricText(context.version.text)
            // chrF and chrF++ share their character n-grams: counted once for both.
            CharacterFScore.forEachScore(chrFs, hypothesis: versionText, reference: sourceText) { index, score in
                values.initializeElement(at: index, to: (score * 100).rounded() / 100)
            }
            // One sentence against one is a pair already; texts of several are paired by the alignment.
            let single = context.source.sentences.count <= 1 && context.version.sentences.count <= 1
            for (index, metric) in others.enumerated() {
                let score = single ? metric.score(hypothesis: versionText, reference: sourceText)
                    : metric.score(hypothesis: versionText, reference: sourceText, sentences: Self.alignedSentences(context))
                values.initializeElement(at: chrFs.count + index, to: (score * 100).rounded() / 100)
            }
            if let template = scoreTemplate {
                var scores = template.scores
                for index in 0..<count { scores.values[template.places[index]] = values[index] }
                return scores
            }
            var scores: [String: Double] = Dictionary(minimumCapacity: count)
            for (index, metric) in chrFs.enumerated() { scores[metric.name] = values[index] }
            for (index, metric) in others.enumerated() { scores[metric.name] = values[chrFs.count + index] }
            return scores
        }
    }

    /// The version's sentences aligned with the source's, the segments of a corpus metric: each
    /// alignment link's sentences against its source sentences, in the version's order (the links'
    /// order already); and what no link joins, the version's left-over sentences against the source's.
    static func alignedSentences(_ context: DetectionContext) -> AlignedSentences {
        AlignedSentences(hypothesis: context.version, reference: context.source, alignment: context.alignment)
    }

    /// `items` without the one at `index`. Most lines have one version, whose others are none: a
    /// copy of the array and a removal from it made and freed an array for nothing.
    static func removing<Item>(_ index: Int, from items: [Item]) -> [Item] {
        guard items.count > 1 else { return [] }
        var others: [Item] = []
        others.reserveCapacity(items.count - 1)
        others.append(contentsOf: items[..<index])
        others.append(contentsOf: items[(index + 1)...])
        return others
    }

    /// `items` with the one at `index` first and the others after it in their order: `items` itself
    /// for the first (as for the one version of most lines), with no array made.
    static func movingToFront<Item>(_ index: Int, of items: [Item]) -> [Item] {
        guard index > 0 else { return items }
        return [items[index]] + removing(index, from: items)
    }

    /// Garbled characters mislead every other check ("β€” β€”" looks like Greek, a repeat and a
    /// lower-case sentence start): a finding of another rule that overlaps mojibake is dropped.
    static func withoutEchoesOfMojibake(_ findings: [Finding]) -> [Finding] {
        let rule = MojibakeDetector.description.id
        let garbled = findings.filter { $0.rule == rule }.map(\.span.span)
        guard !garbled.isEmpty else { return findings }
        return findings.filter { finding in
            finding.rule == rule || !garbled.contains { $0.overlaps(finding.span.span) }
        }
    }

    /// A distortion that another rule's finding touches (a number changed, a name replaced, a passage
    /// left out) is that finding again, counted twice: it is dropped.
    static func withoutDistortionsExplained(_ findings: [Finding]) -> [Finding] {
        let rule = DistortionDetector.description.id
        // Most versions have no distortion to explain: then nothing is gathered.
        guard findings.contains(where: { $0.rule == rule }) else { return findings }
        // The other findings' spans by start, with the furthest end reached so far: a distortion
        // reads only the spans that start before it ends, back to where none reaches its start
        // (every span that can explain it is among them), where it read every span of the text.
        let explained = findings.filter { $0.rule != rule }.map(\.span.span).sorted { $0.start < $1.start }
        guard !explained.isEmpty else { return findings }
        var reach: [Int] = []
        reach.reserveCapacity(explained.count)
        for span in explained { reach.append(max(reach.last ?? span.end, span.end)) }
        func isExplained(_ span: TextSpan) -> Bool {
            var low = 0, high = explained.count
            while low < high {
                let middle = (low + high) / 2
                if explained[middle].start <= span.end { low = middle + 1 } else { high = middle }
            }
            var index = low - 1
            while index >= 0, reach[index] >= span.start {
                let other = explained[index]
                // Spans that overlap; a point counts when it lies inside the other span or on it.
                if span.isEmpty || other.isEmpty ? other.start <= span.start && span.end <= other.end || span.start <= other.start && other.end <= span.end
                    : other.overlaps(span) {
                    return true
                }
                index -= 1
            }
            return false
        }
        return findings.filter { $0.rule != rule || !isExplained($0.span.span) }
    }

    /// Throws `TextError.textTooLong` for a text longer than a document holds (`maximum` bytes).
    static func checkLength(_ input: TextInput, maximum: Int = Document.maximumTextBytes) throws(TextError) {
        let count = input.text.utf8.count
        if count > maximum { throw .textTooLong(id: input.id, byteCount: count, maximum: maximum) }
    }

    /// The ICU locale for a BCP 47 tag: its language subtag, English when undetermined.
    static func locale(_ language: String) -> String {
        let subtag = language.split(separator: "-").first.map(String.init) ?? ""
        return subtag.isEmpty || subtag == "und" ? "en" : subtag
    }
}

/// The segmenter setups an auditor has made, by language tag.
private final class SegmenterSetups: Sendable {
    private let setups = Mutex<[String: SegmenterPool.Setup]>([:])

    func setup(for language: String, make: (String) -> SegmenterPool.Setup) -> SegmenterPool.Setup {
        if let known = setups.withLock({ $0[language] }) { return known }
        let made = make(language)
        // Language tags come from the feed: past a bound, setups are made each time, not kept.
        setups.withLock { setups in
            if setups.count < SegmenterPool.pooledSetups { setups[language] = made }
        }
        return made
    }
}

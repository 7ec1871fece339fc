import MTAuditText

/// Flags text in the wrong script: a run in a script that neither the source's sentence nor the rest
/// of the version uses (code-mixing, "the 前任 CEP"), and a run left in the source's script where the
/// version is written in another ("卫星" in an English rendering of a Chinese source).
public struct UntranslatedDetector: Detector {
    public static let description = DetectorDescription(
        id: "untranslated",
        name: "Untranslated or code-mixed text",
        summary: "A run of words in a script the source's sentence and the version do not use, or left in the source's script.",
        category: .untranslated,
        severity: .major,
        rationale: """
            A reader of the version cannot read words left in another script. Scripts are compared as \
            families: Han, kana and Hangul count as one, since Japanese and Korean mix them. A version \
            in a non-Latin script may keep short Latin names ("CEP", "iPhone") without a finding.
            """,
        triggeringExamples: [
            DetectorExample(source: "The former CEP resigned. Elections follow.", version: "The ⟦前任⟧ CEP resigned. Elections follow."),
            DetectorExample(source: "When you call someone far away, you are using a satellite.",
                            version: "When you call someone far away, ⟦卫星⟧ are used."),
            DetectorExample(source: "会议在北京举行。", version: "The meeting was held in ⟦北京⟧."),
            DetectorExample(source: "The minister resigned on Monday.", version: "The ⟦министр⟧ resigned on Monday."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The minister resigned.", version: "Der Minister trat zurück."),
            DetectorExample(source: "Apple sold the iPhone in Tokyo.", version: "アップルは東京でiPhoneを販売した。"),
            DetectorExample(source: "He quoted the word “λόγος” twice.", version: "He cited the word “λόγος” twice."),
            DetectorExample(source: "会议在北京举行。", version: "会议在北京举行。"),
            DetectorExample(source: "東京で会議があった。", version: "東京では会議が開かれた。"),
            DetectorExample(source: "The score was 3–1 😀.", version: "The score: 3–1 😀!"),
        ]
    )

    public init() {}

    /// Han, kana, Hangul and Bopomofo are one family: Japanese and Korean text mixes them.
    static func family(_ script: Script) -> String {
        switch script.shortName {
        case "Hani", "Hira", "Kana", "Hang", "Bopo": return "CJK"
        default: return script.shortName
        }
    }

    private struct Run {
        var tokens: [Token]
        let family: String
    }

    public func findings(in context: DetectionContext) -> [Finding] {
        let version = context.version, source = context.source
        guard let versionFamily = Self.dominantFamily(version.tokens), let sourceFamily = Self.dominantFamily(source.tokens)
        else { return [] }
        var findings: [Finding] = []
        for (index, sentence) in version.sentences.enumerated() {
            let sourceFamilies: Set<String> = context.alignment.sourceOf[index].map {
                Self.families(source.tokens[source.sentences[$0].tokens])
            } ?? Self.families(source.tokens[...])
            for run in runs(version.tokens[sentence.tokens], outside: versionFamily) {
                let span = run.tokens.first!.span.union(run.tokens.last!.span)
                let text = version.text(of: span)
                let words = run.tokens.count
                if !sourceFamilies.contains(run.family) {
                    let share = Double(words) / Double(max(1, version.tokens[sentence.tokens].filter(\.isWordLike).count))
                    findings.append(finding(span, in: context,
                                            message: "“\(text)” is in \(run.family) script, which neither the source nor the rest of the version uses",
                                            evidence: .source, severity: share >= 0.5 ? .critical : nil))
                } else if run.family == sourceFamily && versionFamily != sourceFamily {
                    // A non-Latin version may keep short Latin names as the source writes them.
                    if run.family == "Latn" && words < 3 { continue }
                    findings.append(finding(span, in: context,
                                            message: "“\(text)” is left in the source's script (\(run.family)), untranslated",
                                            evidence: .source))
                }
            }
        }
        return findings
    }

    /// Runs of words in a family other than `family`, across spaces and punctuation.
    private func runs(_ tokens: ArraySlice<Token>, outside family: String) -> [Run] {
        var runs: [Run] = []
        var current: Run?
        for token in tokens {
            guard token.isWordLike, let tokenFamily = Self.family(of: token) else { continue }
            if tokenFamily == family {
                if let run = current { runs.append(run) }
                current = nil
            } else if current?.family == tokenFamily {
                current!.tokens.append(token)
            } else {
                if let run = current { runs.append(run) }
                current = Run(tokens: [token], family: tokenFamily)
            }
        }
        if let run = current { runs.append(run) }
        return runs
    }

    /// The family of a word's letters, or nil for digits and symbols.
    static func family(of token: Token) -> String? {
        let script = Script.dominant(in: token.text)
        return script.isShared || script == .unknown ? nil : family(script)
    }

    static func families(_ tokens: ArraySlice<Token>) -> Set<String> {
        Set(tokens.lazy.filter(\.isWordLike).compactMap { family(of: $0) })
    }

    /// The family most of the letters are in.
    static func dominantFamily(_ tokens: [Token]) -> String? {
        var counts: [String: Int] = [:]
        for token in tokens where token.isWordLike {
            if let family = family(of: token) { counts[family, default: 0] += token.text.unicodeScalars.count }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}

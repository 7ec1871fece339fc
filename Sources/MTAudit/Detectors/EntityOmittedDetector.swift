import MTAuditText

/// Flags a name of the source that a close rendering of its sentence leaves out ("the police found that
/// had passed the checkpoint", "the capital of ."). The finding is a point where the name belongs.
public struct EntityOmittedDetector: Detector {
    /// How alike the sentences must be for a missing name to be an omission, not a rewording.
    static let minimumSimilarity = 0.5
    /// Names as common as "Rome" or "Italy" still count when left out: an omission is no rewording.
    static let commonWordZipf: Float = 5.0

    public static let description = DetectorDescription(
        id: "entity-omitted",
        name: "Entity omitted",
        summary: "A name of the source left out of a sentence that otherwise renders it closely.",
        category: .omission,
        severity: .critical,
        rationale: """
            Who did something, or where, is the core of a news sentence; dropping the name misinforms \
            by leaving the reader to guess. A name of the aligned source sentence counts as missing \
            when the version has it nowhere, not even as a derived form ("Russian" for "Russia"), \
            while the rest of the sentence is closely rendered. The finding marks where the name \
            belongs: after the word the source has before it.
            """,
        triggeringExamples: [
            DetectorExample(source: "The police found that Huang had passed the checkpoint at noon.",
                            version: "The police found that⟦⟧ had passed the checkpoint at noon."),
            DetectorExample(source: "The Colosseum in Rome reopened on Monday after repairs.",
                            version: "The Colosseum in⟦⟧ reopened on Monday after repairs."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The police found that Huang had passed.", version: "The police found that Huang had passed."),
            DetectorExample(source: "Russia's president spoke at the parade on Sunday.",
                            version: "The Russian president spoke at the parade on Sunday."),
            DetectorExample(source: "The US Supreme Court ruled on Monday.", version: "The Supreme Court ruled on Monday."),
            DetectorExample(source: "US President Joe Biden spoke on Thursday.", version: "President Biden spoke on Thursday."),
            DetectorExample(source: "Huang spoke. The council met in Rome on Monday.", version: "The council met in Rome on Monday, Huang said."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        guard context.sameLanguage else { return [] }
        let names = NameRuns.source(in: context)
        guard names.isUsable else { return [] }
        var inVersion: Set<String> = []
        for token in context.version.tokens where token.kind == .letters { inVersion.insert(base(token.key)) }
        // Names another name stands for are substitutions (name-corruption, introduced-entity), not omissions.
        let substituted = Set(NameSubstitutions.pairs(in: context).map { $0.source.span })
        var findings: [Finding] = []
        var reported: Set<Int> = []
        for (index, sentence) in context.version.sentences.enumerated() {
            guard let sourceIndex = context.alignment.sourceOf[index], !reported.contains(sourceIndex),
                  context.alignment.similarity[index] >= Self.minimumSimilarity else { continue }
            // A name is left out only when none of it is there: "President Biden" for "President Joe
            // Biden" keeps the person.
            let missing = names.runs(in: context.source, sentence: sourceIndex)
                .filter { run in run.keys.allSatisfy { !inVersion.contains(base($0)) } }
                .filter { run in
                    !substituted.contains(run.span) && !Self.opensSentence(run, sourceIndex, context.source)
                        && names.isEntityLike(run, commonWordZipf: Self.commonWordZipf)
                        && !inVersion.contains { sharesStem($0, run.keys.last!) }
                }
            for run in missing {
                reported.insert(sourceIndex)
                let place = Self.place(of: run, sourceSentence: sourceIndex, in: context, versionSentence: sentence)
                let written = context.source.text(of: run.span)
                findings.append(finding(place, in: context, message: "“\(written)” of the source is left out here",
                                        sourceSpan: run.span, suggestion: written, evidence: .source))
            }
        }
        return findings
    }

    /// Whether the run is the sentence's first word, whose capital may be the sentence's, not a name's.
    private static func opensSentence(_ run: NameRuns.Run, _ sentence: Int, _ document: Document) -> Bool {
        document.tokens[document.sentences[sentence].tokens].first(where: \.isWordLike)?.span == run.tokens.first?.span
    }

    /// Where the missing name belongs in the version: just after the word that precedes it in the
    /// source, when the version sentence has that word; else the whole sentence.
    private static func place(of run: NameRuns.Run, sourceSentence: Int, in context: DetectionContext,
                              versionSentence: Sentence) -> TextSpan {
        let tokens = context.source.tokens[context.source.sentences[sourceSentence].tokens]
        guard let before = tokens.last(where: { $0.isWordLike && $0.span.end <= run.span.start }),
              let anchor = context.version.tokens[versionSentence.tokens].first(where: { $0.key == before.key }) else {
            return versionSentence.span
        }
        return .point(anchor.span.end)
    }
}

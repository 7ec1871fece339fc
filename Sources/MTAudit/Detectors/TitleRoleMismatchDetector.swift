import MTAuditText

/// Flags a person given another office than the source gives them: "Under Secretary of State Ana
/// Ruiz" where the source has "Deputy Secretary of State Ana Ruiz". Titles and their synonyms come
/// from the titles lexicon.
public struct TitleRoleMismatchDetector: Detector {
    public static let description = DetectorDescription(
        id: "title-role-mismatch",
        name: "Title or role mismatch",
        summary: "A person's title that differs from the one the source gives the same person.",
        category: .mistranslation,
        severity: .major,
        rationale: """
            A deputy made a minister, or a vice president a president, misstates who holds authority. \
            It is major rather than critical because the person is still the right one. A title is \
            read from the titles lexicon, longest form first, where it stands next to a name: \
            "Deputy Prime Minister Lena Ortiz", "Lena Ortiz, the deputy prime minister". In aligned \
            sentences, when source and version give one name different titles, and the source never \
            gives that name the version's title, the version's title is flagged and the source's \
            suggested. Synonyms are one entry of the lexicon ("Vice Foreign Minister" and "Deputy \
            Foreign Minister"), so they are not flagged.
            """,
        triggeringExamples: [
            DetectorExample(source: "Deputy Prime Minister Lena Ortiz opened the bridge on Sunday.",
                            version: "⟦Prime Minister⟧ Lena Ortiz opened the bridge on Sunday."),
            DetectorExample(source: "The talks were led by Marco Bellandi, the assistant secretary of state, in Geneva.",
                            version: "The talks were led by Marco Bellandi, the ⟦under secretary of state⟧, in Geneva."),
            DetectorExample(source: "Vice President Tomas Reyes will visit the flooded towns.",
                            version: "⟦President⟧ Tomas Reyes is to visit the flooded towns."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "Vice Foreign Minister Hana Sato met the delegation.",
                            version: "Deputy Foreign Minister Hana Sato met the delegation."),
            DetectorExample(source: "Governor Ada Lindqvist signed the bill.", version: "Governor Ada Lindqvist signed the law."),
            DetectorExample(source: "Senator Paul Oduya spoke. Later Oduya left.", version: "Senator Paul Oduya spoke. Later Oduya left."),
            DetectorExample(source: "Mayor Ines Kovac met Ambassador Ruth Alder.", version: "Mayor Ines Kovac met Ambassador Ruth Alder."),
        ]
    )

    public init() {}

    /// A title standing next to a name.
    struct Attachment {
        let title: LexiconPhrases.Mention
        /// The name's words, in base form.
        let name: Set<String>
    }

    public func findings(in context: DetectionContext) -> [Finding] {
        let found = LexiconPhrases.mentions(.titles, in: context)
        // The version's first: without a title next to a name there (most texts), the source's are
        // not sought.
        let version = Self.attachments(found.version, in: context.version)
        guard !version.isEmpty else { return [] }
        let source = Self.attachments(found.source, in: context.source)
        guard !source.isEmpty else { return [] }
        var findings: [Finding] = []
        for attachment in version {
            let index = attachment.title.sentence
            guard let sourceIndex = context.alignment.sourceOf[index] else { continue }
            if context.sameLanguage && context.alignment.similarity[index] < SentenceAlignment.evidenceSimilarity { continue }
            let sameName = source.filter { !$0.name.isDisjoint(with: attachment.name) }
            // The source may give the person this title elsewhere (a promotion, a former office).
            guard !sameName.contains(where: { !$0.title.ids.isDisjoint(with: attachment.title.ids) }),
                  let other = sameName.first(where: { $0.title.sentence == sourceIndex }) else { continue }
            let written = context.source.text(of: other.title.span)
            let said = context.version.text(of: attachment.title.span)
            findings.append(finding(attachment.title.span, in: context,
                                    message: "“\(said)” where the source calls the same person “\(written)”",
                                    sourceSpan: other.title.span, suggestion: written, evidence: .source))
        }
        return findings
    }

    /// The titles of `document` that stand next to a name: before it ("Governor Ada Lindqvist"), or
    /// after it and a comma ("Ada Lindqvist, the governor,"), or before a comma and it ("the
    /// governor, Ada Lindqvist").
    static func attachments(_ titles: [LexiconPhrases.Mention], in document: Document) -> [Attachment] {
        // No title, no attachment (most texts): no set of the titles' tokens made.
        guard !titles.isEmpty else { return [] }
        let tokens = document.tokens
        func isNameWord(_ index: Int) -> Bool {
            guard tokens.indices.contains(index), tokens[index].kind == .letters else { return false }
            return tokens[index].text.unicodeScalars.first?.hasUppercaseProperty == true
        }
        let titled = Set(titles.flatMap { Array($0.tokens) })
        func name(from start: Int, step: Int, sentence: Int) -> Set<String> {
            var words: Set<String> = []
            var k = start
            while words.count < 4, isNameWord(k), !titled.contains(k), tokens[k].sentence == sentence {
                words.insert(base(tokens[k].key))
                k += step
            }
            return words
        }
        func isComma(_ index: Int) -> Bool { tokens.indices.contains(index) && tokens[index].text == "," }
        var result: [Attachment] = []
        for title in titles {
            let sentence = title.sentence
            var words = name(from: title.tokens.upperBound, step: 1, sentence: sentence)
            if words.isEmpty, isComma(title.tokens.upperBound) {
                words = name(from: title.tokens.upperBound + 1, step: 1, sentence: sentence)
            }
            if words.isEmpty {
                // "Name, the title": at most one short lower-case word between the comma and the title.
                var before = title.tokens.lowerBound - 1
                if tokens.indices.contains(before), tokens[before].kind == .letters,
                   tokens[before].text.unicodeScalars.first?.hasLowercaseProperty == true, tokens[before].text.count <= 3 {
                    before -= 1
                }
                if isComma(before) { words = name(from: before - 1, step: -1, sentence: sentence) }
            }
            if !words.isEmpty { result.append(Attachment(title: title, name: words)) }
        }
        return result
    }
}

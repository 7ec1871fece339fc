import MTAuditText

/// Flags a version sentence that asks where the source's sentence states, or states where it asks.
public struct QuestionForStatementDetector: Detector {
    public static let description = DetectorDescription(
        id: "question-for-statement",
        name: "Question for statement",
        summary: "A question where the source makes a statement, or the reverse.",
        category: .mistranslation,
        severity: .major,
        rationale: """
            Turning a statement into a question, or a question into a statement, changes what the text \
            claims. When the version has more (or fewer) questions than the source, each version \
            sentence is compared with the source sentence it is aligned to, by its final mark (?, ？, ؟ \
            and the Greek question mark against ., 。, !). A question split off or merged in keeps \
            the count and is left alone.
            """,
        triggeringExamples: [
            DetectorExample(source: "The council approved the plan. Work starts soon.",
                            version: "⟦Did the council approve the plan?⟧ Work starts soon."),
            DetectorExample(source: "Will the ferry run on Sunday?", version: "⟦The ferry will run on Sunday.⟧"),
            DetectorExample(source: "The mayor said “it works”.", version: "⟦The mayor said “does it work?”⟧"),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "Did it work? Nobody knows.", version: "Did it work? Nobody knows."),
            DetectorExample(source: "It rained.", version: "Il a plu."),
            DetectorExample(source: "Πού είσαι; Εδώ.", version: "Πού είσαι; Εδώ."),
        ]
    )

    public init() {}

    /// How alike a version sentence and its source sentence must be (when they share words) for their
    /// marks to be compared.
    static let minimumSimilarity = 0.4

    public func findings(in context: DetectionContext) -> [Finding] {
        // A question split off or merged in keeps the count: compare only when the counts differ.
        let versionQuestions = Self.questions(context.version), sourceQuestions = Self.questions(context.source)
        guard versionQuestions != sourceQuestions else { return [] }
        var findings: [Finding] = []
        for (index, sentence) in context.version.sentences.enumerated() {
            if context.sameLanguage && context.alignment.similarity[index] < Self.minimumSimilarity { continue }
            guard let sourceIndex = context.alignment.sourceOf[index],
                  let mark = context.version.terminalMark(ofSentence: index)?.mark,
                  let sourceMark = context.source.terminalMark(ofSentence: sourceIndex)?.mark else { continue }
            let message: String
            if Document.isQuestionMark(mark) && Document.isStatementMark(sourceMark) && versionQuestions > sourceQuestions {
                message = "the version asks where the source states"
            } else if Document.isStatementMark(mark) && Document.isQuestionMark(sourceMark) && versionQuestions < sourceQuestions {
                message = "the version states where the source asks"
            } else {
                continue
            }
            findings.append(finding(sentence.span, in: context, message: message,
                                    sourceSpan: context.source.sentences[sourceIndex].span, evidence: .source))
        }
        return findings
    }

    private static func questions(_ document: Document) -> Int {
        document.sentences.indices.filter { index in
            document.terminalMark(ofSentence: index).map { Document.isQuestionMark($0.mark) } ?? false
        }.count
    }
}

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
            claims. Each version sentence is compared with the source sentence it is aligned to, by its \
            final mark (?, ？, ؟ and the Greek question mark against ., 。, !).
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

    public func findings(in context: DetectionContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, sentence) in context.version.sentences.enumerated() {
            guard let sourceIndex = context.alignment.sourceOf[index],
                  let mark = context.version.terminalMark(ofSentence: index)?.mark,
                  let sourceMark = context.source.terminalMark(ofSentence: sourceIndex)?.mark else { continue }
            let message: String
            if Document.isQuestionMark(mark) && Document.isStatementMark(sourceMark) {
                message = "the version asks where the source states"
            } else if Document.isStatementMark(mark) && Document.isQuestionMark(sourceMark) {
                message = "the version states where the source asks"
            } else {
                continue
            }
            findings.append(finding(sentence.span, in: context, message: message,
                                    sourceSpan: context.source.sentences[sourceIndex].span, evidence: .source))
        }
        return findings
    }
}

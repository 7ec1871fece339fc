import MTAuditText

/// Flags another name put where the source names someone or something: "Napoli" where the source
/// says Rome, "Anup Kumar administration" for the Trump administration.
public struct IntroducedEntityDetector: Detector {
    public static let description = DetectorDescription(
        id: "introduced-entity",
        name: "Introduced entity",
        summary: "A name the source does not mention, standing where the source names another.",
        category: .mistranslation,
        severity: .critical,
        rationale: """
            A different person, place or organisation in place of the source's misinforms outright. \
            In each aligned sentence, a capitalized name that neither the source nor the other versions \
            use is paired with a name of the source's sentence that the version lacks. When the two do \
            not look alike (see name-corruption for those that do), the version has put another entity \
            in its place. A capitalized word however common, or one opening the sentence, counts when \
            it stands between the same words as a name of the source that the version lacks ("Lyon \
            took the lead" for "Napoli took the lead"); a word as common as "in" or "we" alike on one \
            side is no evidence at the start of a sentence. Names the entities lexicon gives one \
            identity ("Bombay" and "Mumbai", "United Nations" and "UN") are one entity, and a listed \
            entity counts as a name however common its words.
            """,
        triggeringExamples: [
            DetectorExample(source: "The Colosseum in Rome reopened on Monday.", version: "The Colosseum in ⟦Napoli⟧ reopened on Monday."),
            DetectorExample(source: "Analysts expect the Kremlin to answer the new tariffs soon.",
                            version: "Analysts expect ⟦Tokyo⟧ to answer the new tariffs soon."),
            DetectorExample(source: "The court stopped the Trump administration from adding the question.",
                            version: "The court stopped the ⟦Anup Kumar⟧ administration from adding the question."),
            DetectorExample(source: "Harper scored twice in the second half.", version: "⟦Mendoza⟧ scored twice in the second half."),
            DetectorExample(source: "The festival in Tromsø drew large crowds.", version: "The festival in ⟦China⟧ drew large crowds."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The Colosseum in Rome reopened.", version: "In Rome, the Colosseum reopened."),
            DetectorExample(source: "Mayor Ana Soto met the Chinese envoy Li Wen on Monday.",
                            version: "Mayor Soto met China's envoy Li Wen on Monday."),
            DetectorExample(source: "The council met on Monday.", version: "The council, led by Mayor Brennan, met on Monday."),
            DetectorExample(source: "Il Colosseo di Roma ha riaperto.", version: "The Colosseum in Rome reopened."),
            DetectorExample(source: "The MLA from the City Constituency spoke.", version: "The Urban MLA spoke."),
            DetectorExample(source: "A road in Krasnodar Krai was closed.", version: "A road in the Krasnodar Territory was closed."),
            DetectorExample(source: "Fortunately we stayed safe in Tromsø.", version: "Luckily we stayed safe in Tromsø."),
            DetectorExample(source: "The words of the English poet were read aloud.", version: "The words of the British poet were read aloud."),
            // Another name of the same entity, by the entities lexicon.
            DetectorExample(source: "The night train from Mumbai was delayed by the monsoon rains.",
                            version: "The night train from Bombay was delayed by the monsoon rains."),
            DetectorExample(source: "Observers from the UN reached the border town on Friday.",
                            version: "Observers from the United Nations reached the border town on Friday."),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        NameSubstitutions.findings(by: self, in: context) {
            NameSubstitutions.nature(of: $0, in: context) == .otherName
        }
    }
}

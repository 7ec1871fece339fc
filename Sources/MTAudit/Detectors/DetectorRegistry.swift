/// Every detector mtaudit knows, in the order they run.
public enum DetectorRegistry {
    public static let all: [any Detector] = [
        MojibakeDetector(),
        RepeatedWordsDetector(),
        PunctuationArtifactDetector(),
        MergedTokensDetector(),
        NumberMismatchDetector(),
        NameCorruptionDetector(),
        IntroducedEntityDetector(),
        EntitySubstitutionDetector(),
        EntityOmittedDetector(),
        MisplacedEntityDetector(),
        TitleRoleMismatchDetector(),
        DateTimeMismatchDetector(),
        QuoteAlteredDetector(),
        OmissionDetector(),
        AdditionDetector(),
        DistortionDetector(),
        BrokenSentenceDetector(),
        QuestionForStatementDetector(),
        EmptyVersionDetector(),
        UntranslatedDetector(),
        CasingDetector(),
    ]

    public static var descriptions: [DetectorDescription] { all.map { type(of: $0).description } }

    /// The detector with rule id `id`, if any.
    public static func detector(id: String) -> (any Detector)? {
        all.first { type(of: $0).description.id == id }
    }
}

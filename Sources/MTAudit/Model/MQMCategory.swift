/// A category of the MQM error typology as a lower-case path: `accuracy/omission`, `fluency/grammar`.
///
/// The well-known categories are constants; any other path (`terminology/inconsistent`,
/// `style/awkward`) can be made with `init(_:)`.
public struct MQMCategory: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ path: String) { self.rawValue = path }

    /// The top-level dimension: "accuracy", "fluency", "terminology", "style", "locale-convention".
    public var dimension: Substring { rawValue.split(separator: "/", maxSplits: 1).first ?? "" }

    public var description: String { rawValue }

    public static let mistranslation = MQMCategory("accuracy/mistranslation")
    public static let omission = MQMCategory("accuracy/omission")
    public static let addition = MQMCategory("accuracy/addition")
    public static let untranslated = MQMCategory("accuracy/untranslated")
    public static let grammar = MQMCategory("fluency/grammar")
    public static let spelling = MQMCategory("fluency/spelling")
    public static let punctuation = MQMCategory("fluency/punctuation")
    public static let characterEncoding = MQMCategory("fluency/character-encoding")

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

import MTAuditText

/// A source and a version written for a detector's tests. In `markedVersion`, each place where a
/// finding must land is wrapped in `⟦` and `⟧` (an empty pair `⟦⟧` marks a point, as for an omission).
/// The brackets are U+27E6 and U+27E7, which prose does not use (guillemets would clash with French).
public struct DetectorExample: Sendable, CustomStringConvertible {
    public let source: String
    public let markedVersion: String
    /// Other versions of the source, for detectors that go by consensus.
    public let otherVersions: [String]
    /// Where in the calling code the example is written, for test messages.
    public let file: String
    public let line: Int

    public init(source: String, version: String, otherVersions: [String] = [],
                file: String = #fileID, line: Int = #line) {
        self.source = source
        self.markedVersion = version
        self.otherVersions = otherVersions
        self.file = file
        self.line = line
    }

    /// The version without its markers.
    public var version: String { parsed.text }

    /// The marked spans, in Unicode scalar offsets of `version`.
    public var expectedSpans: [TextSpan] { parsed.spans }

    private var parsed: (text: String, spans: [TextSpan]) {
        var text = String.UnicodeScalarView()
        var spans: [TextSpan] = []
        var open: Int?
        var count = 0
        for scalar in markedVersion.unicodeScalars {
            switch scalar {
            case "⟦": open = count
            case "⟧":
                if let start = open { spans.append(TextSpan(start: start, end: count)) }
                open = nil
            default:
                text.append(scalar)
                count += 1
            }
        }
        return (String(text), spans)
    }

    /// The same example with `prefix` put before source, version and other versions (spans move with it).
    public func prefixed(_ prefix: String) -> DetectorExample {
        DetectorExample(source: prefix + source, version: prefix + markedVersion,
                        otherVersions: otherVersions.map { prefix + $0 }, file: file, line: line)
    }

    /// The same example with every text in a normalization form. Markers are not affected.
    public func normalized(_ form: Normalizer.Form) -> DetectorExample {
        DetectorExample(source: Normalizer.normalize(source, to: form),
                        version: Normalizer.normalize(markedVersion, to: form),
                        otherVersions: otherVersions.map { Normalizer.normalize($0, to: form) },
                        file: file, line: line)
    }

    public var description: String { "\(file):\(line) \(markedVersion.debugDescription)" }
}

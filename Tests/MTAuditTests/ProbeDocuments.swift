@testable import MTAudit
import MTAuditText

/// Documents of probe texts for the tests of word-level fast paths: each text segmented in its locale
/// with the default abbreviations.
enum ProbeDocuments {
    static func make(_ texts: [(text: String, segmenter: String)]) throws -> [Document] {
        try texts.map { text, locale in
            Document(id: "d", text: text, segmenter: try Segmenter(locale: locale, abbreviations: Segmenter.defaultAbbreviations))
        }
    }
}

import Yams

/// One lexicon file, read and checked: its kind and its lists by language subtag.
public struct LexiconFile: Sendable, Hashable {
    public let name: String
    public let kind: LexiconKind
    public let description: String?
    /// Entries by lower-case language subtag ("en", "fr"), as written (the flat kinds).
    public let languages: [String: [String]]
    /// The entries of a structured kind (countries, titles, date-time words, entities, confusions), in file order.
    public let entries: [LexiconEntry]

    private static let keys: Set<String> = ["kind", "description", "languages", "entries"]

    public init(name: String, kind: LexiconKind, description: String?, languages: [String: [String]],
                entries: [LexiconEntry] = []) {
        self.name = name
        self.kind = kind
        self.description = description
        self.languages = languages
        self.entries = entries
    }

    /// Parses the YAML `text` of the file called `name` (used in error messages).
    public static func parse(_ text: String, name: String) throws(LexiconError) -> LexiconFile {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw LexiconError(file: name, line: nil, message: "the file is empty")
            }
            node = composed
        } catch let error as LexiconError {
            throw error
        } catch let error as YamlError {
            throw LexiconError(file: name, line: Self.line(of: error), message: "not valid YAML: \(Self.reason(error))")
        } catch {
            throw LexiconError(file: name, line: nil, message: "not valid YAML: \(error)")
        }
        guard let mapping = node.mapping else {
            throw LexiconError(file: name, line: line(node), message: "expected a mapping with kind, description and languages")
        }
        var kind: LexiconKind?
        var description: String?
        var languages: [String: [String]] = [:]
        var languagesNode: Node?
        var entriesNode: Node?
        for (keyNode, value) in mapping {
            guard let key = keyNode.string, keys.contains(key) else {
                throw LexiconError(file: name, line: line(keyNode),
                                   message: "unknown key '\(keyNode.string ?? "?")'; expected one of \(keys.sorted().joined(separator: ", "))")
            }
            switch key {
            case "kind":
                guard let raw = value.string, let parsed = LexiconKind(rawValue: raw) else {
                    let known = LexiconKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw LexiconError(file: name, line: line(value),
                                       message: "unknown kind '\(value.string ?? "?")'; expected one of \(known)")
                }
                kind = parsed
            case "description":
                guard let text = value.string else {
                    throw LexiconError(file: name, line: line(value), message: "description must be a string")
                }
                description = text
            case "entries":
                entriesNode = value
            default:
                languagesNode = value
                languages = try parseLanguages(value, file: name)
            }
        }
        guard let kind else { throw LexiconError(file: name, line: 1, message: "missing key 'kind'") }
        guard kind.isStructured else {
            if let entriesNode {
                throw LexiconError(file: name, line: line(entriesNode),
                                   message: "a \(kind.rawValue) lexicon lists 'languages', not 'entries'")
            }
            return LexiconFile(name: name, kind: kind, description: description, languages: languages)
        }
        if let languagesNode {
            throw LexiconError(file: name, line: line(languagesNode),
                               message: "a \(kind.rawValue) lexicon lists 'entries', not 'languages'")
        }
        let entries = try entriesNode.map { node throws(LexiconError) in try parseEntries(node, kind: kind, file: name) } ?? []
        return LexiconFile(name: name, kind: kind, description: description, languages: [:], entries: entries)
    }

    /// `entries`: a list of mappings, each with an `id`, maybe a `class`, and the kind's fields, each
    /// field mapping language subtags to lists of forms.
    private static func parseEntries(_ node: Node, kind: LexiconKind, file: String) throws(LexiconError) -> [LexiconEntry] {
        guard let sequence = node.sequence else {
            throw LexiconError(file: file, line: line(node), message: "entries must be a list")
        }
        let fields = LexiconKind.fields(of: kind)
        let classes = LexiconKind.classes(of: kind)
        let allowed = (["id", "class"] + fields).joined(separator: ", ")
        var entries: [LexiconEntry] = []
        var seen: [String: Int] = [:]
        for item in sequence {
            guard let mapping = item.mapping else {
                throw LexiconError(file: file, line: line(item), message: "an entry must be a mapping with id and \(fields.joined(separator: ", "))")
            }
            var id: String?
            var entryClass: String?
            var forms: [String: [String: [String]]] = [:]
            for (keyNode, value) in mapping {
                guard let key = keyNode.string, key == "id" || key == "class" || fields.contains(key) else {
                    throw LexiconError(file: file, line: line(keyNode),
                                       message: "unknown entry key '\(keyNode.string ?? "?")'; expected one of \(allowed)")
                }
                switch key {
                case "id":
                    guard let text = value.string, !text.isEmpty else {
                        throw LexiconError(file: file, line: line(value), message: "id must be a non-empty string")
                    }
                    if let first = seen[text] {
                        throw LexiconError(file: file, line: line(value), message: "id '\(text)' is already used on line \(first)")
                    }
                    seen[text] = line(value) ?? 0
                    id = text
                case "class":
                    guard let text = value.string, classes.isEmpty || classes.contains(text) else {
                        throw LexiconError(file: file, line: line(value),
                                           message: "unknown class '\(value.string ?? "?")'; expected one of \(classes.joined(separator: ", "))")
                    }
                    entryClass = text
                default:
                    forms[key] = try parseLanguages(value, file: file)
                }
            }
            guard let id else { throw LexiconError(file: file, line: line(item), message: "an entry needs an 'id'") }
            if !classes.isEmpty && entryClass == nil {
                throw LexiconError(file: file, line: line(item), message: "entry '\(id)' needs a 'class': one of \(classes.joined(separator: ", "))")
            }
            for field in LexiconKind.requiredFields(of: kind) where forms[field]?.values.allSatisfy(\.isEmpty) ?? true {
                throw LexiconError(file: file, line: line(item), message: "entry '\(id)' needs '\(field)' with at least one form")
            }
            entries.append(LexiconEntry(id: id, entryClass: entryClass, forms: forms, line: line(item)))
        }
        return entries
    }

    private static func parseLanguages(_ node: Node, file: String) throws(LexiconError) -> [String: [String]] {
        guard let mapping = node.mapping else {
            throw LexiconError(file: file, line: line(node), message: "languages must map language subtags to lists")
        }
        var languages: [String: [String]] = [:]
        for (keyNode, value) in mapping {
            guard let language = keyNode.string, !language.isEmpty,
                  language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else {
                throw LexiconError(file: file, line: line(keyNode),
                                   message: "'\(keyNode.string ?? "?")' is not a language subtag such as en or fr")
            }
            guard let sequence = value.sequence else {
                throw LexiconError(file: file, line: line(value), message: "the entries for '\(language)' must be a list")
            }
            var entries: [String] = []
            for item in sequence {
                guard let entry = item.string, !entry.isEmpty else {
                    throw LexiconError(file: file, line: line(item), message: "an entry for '\(language)' must be a non-empty string")
                }
                entries.append(entry)
            }
            languages[language.lowercased(), default: []].append(contentsOf: entries)
        }
        return languages
    }

    private static func line(_ node: Node) -> Int? { node.mark.map { $0.line } }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func reason(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// One entry of a structured lexicon: an identity (a country, a title, a weekday) and its forms.
public struct LexiconEntry: Sendable, Hashable {
    /// Unique in its file; entries of one id in several files are one identity ("JP").
    public let id: String
    /// The entry's class, as the kind defines it ("weekday"); nil when the kind has none.
    public let entryClass: String?
    /// Forms by field ("names", "adjectives"), then by lower-case language subtag.
    public let forms: [String: [String: [String]]]
    /// The entry's line in its file.
    public let line: Int?

    public init(id: String, entryClass: String? = nil, forms: [String: [String: [String]]], line: Int? = nil) {
        self.id = id
        self.entryClass = entryClass
        self.forms = forms
        self.line = line
    }

    /// The forms of `field` in `language` (a subtag); of every language for "und".
    public func forms(_ field: String, language: String) -> [String] {
        guard let byLanguage = forms[field] else { return [] }
        if language == "und" || language.isEmpty { return byLanguage.keys.sorted().flatMap { byLanguage[$0]! } }
        return byLanguage[language] ?? []
    }
}

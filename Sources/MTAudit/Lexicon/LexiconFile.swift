import Yams

/// One lexicon file, read and checked: its kind and its lists by language subtag.
public struct LexiconFile: Sendable, Hashable {
    public let name: String
    public let kind: LexiconKind
    public let description: String?
    /// Entries by lower-case language subtag ("en", "fr"), as written.
    public let languages: [String: [String]]

    private static let keys: Set<String> = ["kind", "description", "languages"]

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
            default:
                languages = try parseLanguages(value, file: name)
            }
        }
        guard let kind else { throw LexiconError(file: name, line: 1, message: "missing key 'kind'") }
        return LexiconFile(name: name, kind: kind, description: description, languages: languages)
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

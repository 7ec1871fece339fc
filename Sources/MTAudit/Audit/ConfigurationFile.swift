import Foundation
import Yams

/// `.mtaudit.yml`: a project's gate policy, severity weights, rule settings and extra lexicons,
/// found from the working directory upward. Command-line options override it.
///
/// ```yaml
/// gate:
///   min-score: 85
///   fail-on: major          # critical | major | minor | none
///   fail-unrelated: true
/// weights: {minor: 1, major: 5, critical: 25}
/// rules:
///   casing: off             # off, or a severity that replaces the rule's default
///   mojibake: critical
/// lexicons: [lexicons/our-names.yml]   # relative to this file
/// ```
///
/// Unknown keys, unknown rules and values of the wrong kind are errors that name the file and line.
public struct ConfigurationFile: Sendable, Equatable {
    public static let fileName = ".mtaudit.yml"

    public enum RuleSetting: Sendable, Equatable {
        case off
        case severity(Severity)
    }

    public var path: String
    public var minimumScore: Double?
    /// `.some(nil)` for `fail-on: none`.
    public var failOn: Severity??
    public var failUnrelated: Bool?
    public var weights: [Severity: Double] = [:]
    public var rules: [String: RuleSetting] = [:]
    /// Lexicon files, as paths resolved against the configuration file's folder.
    public var lexicons: [String] = []

    /// The nearest `.mtaudit.yml` in `directory` or a folder above it.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads and checks the file at `path`.
    public static func load(_ path: String) throws(ConfigurationError) -> ConfigurationFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, line: nil, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, message: "is not UTF-8")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> ConfigurationFile {
        var file = ConfigurationFile(path: path)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(file: path, line: nil, message: "not valid YAML: \(error)")
        }
        guard let node else { return file }
        guard let mapping = node.mapping else { throw file.error(node, "expected a mapping of gate, weights, rules, lexicons") }
        for (key, value) in mapping {
            switch key.string {
            case "gate": try file.readGate(value)
            case "weights": try file.readWeights(value)
            case "rules": try file.readRules(value)
            case "lexicons":
                guard let list = value.sequence else { throw file.error(value, "lexicons must be a list of paths") }
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                for item in list {
                    guard let entry = item.string, !entry.isEmpty else { throw file.error(item, "a lexicon must be a path") }
                    file.lexicons.append(entry.hasPrefix("/") ? entry : folder.appendingPathComponent(entry).path)
                }
            default:
                throw file.error(key, "unknown key '\(key.string ?? "?")'; expected gate, weights, rules or lexicons")
            }
        }
        return file
    }

    private mutating func readGate(_ node: Node) throws(ConfigurationError) {
        guard let mapping = node.mapping else { throw error(node, "gate must be a mapping") }
        for (key, value) in mapping {
            switch key.string {
            case "min-score":
                guard let score = value.float, (0...100).contains(score) else { throw error(value, "min-score must be a number from 0 to 100") }
                minimumScore = score
            case "fail-on":
                if value.string == "none" { failOn = .some(nil); continue }
                guard let severity = value.string.flatMap(Severity.init(rawValue:)) else {
                    throw error(value, "fail-on must be critical, major, minor or none")
                }
                failOn = .some(severity)
            case "fail-unrelated":
                guard let flag = value.bool else { throw error(value, "fail-unrelated must be true or false") }
                failUnrelated = flag
            default:
                throw error(key, "unknown gate key '\(key.string ?? "?")'; expected min-score, fail-on or fail-unrelated")
            }
        }
    }

    private mutating func readWeights(_ node: Node) throws(ConfigurationError) {
        guard let mapping = node.mapping else { throw error(node, "weights must map severities to points") }
        for (key, value) in mapping {
            guard let severity = key.string.flatMap(Severity.init(rawValue:)) else {
                throw error(key, "unknown severity '\(key.string ?? "?")'; expected minor, major or critical")
            }
            guard let points = value.float, points >= 0 else { throw error(value, "a weight must be a number of points, 0 or more") }
            weights[severity] = points
        }
    }

    private mutating func readRules(_ node: Node) throws(ConfigurationError) {
        guard let mapping = node.mapping else { throw error(node, "rules must map rule ids to off or a severity") }
        let known = Set(DetectorRegistry.descriptions.map(\.id))
        for (key, value) in mapping {
            guard let id = key.string, known.contains(id) else {
                throw error(key, "unknown rule '\(key.string ?? "?")'; see `mtaudit rules`")
            }
            if value.string == "off" || value.bool == false {
                rules[id] = .off
            } else if let severity = value.string.flatMap(Severity.init(rawValue:)) {
                rules[id] = .severity(severity)
            } else {
                throw error(value, "rule '\(id)' must be off, critical, major or minor")
            }
        }
    }

    private func error(_ node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(file: path, line: node.mark?.line, message: message)
    }

    /// `configuration` with this file's settings.
    public func applied(to configuration: AuditConfiguration) throws(ConfigurationError) -> AuditConfiguration {
        var result = configuration
        if let minimumScore { result.gate.minimumScore = minimumScore }
        if let failOn { result.gate.failSeverity = failOn }
        if let failUnrelated { result.gate.failUnrelated = failUnrelated }
        for (severity, points) in weights { result.scorer.weights[severity] = points }
        var off: Set<String> = []
        for (id, setting) in rules {
            switch setting {
            case .off: off.insert(id)
            case .severity(let severity): result.severityOverrides[id] = severity
            }
        }
        result = result.disabling(off)
        for lexicon in lexicons {
            guard let data = FileManager.default.contents(atPath: lexicon), let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(file: path, line: nil, message: "lexicon \(lexicon) cannot be read")
            }
            do {
                result.lexicons = try result.lexicons.adding(text, name: lexicon)
            } catch {
                throw ConfigurationError(file: error.file, line: error.line, message: error.message)
            }
        }
        return result
    }
}

/// A configuration file that cannot be used: what is wrong and where.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

import Foundation
import MTAudit
import MTAuditReports
import MTAuditText

/// A folder of stories for `audit --tree DIR`: each sub-folder is a story, with its source in
/// `source.txt` and every other `*.txt` beside it a version (its id the file name without `.txt`).
/// Sub-folders and files whose names start with "." are left alone, and so are files directly in DIR.
enum StoryTree {
    static let sourceName = "source.txt"

    struct Story {
        let source: TextInput
        let versions: [TextInput]
    }

    /// The stories in `root`, by folder name, and the stories that cannot be read (no source, no
    /// versions, a file that cannot be read or decoded), each naming its file or folder. Only a
    /// root that is missing, a file, unlistable or without any story folder fails the whole tree.
    static func read(_ root: String, decoder: TextDecoder, sourceLang: String?,
                     lang: String?) throws -> (stories: [Story], errors: [StoryError]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw ToolFailure(at: root, "no such folder")
        }
        guard isDirectory.boolValue else { throw ToolFailure(at: root, "is a file, not a folder of stories") }
        let names = try entries(root).filter { isFolder(join(root, $0)) }
        if names.isEmpty { throw ToolFailure(at: root, "no story folders (each needs a \(sourceName) and versions)") }
        var stories: [Story] = [], errors: [StoryError] = []
        for name in names {
            do throws(ToolFailure) {
                stories.append(try story(name, in: root, decoder: decoder, sourceLang: sourceLang, lang: lang))
            } catch {
                errors.append(StoryError(story: name, path: error.path ?? join(root, name), message: error.problem))
            }
        }
        return (stories, errors)
    }

    /// The story of the folder `name` in `root`; failures name the file or folder.
    private static func story(_ name: String, in root: String, decoder: TextDecoder, sourceLang: String?,
                              lang: String?) throws(ToolFailure) -> Story {
        let folder = join(root, name)
        let sourcePath = join(folder, sourceName)
        guard FileManager.default.fileExists(atPath: sourcePath) else { throw ToolFailure(at: folder, "no \(sourceName)") }
        let sourceText = try read(sourcePath, decoder: decoder)
        if sourceText.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw ToolFailure(at: sourcePath, "the source is empty")
        }
        let versionNames = try entries(folder).filter { $0.hasSuffix(".txt") && $0 != sourceName && !isFolder(join(folder, $0)) }
        if versionNames.isEmpty { throw ToolFailure(at: folder, "no versions (*.txt beside \(sourceName))") }
        var versions: [TextInput] = []
        for file in versionNames {
            let path = join(folder, file)
            versions.append(TextInput(id: String(file.dropLast(4)), text: try read(path, decoder: decoder), language: lang, path: path))
        }
        return Story(source: TextInput(id: name, text: sourceText, language: sourceLang, path: sourcePath), versions: versions)
    }

    /// `TextFile.read`, whose failures are all `ToolFailure`s.
    private static func read(_ path: String, decoder: TextDecoder) throws(ToolFailure) -> String {
        do {
            return try TextFile.read(path, decoder: decoder)
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure(at: path, "\(error)")
        }
    }

    /// The names in `folder` that do not start with ".", sorted by their bytes.
    private static func entries(_ folder: String) throws(ToolFailure) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { !$0.hasPrefix(".") }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        } catch {
            throw ToolFailure(at: folder, "cannot be listed: \(error.localizedDescription)")
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

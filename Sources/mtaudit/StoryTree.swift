import Foundation
import MTAudit
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

    /// The stories in `root`, by folder name; failures name the file or folder.
    static func read(_ root: String, decoder: TextDecoder, sourceLang: String?, lang: String?) throws -> [Story] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw ToolFailure("\(root): no such folder")
        }
        guard isDirectory.boolValue else { throw ToolFailure("\(root): is a file, not a folder of stories") }
        let names = try entries(root).filter { isFolder(join(root, $0)) }
        if names.isEmpty { throw ToolFailure("\(root): no story folders (each needs a \(sourceName) and versions)") }
        return try names.map { name in
            let folder = join(root, name)
            let sourcePath = join(folder, sourceName)
            guard FileManager.default.fileExists(atPath: sourcePath) else {
                throw ToolFailure("\(folder): no \(sourceName)")
            }
            let sourceText = try TextFile.read(sourcePath, decoder: decoder)
            if sourceText.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                throw ToolFailure("\(sourcePath): the source is empty")
            }
            let versionNames = try entries(folder).filter { $0.hasSuffix(".txt") && $0 != sourceName && !isFolder(join(folder, $0)) }
            if versionNames.isEmpty { throw ToolFailure("\(folder): no versions (*.txt beside \(sourceName))") }
            let versions = try versionNames.map { file in
                let path = join(folder, file)
                return TextInput(id: String(file.dropLast(4)), text: try TextFile.read(path, decoder: decoder),
                                 language: lang, path: path)
            }
            return Story(source: TextInput(id: name, text: sourceText, language: sourceLang, path: sourcePath),
                         versions: versions)
        }
    }

    /// The names in `folder` that do not start with ".", sorted by their bytes.
    private static func entries(_ folder: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { !$0.hasPrefix(".") }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        } catch {
            throw ToolFailure("\(folder): cannot be listed: \(error.localizedDescription)")
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

import Foundation
import MTAuditText

/// Reading and writing the files the CLI is given.
enum TextFile {
    /// The decoded text of the file at `path`; failures name the file.
    static func read(_ path: String, decoder: TextDecoder) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ToolFailure(at: path, "no such file")
        }
        if isDirectory.boolValue { throw ToolFailure(at: path, "is a directory, not a text file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolFailure(at: path, "cannot be read (permission denied?)")
        }
        do {
            return try decoder.decode(Array(data)).text
        } catch {
            throw ToolFailure(at: path, "\(error)")
        }
    }

    /// The file name without directory and extension.
    static func stem(_ path: String) -> String {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return name.isEmpty ? path : name
    }

    /// Writes `data` to `directory/name` through a temporary file and a rename, so a reader never sees
    /// half a report. Creates the directory when needed. Returns the file's path.
    static func writeAtomically(_ data: Data, directory: String, name: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ToolFailure("\(directory): cannot create the output directory: \(error.localizedDescription)")
        }
        let path = (directory as NSString).appendingPathComponent(name)
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ToolFailure("\(path): cannot write the report: \(error.localizedDescription)")
        }
        return path
    }
}

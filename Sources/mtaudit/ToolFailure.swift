import ArgumentParser
import Foundation

/// A failure of the tool or its input (not of a version): printed to standard error, exit status 2.
struct ToolFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// Runs `body`; a `ToolFailure` (or any error but an exit code) is reported and becomes exit status 2.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error("mtaudit: error: \(error)")
            throw ExitCode(2)
        }
    }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

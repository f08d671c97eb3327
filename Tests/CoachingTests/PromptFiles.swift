import Foundation

/// The shipped prompt files, read from the repository so tests check what admins will edit.
enum PromptFiles {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("prompts/\(name)"), encoding: .utf8)
    }
}

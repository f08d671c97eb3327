import Foundation
import SchedulerCore

/// Keywords that decide a new task type's category; read from prompts/task-categories.txt, which admins edit.
///
/// Format: one `category: word, word, ...` line per category (`focused`, `collaborative`, `administrative`),
/// optional `default: <category>`, `#` comments. Multi-word keys ("one on one") match whole words in order.
public struct CategoryLexicon: Sendable, Equatable {
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public private(set) var keywords: [(phrase: [String], category: TaskCategory)]
    public private(set) var fallback: TaskCategory

    public static func == (lhs: CategoryLexicon, rhs: CategoryLexicon) -> Bool {
        lhs.fallback == rhs.fallback && lhs.keywords.map { "\($0.phrase)\($0.category)" } == rhs.keywords.map { "\($0.phrase)\($0.category)" }
    }

    public init(text: String) throws(ParseError) {
        keywords = []
        fallback = .focused
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let parts = line.split(separator: ":", maxSplits: 1)
            let name = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard parts.count == 2 else {
                throw ParseError(line: offset + 1, message: "expected 'category: word, word', found '\(line.trimmingCharacters(in: .whitespaces))'")
            }
            if name == "default" {
                let value = parts[1].trimmingCharacters(in: .whitespaces).lowercased()
                guard let category = TaskCategory(rawValue: value) else {
                    throw ParseError(line: offset + 1, message: "unknown category '\(value)'")
                }
                fallback = category
                continue
            }
            guard let category = TaskCategory(rawValue: name) else {
                throw ParseError(line: offset + 1, message: "unknown category '\(name)' (use focused, collaborative or administrative)")
            }
            for word in parts[1].split(separator: ",") {
                let phrase = TaskName.normalise(String(word)).split(separator: " ").map(String.init)
                if !phrase.isEmpty { keywords.append((phrase, category)) }
            }
        }
        // Longer phrases first, so "one on one" wins over "one".
        keywords.sort { $0.phrase.count > $1.phrase.count }
    }

    /// The category of the first keyword found in the name; the fallback when none is.
    public func category(for taskName: String) -> TaskCategory {
        let words = TaskName.normalise(taskName).split(separator: " ").map(String.init)
        for (phrase, category) in keywords where CategoryLexicon.contains(words, phrase) {
            return category
        }
        return fallback
    }

    private static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where Array(words[start..<start + phrase.count]) == phrase {
            return true
        }
        return false
    }

    /// Used only when prompts/task-categories.txt cannot be found, so the bot still runs.
    public static let minimal: CategoryLexicon = {
        let text = """
        focused: coding, code, programming, study, write, writing, research, design, deep, reading
        collaborative: meeting, call, standup, sync, 1:1, interview, review with
        administrative: email, emails, invoices, errands, admin, expenses, paperwork
        default: focused
        """
        return (try? CategoryLexicon(text: text)) ?? CategoryLexicon.empty
    }()

    private init() {
        keywords = []
        fallback = .focused
    }

    private static let empty = CategoryLexicon()
}

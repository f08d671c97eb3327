import Foundation
import SchedulerCore

/// What decides a plan's structure, read from prompts/plan-categories.txt (admins edit it):
/// goal categories (`category <name>: keyword, ...`) and fields of study or work (`field <name>: keyword, ...`).
/// Keywords match whole words of the goal, longer phrases first.
public struct PlanCatalog: Sendable, Equatable {
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    struct Entry: Sendable, Equatable {
        var name: String
        var phrase: [String]
    }

    private(set) var categories: [Entry] = []
    private(set) var fields: [Entry] = []

    public init() {}

    public init(text: String) throws(ParseError) {
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let colon = line.firstIndex(of: ":") else { throw ParseError(line: offset + 1, message: "expected 'category NAME: words' or 'field NAME: words'") }
            let head = line[..<colon].split(separator: " ").map { $0.lowercased() }
            guard head.count >= 2, head[0] == "category" || head[0] == "field" else {
                throw ParseError(line: offset + 1, message: "expected 'category NAME:' or 'field NAME:' before the colon")
            }
            let entries = line[line.index(after: colon)...].split(separator: ",").map {
                Entry(name: head.dropFirst().joined(separator: " "), phrase: PatternText.words(String($0)))
            }.filter { !$0.phrase.isEmpty }
            if head[0] == "category" { categories += entries } else { fields += entries }
        }
        categories.sort { $0.phrase.count > $1.phrase.count }
        fields.sort { $0.phrase.count > $1.phrase.count }
    }

    public func category(of goal: String) -> String { PlanCatalog.first(in: categories, goal) ?? "general" }
    public func field(of goal: String) -> String? { PlanCatalog.first(in: fields, goal) }

    private static func first(in entries: [Entry], _ goal: String) -> String? {
        let words = PatternText.words(goal)
        return entries.first { PatternText.occurs($0.phrase, in: words) }?.name
    }
}

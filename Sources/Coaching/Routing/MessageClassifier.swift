import Foundation
/// The kinds of chat message the routing policy tells apart.
public enum MessageType: String, Sendable, CaseIterable, Codable {
    case greeting, checkIn = "check_in", celebration, accountability
    case deepCoaching = "deep_coaching", patternAnalysis = "pattern_analysis", goalSetting = "goal_setting", planning
    case other

    /// Types that need the strong model's judgement and the user's history.
    public var isComplex: Bool {
        switch self {
        case .deepCoaching, .patternAnalysis, .goalSetting, .planning: true
        default: false
        }
    }
}

/// A classification and the rule that produced it, so every routing decision can be explained.
public struct Classification: Sendable, Equatable {
    public var type: MessageType
    /// e.g. `pattern_analysis: "keep skipping" (line 7)`, or `no rule matched`.
    public var rule: String

    public init(type: MessageType, rule: String) {
        self.type = type
        self.rule = rule
    }
}

/// Classifies chat messages without an LLM, from rules in prompts/message-types.txt (admins edit it).
///
/// Format: `type: phrase, phrase, ...` per line; types are tried in file order, so put the complex ones first.
/// Phrases match whole words in order; a trailing `*` matches any word ending ("procrastinat*").
public struct MessageClassifier: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var type: MessageType
        public var phrase: [String]
        public var line: Int
    }

    public struct ParseError: Error, CustomStringConvertible, Sendable, Equatable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public private(set) var rules: [Rule]

    /// No rules: every message is `other`.
    public init() { rules = [] }

    public init(text: String) throws(ParseError) {
        var rules: [Rule] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw ParseError(line: offset + 1, message: "expected 'type: phrase, phrase'")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard let type = MessageType(rawValue: name) else {
                let known = MessageType.allCases.map(\.rawValue).joined(separator: ", ")
                throw ParseError(line: offset + 1, message: "unknown message type '\(name)' (known: \(known))")
            }
            for phrase in line[line.index(after: colon)...].split(separator: ",") {
                let words = phrase.lowercased().split(separator: " ").map { String($0).replacingOccurrences(of: "'", with: "") }
                if !words.isEmpty { rules.append(Rule(type: type, phrase: words, line: offset + 1)) }
            }
        }
        self.rules = rules
    }

    public func classify(_ message: String) -> Classification {
        let words = PatternText.words(message)
        for rule in rules where MessageClassifier.occurs(rule.phrase, in: words) {
            return Classification(type: rule.type, rule: "\(rule.type.rawValue): \"\(rule.phrase.joined(separator: " "))\" (line \(rule.line))")
        }
        return Classification(type: .other, rule: "no rule matched")
    }

    static func occurs(_ phrase: [String], in words: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        outer: for start in 0...(words.count - phrase.count) {
            for (offset, pattern) in phrase.enumerated() {
                let word = words[start + offset]
                if pattern.hasSuffix("*") {
                    if !word.hasPrefix(pattern.dropLast()) { continue outer }
                } else if word != pattern {
                    continue outer
                }
            }
            return true
        }
        return false
    }
}

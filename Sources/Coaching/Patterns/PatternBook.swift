import Foundation
/// Canned replies for messages that need no model: greetings, thanks, goodbyes, "I'm struggling" nudges,
/// and cheers after a completion. Read from prompts/patterns.txt, which admins edit.
///
/// Format (line-based, `#` comments):
/// ```
/// [greeting-morning]            # a section; its name is recorded as the rule that fired
/// kind: greeting                # the message type it answers (greeting, thanks, bye, struggling, cheer, ...)
/// hours: 4-12                   # optional: local hours [from, to) it applies to
/// streak: 3-6                   # optional: completion streaks it applies to ("7-" = 7 and more)
/// match: hi, hello, hey         # phrases; a message matches when it is one of them plus at most filler words
///                               # (a section without phrases answers only cheers or classified small talk)
/// reply: Good morning! What's the plan today?
/// reply: Morning! Want me to find a slot for something?
/// ```
public struct PatternBook: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var name: String
        public var kind: String
        public var hours: Range<Int>?
        public var streak: ClosedRange<Int>?
        public var phrases: [[String]]
        public var replies: [String]
        public var line: Int

        func applies(hour: Int, streak: Int?) -> Bool {
            guard hours.map({ $0.contains(hour) }) ?? true else { return false }
            guard let range = self.streak, let streak else { return true }
            return range.contains(streak)
        }
    }

    public struct ParseError: Error, CustomStringConvertible, Sendable, Equatable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public private(set) var sections: [Section]
    /// Reads messages the way the phrases are written: case, punctuation, emoji, stretched letters and slips undone.
    public private(set) var normaliser: ChatNormaliser
    /// Every phrase with its section, longest first, for reading a message as phrases and filler.
    private var phrases: [PatternText.Phrase]

    public init(sections: [Section] = []) {
        self.sections = sections
        normaliser = PatternBook.normaliser(for: sections)
        phrases = PatternBook.phrases(of: sections)
    }

    static func phrases(of sections: [Section]) -> [PatternText.Phrase] {
        sections.indices.flatMap { index in
            sections[index].kind == "cheer" ? [] : sections[index].phrases.map { PatternText.Phrase(words: $0, section: index) }
        }.sorted { $0.words.count > $1.words.count }
    }

    static func normaliser(for sections: [Section]) -> ChatNormaliser {
        ChatNormaliser(vocabulary: Set(sections.flatMap { $0.phrases.joined() }).union(PatternText.filler))
    }

    public init(text: String) throws(ParseError) {
        var sections: [Section] = []
        var current: Section?
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = PatternBook.stripComment(raw)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw ParseError(line: lineNumber, message: "a section header looks like [name]") }
                if let done = current { sections.append(try PatternBook.validated(done)) }
                current = Section(name: String(line.dropFirst().dropLast()), kind: "", hours: nil, streak: nil,
                                  phrases: [], replies: [], line: lineNumber)
                continue
            }
            guard var section = current else { throw ParseError(line: lineNumber, message: "a line before the first [section]") }
            guard let colon = line.firstIndex(of: ":") else { throw ParseError(line: lineNumber, message: "expected 'key: value'") }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "kind": section.kind = value.lowercased()
            case "hours": section.hours = try PatternBook.hours(value, line: lineNumber)
            case "streak": section.streak = try PatternBook.streak(value, line: lineNumber)
            case "match": section.phrases += value.split(separator: ",").map { PatternText.phrase(String($0)) }.filter { !$0.isEmpty }
            case "reply":
                guard !value.isEmpty else { throw ParseError(line: lineNumber, message: "empty reply") }
                section.replies.append(value)
            default: throw ParseError(line: lineNumber, message: "unknown key '\(key)' (kind, hours, streak, match, reply)")
            }
            current = section
        }
        if let done = current { sections.append(try PatternBook.validated(done)) }
        self.sections = sections
        normaliser = PatternBook.normaliser(for: sections)
        phrases = PatternBook.phrases(of: sections)
    }

    /// The section for a short message read entirely as its phrases plus filler words ("ok cool, thanks!!" is
    /// ack + thanks): the section of the longest phrase used, the earlier one on a tie. When that section's hours
    /// or streak do not apply now ("good morning" at 8 pm), the section of the same kind that does answers.
    public func match(_ message: String, hour: Int, streak: Int? = nil) -> Section? {
        let words = normaliser.words(message)
        guard !words.isEmpty, words.count <= PatternText.maxWords else { return nil }
        guard let used = PatternText.cover(words, phrases: phrases),
              let chosen = used.min(by: { ($1.words.count, $0.section) < ($0.words.count, $1.section) }) else { return nil }
        let section = sections[chosen.section]
        if section.applies(hour: hour, streak: streak) { return section }
        return sections.first { $0.kind == section.kind && $0.kind != "cheer" && $0.applies(hour: hour, streak: streak) }
    }

    /// A reply for a message the classifier is sure is phatic but no phrase matched ("that's so kind of you"):
    /// the section of that kind for this hour and streak (greetings by time of day; small talk by streak).
    public func phatic(kind: String, hour: Int, streak: Int) -> Section? {
        sections.first { $0.kind == kind && $0.applies(hour: hour, streak: streak) }
    }

    /// The cheer for a completion streak, if the book has one.
    public func cheer(streak: Int, hour: Int) -> Section? {
        sections.first { $0.kind == "cheer" && ($0.streak?.contains(streak) ?? true) && ($0.hours?.contains(hour) ?? true) }
    }

    private static func stripComment(_ raw: Substring) -> String {
        // A '#' starts a comment only at the start of a line or after a space, so "#team" in a reply survives.
        var text = String(raw)
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("#") { return "" }
        if let range = text.range(of: " #") { text = String(text[..<range.lowerBound]) }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func validated(_ section: Section) throws(ParseError) -> Section {
        guard !section.kind.isEmpty else { throw ParseError(line: section.line, message: "section [\(section.name)] has no 'kind:'") }
        guard !section.replies.isEmpty else { throw ParseError(line: section.line, message: "section [\(section.name)] has no 'reply:'") }
        return section
    }

    private static func hours(_ value: String, line: Int) throws(ParseError) -> Range<Int> {
        let bounds = value.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard bounds.count == 2, (0...24).contains(bounds[0]), (0...24).contains(bounds[1]), bounds[0] < bounds[1] else {
            throw ParseError(line: line, message: "hours look like 4-12 (from, to; 0-24)")
        }
        return bounds[0]..<bounds[1]
    }

    private static func streak(_ value: String, line: Int) throws(ParseError) -> ClosedRange<Int> {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let low = Int(parts[0]), low >= 0 else {
            throw ParseError(line: line, message: "streak looks like 3-6 or 7-")
        }
        let high = parts[1].isEmpty ? Int.max : Int(parts[1]) ?? -1
        guard high >= low else { throw ParseError(line: line, message: "streak looks like 3-6 or 7-") }
        return low...high
    }
}

/// Word-level normalisation shared by patterns and classification rules.
public enum PatternText {
    /// Patterns answer short messages only; anything longer deserves a real answer.
    public static let maxWords = 8
    /// Words that may surround a pattern phrase without changing what the message asks.
    static let filler: Set<String> = ["there", "bot", "coach", "again", "so", "much", "very", "a", "lot", "you", "all",
                                      "everyone", "buddy", "friend", "mate", "just", "ok", "okay", "then", "for", "now",
                                      "today", "and", "oh", "well", "hey", "hi", "the", "really", "it", "ugh", "man", "sigh", "tbh", "honestly",
                                      "lol", "haha", "please", "anyway", "anyways", "guys", "dude", "bro", "yeah", "yes", "too",
                                      "tomorrow", "tonight", "later"]

    /// The phrase occurs in `words` as consecutive words; a trailing `*` in the phrase matches any ending.
    public static func occurs(_ phrase: [String], in words: [String]) -> Bool {
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

    public static func words(_ text: String) -> [String] {
        let kept = text.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "'" ? Character(scalar) : " "
        }
        return String(kept).replacingOccurrences(of: "'", with: "").split(separator: " ").map(String.init)
    }

    /// A phrase as messages are read: shorthand written out ("thx" is "thanks"), so either spelling meets the other.
    static func phrase(_ text: String) -> [String] {
        words(text).flatMap { ChatNormaliser.shorthand[$0] ?? [$0] }
    }

    /// A pattern phrase and the index of the section it belongs to.
    struct Phrase: Sendable, Equatable {
        var words: [String]
        var section: Int
    }

    /// One reading of every word as part of a phrase or as filler, with at least one phrase; the phrases used.
    /// Longer phrases are tried first (`phrases` comes sorted by length).
    static func cover(_ words: [String], phrases: [Phrase]) -> [Phrase]? {
        var dead = Set<Int>()
        func from(_ start: Int) -> [Phrase]? {
            if start == words.count { return [] }
            if dead.contains(start) { return nil }
            for candidate in phrases where PatternText.matches(candidate.words, in: words, at: start) {
                if let rest = from(start + candidate.words.count) { return [candidate] + rest }
            }
            if filler.contains(words[start]), let rest = from(start + 1) { return rest }
            dead.insert(start)
            return nil
        }
        guard let used = from(0), !used.isEmpty else { return nil }
        return used
    }

    /// The phrase at `start`; a trailing `*` in the phrase matches any ending.
    static func matches(_ phrase: [String], in words: [String], at start: Int) -> Bool {
        guard !phrase.isEmpty, start + phrase.count <= words.count else { return false }
        for (offset, pattern) in phrase.enumerated() {
            let word = words[start + offset]
            if pattern.hasSuffix("*") ? !word.hasPrefix(pattern.dropLast()) : word != pattern { return false }
        }
        return true
    }
}

import SchedulerCore

/// Words and phrases that mean the same kind of task, read from prompts/task-concepts.txt (admins extend it).
///
/// Format: one `concept: word, phrase, ...` line per concept; `stop: word, ...` lists words that say nothing
/// about the type ("daily", "my"); `#` starts a comment. A word may belong to several concepts.
/// Multi-word phrases ("one on one", "code review") match whole words in order and win over their parts.
public struct ConceptLexicon: Sendable, Equatable {
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "task-concepts line \(line): \(message)" }
    }

    /// Phrase (normalised words) -> concepts, longest phrases first.
    public private(set) var phrases: [(words: [String], concepts: [String])]
    public private(set) var stopWords: Set<String>
    /// Concepts by the phrase's stemmed words, for looking a whole phrase up at once.
    private var byStems: [[String]: [String]] = [:]

    public static func == (lhs: ConceptLexicon, rhs: ConceptLexicon) -> Bool {
        lhs.stopWords == rhs.stopWords && lhs.phrases.map { "\($0.words)\($0.concepts)" } == rhs.phrases.map { "\($0.words)\($0.concepts)" }
    }

    public init(text: String) throws(ParseError) {
        var byPhrase: [[String]: [String]] = [:]
        var order: [[String]] = []
        var stops: Set<String> = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else {
                throw ParseError(line: offset + 1, message: "expected 'concept: word, word'")
            }
            let concept = TaskName.normalise(String(parts[0])).replacingOccurrences(of: " ", with: "-")
            guard !concept.isEmpty else { throw ParseError(line: offset + 1, message: "missing concept name") }
            let entries = parts[1].split(separator: ",").map { TaskName.normalise(String($0)).split(separator: " ").map(String.init) }
            if concept == "stop" {
                for entry in entries { stops.formUnion(entry) }
                continue
            }
            for words in entries where !words.isEmpty {
                if byPhrase[words] == nil { order.append(words) }
                if !(byPhrase[words] ?? []).contains(concept) { byPhrase[words, default: []].append(concept) }
            }
        }
        // Stable: longer phrases first, then file order.
        phrases = order.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map { ($0.element, byPhrase[$0.element] ?? []) }
        stopWords = stops
        for (words, concepts) in phrases where byStems[words.map(WordStem.stem)] == nil {
            byStems[words.map(WordStem.stem)] = concepts
        }
    }

    /// Concepts named in `words`, and the words no phrase claimed (stop words dropped).
    public func read(_ words: [String]) -> (concepts: [String], rest: [String]) {
        var claimed = [Bool](repeating: false, count: words.count)
        var concepts: [String] = []
        for (phrase, phraseConcepts) in phrases {
            var start = 0
            while start + phrase.count <= words.count {
                let range = start..<(start + phrase.count)
                if !claimed[range].contains(true), zip(words[range], phrase).allSatisfy({ ConceptLexicon.sameWord($0, $1) }) {
                    for index in range { claimed[index] = true }
                    concepts.append(contentsOf: phraseConcepts)
                    start += phrase.count
                } else {
                    start += 1
                }
            }
        }
        let rest = words.indices.filter { !claimed[$0] && !stopWords.contains(words[$0]) }.map { words[$0] }
        // A name made only of stop words ("deep work") still means something: keep its words.
        if concepts.isEmpty, rest.isEmpty { return ([], words) }
        return (concepts, rest)
    }

    /// The concepts of exactly this phrase: plurals meet, typos do not ("medication" is not "meditation").
    public func concepts(ofPhrase words: [String]) -> [String] {
        byStems[words.map(WordStem.stem)] ?? []
    }

    /// "meetings" is "meeting": a plural in the text matches a singular in the lexicon and back.
    /// A one-letter typo in a longer word ("codeing") still matches.
    static func sameWord(_ text: String, _ entry: String) -> Bool {
        if text == entry || WordStem.stem(text) == WordStem.stem(entry) { return true }
        return text.count >= 5 && entry.count >= 5 && EditDistance.isAtMostOne(text, entry)
    }

    /// A few everyday concepts, for when no lexicon file is configured.
    public static let minimal: ConceptLexicon = {
        let text = """
            meeting: meeting, sync, standup, stand up, call, huddle
            coding: coding, code, programming, dev, development
            exercise: gym, workout, run, running, exercise
            email: email, emails, inbox, mail
            stop: daily, weekly, my, the, a, an, with, for, and, of, to
            """
        return (try? ConceptLexicon(text: text)) ?? ConceptLexicon.empty
    }()

    public static let empty = ConceptLexicon()

    private init() {
        phrases = []
        stopWords = []
    }
}

/// A light English stemmer: enough to make plurals and -ing forms meet, no more.
enum WordStem {
    static func stem(_ word: String) -> String {
        var w = word
        if w.count > 4, w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.count > 5, w.hasSuffix("ing") { w = String(w.dropLast(3)) }
        else if w.count > 3, w.hasSuffix("es"), !w.hasSuffix("ses") { w = String(w.dropLast(2)) }
        else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") { w = String(w.dropLast()) }
        // "running" -> "runn" -> "run"
        if w.count > 3, let last = w.last, w.dropLast().last == last, !"aeiou".contains(last) { w = String(w.dropLast()) }
        return w
    }
}

/// Whether one insertion, deletion, substitution or adjacent swap turns one word into the other.
enum EditDistance {
    static func isAtMostOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard abs(x.count - y.count) <= 1 else { return false }
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        if i == x.count || i == y.count { return true }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            // Adjacent transposition.
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
    }
}

import SchedulerCore

/// Compares two task names word by word with WordNet's knowledge, the way a person reads them:
/// - every word of each name has a counterpart in the other (the same word, a synonym, one derived from the other):
///   the same kind of task ("ring nan" / "call grandma", "weeding" / "weed the garden");
/// - the names differ in two kinds of one thing ("spanish class" / "french class") or in two
///   dictionary words one letter apart ("meditation" / "medication"): different tasks;
/// - otherwise WordNet has no say, and the embeddings decide.
/// Time words, light verbs and generic event nouns ("session", "appointment") say nothing about the kind of task,
/// and words after a preposition only say where or with whom ("run around the park").
public struct NameComparison: Sendable {
    public enum Verdict: Sendable, Equatable {
        case sameKind, otherKind, undecided
    }

    /// Which of the rules above decide (NameComparisonCrossValidationTests prints each one's worth on the tuning pairs).
    public struct Rules: Sendable, Equatable {
        /// Names whose words all meet, some through WordNet, are the same kind.
        public var sameMeaning: Bool
        /// Names whose words are all the same once light words and complements are set aside are the same kind.
        public var sameWords: Bool
        public var siblings: Bool
        public var confusables: Bool
        /// Short forms meet their long word ("bball" / "basketball").
        public var abbreviations: Bool

        public init(sameMeaning: Bool = true, sameWords: Bool = true, siblings: Bool = true, confusables: Bool = true,
                    abbreviations: Bool = true) {
            self.sameMeaning = sameMeaning
            self.sameWords = sameWords
            self.siblings = siblings
            self.confusables = confusables
            self.abbreviations = abbreviations
        }
    }

    struct Word: Equatable {
        var text: String
        /// After a preposition: where, when or with whom, not what.
        var complement: Bool
    }

    enum Alignment {
        case same, meaning
    }

    public let thesaurus: Thesaurus
    public let lexicon: ConceptLexicon
    public var rules: Rules

    public init(thesaurus: Thesaurus, lexicon: ConceptLexicon, rules: Rules = Rules()) {
        self.thesaurus = thesaurus
        self.lexicon = lexicon
        self.rules = rules
    }

    public func verdict(_ a: String, _ b: String) -> Verdict {
        let (rawA, rawB) = NameComparison.closingCompounds(NameComparison.rawWords(a), NameComparison.rawWords(b))
        let first = words(rawA, joining: true), second = words(rawB, joining: true)
        guard !core(first).isEmpty, !core(second).isEmpty else { return .undecided }
        if differ(core(first), core(second)) { return .otherKind }
        // A lemma of two words ("water plant") may be a phrase the other name spells out ("watering the plants").
        let verdicts = [aligned(first, second), aligned(words(rawA, joining: false), words(rawB, joining: false))]
        if verdicts.contains(.meaning), rules.sameMeaning { return .sameKind }
        if verdicts.contains(.same), rules.sameWords { return .sameKind }
        return .undecided
    }

    /// How every word of each name meets a word of the other, or nil when one does not.
    private func aligned(_ first: [Word], _ second: [Word]) -> Alignment? {
        let firstCore = core(first), secondCore = core(second)
        guard !firstCore.isEmpty, !secondCore.isEmpty else { return nil }
        var forward: [Alignment?] = [], backward: [Alignment?] = []
        for x in firstCore { forward.append(secondCore.firstNonNil { align(x, $0) }) }
        for y in secondCore { backward.append(firstCore.firstNonNil { align($0, y) }) }
        guard !forward.contains(where: { $0 == nil }), !backward.contains(where: { $0 == nil }),
              complementsAgree(first, second) else { return nil }
        return (forward + backward).contains { $0 == .meaning } ? .meaning : .same
    }

    /// Two kinds of one thing, or two dictionary words a slip apart, where the names differ.
    private func differ(_ first: [String], _ second: [String]) -> Bool {
        let onlyFirst = first.filter { !second.contains($0) }, onlySecond = second.filter { !first.contains($0) }
        for x in onlyFirst {
            for y in onlySecond where WordStem.stem(x) != WordStem.stem(y) {
                let rx = thesaurus.reading(x), ry = thesaurus.reading(y)
                if rules.siblings, Thesaurus.siblings(rx, ry) { return true }
                if rules.confusables, rx.known, ry.known, !Thesaurus.related(rx, ry), x.count >= 4, EditDistance.isAtMostOne(x, y) { return true }
            }
        }
        return false
    }

    /// Where both names say where or with whom, they must say the same ("piano lessons for emma" / "for jack").
    private func complementsAgree(_ first: [Word], _ second: [Word]) -> Bool {
        let x = first.filter(\.complement).map(\.text), y = second.filter(\.complement).map(\.text)
        guard !x.isEmpty, !y.isEmpty, x.count < first.count, y.count < second.count else { return true }
        return x.allSatisfy { word in y.contains { align(word, $0) != nil } }
            && y.allSatisfy { word in x.contains { align($0, word) != nil } }
    }

    private func align(_ x: String, _ y: String) -> Alignment? {
        if x == y || WordStem.stem(x) == WordStem.stem(y) { return .same }
        let rx = thesaurus.reading(x), ry = thesaurus.reading(y)
        // One slip in a longer word is a typo only when the words are not both in the dictionary.
        if x.count >= 5, y.count >= 5, !(rx.known && ry.known), EditDistance.isAtMostOne(x, y) { return .same }
        if rules.abbreviations, NameComparison.abbreviates(x, y, known: rx.known) || NameComparison.abbreviates(y, x, known: ry.known) {
            return .same
        }
        let conceptsX = lexicon.concepts(ofPhrase: x.split(separator: "_").map(String.init))
        if !conceptsX.isEmpty, !Set(conceptsX).isDisjoint(with: lexicon.concepts(ofPhrase: y.split(separator: "_").map(String.init))) {
            return .same
        }
        return Thesaurus.related(rx, ry) ? .meaning : nil
    }

    /// A short form people type for a longer word ("bball" basketball, "physio", "vocab"): not a
    /// dictionary word itself, its letters in order in the long word from its first letter; two letters only as
    /// the initials of a two-word lemma ("pt" for physical_therapy).
    static func abbreviates(_ short: String, _ long: String, known: Bool) -> Bool {
        guard !known, short.count >= 2, short.count < long.count, short.first == long.first else { return false }
        if short.count == 2 {
            let parts = long.split(separator: "_")
            return parts.count == 2 && parts.compactMap(\.first) == Array(short)
        }
        var remaining = Substring(short)
        for character in long where character == remaining.first {
            remaining = remaining.dropFirst()
            if remaining.isEmpty { return true }
        }
        return false
    }

    /// The words that name the kind of task: complements only when nothing else is left.
    func core(_ words: [Word]) -> [String] {
        let heads = words.filter { !$0.complement }.map(\.text)
        return heads.isEmpty ? words.map(\.text) : heads
    }

    /// A name's normalised words, possessives dropped ("doctor's" is "doctor").
    static func rawWords(_ name: String) -> [String] {
        TaskName.normalise(name.replacingOccurrences(of: "'s", with: "")).split(separator: " ").map(String.init)
    }

    /// Two words one name writes as one ("on call" / "oncall", "work out" / "workout") are joined there.
    static func closingCompounds(_ a: [String], _ b: [String]) -> ([String], [String]) {
        func closed(_ words: [String], against other: [String]) -> [String] {
            let singles = Set(other.map(WordStem.stem))
            var result: [String] = [], index = 0
            while index < words.count {
                if index + 1 < words.count, singles.contains(WordStem.stem(words[index] + words[index + 1])) {
                    result.append(words[index] + words[index + 1])
                    index += 2
                } else {
                    result.append(words[index])
                    index += 1
                }
            }
            return result
        }
        return (closed(a, against: b), closed(b, against: a))
    }

    /// The words that can name a kind of task: light words dropped, the lexicon's and WordNet's multi-word phrases
    /// joined when `collocations` ("team_sync", "table_tennis"), and each marked as a complement when a preposition
    /// came before it.
    func words(_ raw: [String], joining collocations: Bool) -> [Word] {
        var result: [Word] = []
        var complement = false
        var index = 0
        while index < raw.count {
            let word = raw[index]
            if NameComparison.prepositions.contains(word), !result.isEmpty {
                complement = true
                index += 1
                continue
            }
            if let length = [3, 2].first(where: { index + $0 <= raw.count && isPhrase(Array(raw[index..<(index + $0)]), collocations) }),
               !raw[index..<(index + length)].contains(where: NameComparison.prepositions.contains) {
                result.append(Word(text: raw[index..<(index + length)].joined(separator: "_"), complement: complement))
                index += length
                continue
            }
            if !isLight(word) { result.append(Word(text: word, complement: complement)) }
            index += 1
        }
        return result
    }

    /// A phrase of the lexicon ("team sync") or of WordNet ("table tennis"), when phrases are joined.
    private func isPhrase(_ words: [String], _ collocations: Bool) -> Bool {
        collocations && (!lexicon.concepts(ofPhrase: words).isEmpty || thesaurus.isCollocation(words))
    }

    func isLight(_ word: String) -> Bool {
        lexicon.stopWords.contains(word) || NameComparison.lightWords.contains(word) || word.allSatisfy(\.isNumber)
    }

    static let prepositions: Set<String> = [
        "at", "in", "on", "around", "from", "with", "w", "for", "to", "after", "before", "during", "near", "by",
        "into", "through", "about", "over", "without", "via",
    ]

    /// Words that never name the kind of task: times of day and week, light verbs, generic event nouns, determiners.
    static let lightWords: Set<String> = [
        "morning", "afternoon", "evening", "night", "tonight", "today", "tomorrow", "weekend", "weekday", "daily",
        "weekly", "monthly", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "do", "does", "doing", "go", "going", "get", "have", "make", "take", "work", "start", "finally",
        "session", "sessions", "appointment", "appt", "time", "routine", "stuff", "thing", "things", "quick", "little", "bit",
        "the", "a", "an", "my", "our", "all", "those", "these", "this", "that", "last", "next", "week", "and", "some",
    ]
}

extension Array {
    fileprivate func firstNonNil<T>(_ transform: (Element) -> T?) -> T? {
        for element in self { if let value = transform(element) { return value } }
        return nil
    }
}

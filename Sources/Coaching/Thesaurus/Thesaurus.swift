import Synchronization

/// What WordNet says about two words of task names: the same thing ("ring" and "call", "nan" and "grandma"), one
/// derived from the other, one a kind of the other within `hypernymSteps` (none by default: cross-validation found
/// that "a kind of" joins more different tasks than same ones), two kinds of one thing, or nothing it knows.
/// Only a word's most frequent senses count, so a rare sense ("call" as "visit") does not join unrelated tasks.
/// What it learns of a word is kept (up to `cacheLimit` words), since a user's task names come back again and again.
public struct Thesaurus: Sendable {
    public let wordNet: WordNet
    /// How many senses of each word, per part of speech, are looked at (WordNet lists the frequent ones first).
    public let senses: Int
    /// How many hypernym steps ("is a kind of") may separate two words that still count as the same task.
    public let hypernymSteps: Int

    /// Chosen by 5-fold cross-validation on the tuning pairs (Tests/LearningTests/NameComparisonCrossValidationTests).
    public static let defaultSenses = 4
    public static let defaultHypernymSteps = 0

    public static let cacheLimit = 20_000
    private let readings = ReadingCache()

    public init(wordNet: WordNet, senses: Int = Thesaurus.defaultSenses, hypernymSteps: Int = Thesaurus.defaultHypernymSteps) {
        self.wordNet = wordNet
        self.senses = senses
        self.hypernymSteps = hypernymSteps
    }

    /// Whether WordNet knows the word (or "multi_word" lemma) as a noun or verb.
    public func isContentWord(_ word: String) -> Bool {
        reading(word).isContentWord
    }

    /// Whether WordNet knows the word in any part of speech, adjectives included.
    public func knows(_ word: String) -> Bool {
        reading(word).known
    }

    /// Whether "a_b" is one WordNet lemma ("table_tennis", "wash_up").
    public func isCollocation(_ words: [String]) -> Bool {
        guard words.count > 1 else { return false }
        return isContentWord(words.joined(separator: "_"))
    }

    /// The most frequent sense of a word as a noun and as a verb.
    public func firstMeanings(of word: String) -> Set<WordNet.SynsetID> {
        Set([WordNet.PartOfSpeech.noun, .verb].compactMap { partOfSpeech in
            wordNet.baseForms(of: word, partOfSpeech).lazy.compactMap { wordNet.senses(of: $0, partOfSpeech).first }.first
        })
    }

    /// The synsets of a word's frequent senses, nouns and verbs.
    public func meanings(of word: String) -> Set<WordNet.SynsetID> {
        var found: Set<WordNet.SynsetID> = []
        for partOfSpeech in [WordNet.PartOfSpeech.noun, .verb] {
            for base in wordNet.baseForms(of: word, partOfSpeech) {
                found.formUnion(wordNet.senses(of: base, partOfSpeech).prefix(senses))
            }
        }
        return found
    }

    /// What WordNet knows of one word, gathered once so comparing it with many others reads no file twice.
    public struct Reading: Sendable {
        public var meanings: Set<WordNet.SynsetID>
        /// Within `hypernymSteps` above its meanings.
        public var ancestors: Set<WordNet.SynsetID>
        /// One step above the most frequent sense of each part of speech: two words under one parent are kinds of
        /// the same thing, and so different tasks. Rarer senses would find a shared parent for almost any two words.
        public var parents: Set<WordNet.SynsetID>
        public var derived: Set<WordNet.SynsetID>
        /// Known as a noun, verb or adjective.
        public var known: Bool
        public var isContentWord: Bool { !meanings.isEmpty }
    }

    public func reading(_ word: String) -> Reading {
        if let known = readings.value(for: word) { return known }
        let fresh = freshReading(word)
        readings.store(fresh, for: word, limit: Thesaurus.cacheLimit)
        return fresh
    }

    private func freshReading(_ word: String) -> Reading {
        let meanings = meanings(of: word)
        let parents = hypernyms(of: firstMeanings(of: word))
        var ancestors: Set<WordNet.SynsetID> = [], frontier = meanings
        for _ in 0..<hypernymSteps {
            frontier = hypernyms(of: frontier).subtracting(ancestors)
            ancestors.formUnion(frontier)
        }
        let derived = Set(meanings.flatMap { id in (wordNet.synset(id)?.pointers ?? []).filter { $0.symbol == "+" }.map(\.target) })
        return Reading(meanings: meanings, ancestors: ancestors, parents: parents, derived: derived,
                       known: !meanings.isEmpty || !wordNet.baseForms(of: word, .adjective).isEmpty)
    }

    /// The same meaning, one a kind of the other within `hypernymSteps`, or one derived from the other
    /// ("therapist" from "therapy").
    public static func related(_ a: Reading, _ b: Reading) -> Bool {
        guard a.isContentWord, b.isContentWord else { return false }
        return !a.meanings.isDisjoint(with: b.meanings) || !a.ancestors.isDisjoint(with: b.meanings)
            || !b.ancestors.isDisjoint(with: a.meanings) || !a.derived.isDisjoint(with: b.meanings)
            || !b.derived.isDisjoint(with: a.meanings)
    }

    /// Kinds of one thing ("spanish" and "french"): their most frequent senses under a shared parent, and not related.
    public static func siblings(_ a: Reading, _ b: Reading) -> Bool {
        guard a.isContentWord, b.isContentWord, !related(a, b) else { return false }
        return !a.parents.isDisjoint(with: b.parents)
    }

    private func hypernyms(of synsets: Set<WordNet.SynsetID>) -> Set<WordNet.SynsetID> {
        Set(synsets.flatMap { id in
            (wordNet.synset(id)?.pointers ?? []).filter { $0.symbol == "@" || $0.symbol == "@i" }.map(\.target)
        })
    }
}

/// Readings by word, shared by copies of one thesaurus; emptied when full rather than evicting one by one, which is
/// enough for a working set of task-name words.
private final class ReadingCache: Sendable {
    private let entries = Mutex<[String: Thesaurus.Reading]>([:])

    func value(for word: String) -> Thesaurus.Reading? {
        entries.withLock { $0[word] }
    }

    func store(_ reading: Thesaurus.Reading, for word: String, limit: Int) {
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[word] = reading
        }
    }
}

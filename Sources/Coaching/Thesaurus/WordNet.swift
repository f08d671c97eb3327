/// Princeton WordNet 3.0 read in place from its database files (Debian's `wordnet-base`): the index files are sorted,
/// so a lemma is a binary search away, and an index line names its synsets by their byte offset in the data file.
/// Nothing is parsed up front; a look-up reads a few lines. Nouns and verbs carry meaning for task names; adjectives
/// are only known as words.
public struct WordNet: Sendable {
    public enum PartOfSpeech: String, Sendable, CaseIterable {
        case noun, verb, adjective
    }

    /// A synset: its part of speech and byte offset in that part's data file.
    public struct SynsetID: Sendable, Hashable {
        public var partOfSpeech: PartOfSpeech
        public var offset: Int
    }

    /// The raw database files, read by an adapter.
    public struct Files: Sendable {
        public var index: [PartOfSpeech: [UInt8]]
        public var data: [PartOfSpeech: [UInt8]]
        /// `noun.exc`, `verb.exc`, `adj.exc`: irregular forms ("geese goose").
        public var exceptions: [PartOfSpeech: [UInt8]]

        public init(index: [PartOfSpeech: [UInt8]], data: [PartOfSpeech: [UInt8]], exceptions: [PartOfSpeech: [UInt8]]) {
            self.index = index
            self.data = data
            self.exceptions = exceptions
        }

        /// The file names of the database, for an adapter to read.
        public static func names(_ partOfSpeech: PartOfSpeech) -> (index: String, data: String, exceptions: String) {
            let suffix = partOfSpeech == .adjective ? "adj" : partOfSpeech.rawValue
            return ("index.\(suffix)", "data.\(suffix)", "\(suffix).exc")
        }
    }

    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { "WordNet: \(message)" }
    }

    private let files: Files
    private let irregular: [PartOfSpeech: [String: [String]]]

    public init(files: Files) throws(FormatError) {
        for partOfSpeech in PartOfSpeech.allCases {
            guard let index = files.index[partOfSpeech], !index.isEmpty, let data = files.data[partOfSpeech], !data.isEmpty else {
                throw FormatError(message: "missing \(Files.names(partOfSpeech).index) or \(Files.names(partOfSpeech).data)")
            }
        }
        self.files = files
        var irregular: [PartOfSpeech: [String: [String]]] = [:]
        for (partOfSpeech, bytes) in files.exceptions {
            var forms: [String: [String]] = [:]
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                let fields = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
                guard fields.count >= 2 else { continue }
                forms[fields[0], default: []].append(contentsOf: fields.dropFirst())
            }
            irregular[partOfSpeech] = forms
        }
        self.irregular = irregular
    }

    /// The synsets of a lemma ("table_tennis", lower case) in sense order, most frequent first.
    public func senses(of lemma: String, _ partOfSpeech: PartOfSpeech) -> [SynsetID] {
        guard WordNet.isLemma(lemma), let index = files.index[partOfSpeech], let line = WordNet.findLine(Array(lemma.utf8), in: index) else { return [] }
        let fields = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        // lemma pos synset_cnt p_cnt [ptr_symbol]{p_cnt} sense_cnt tagsense_cnt synset_offset{synset_cnt}
        guard fields.count > 4, let synsets = Int(fields[2]), let pointers = Int(fields[3]) else { return [] }
        let first = 4 + pointers + 2
        guard first + synsets <= fields.count else { return [] }
        return fields[first..<(first + synsets)].compactMap { Int($0).map { SynsetID(partOfSpeech: partOfSpeech, offset: $0) } }
    }

    /// Whether the lemma has any sense in that part of speech.
    public func knows(_ lemma: String, _ partOfSpeech: PartOfSpeech) -> Bool {
        guard WordNet.isLemma(lemma), let index = files.index[partOfSpeech] else { return false }
        return WordNet.findLine(Array(lemma.utf8), in: index) != nil
    }

    /// The base forms of a word form in one part of speech, as WordNet's morphy finds them: the form itself,
    /// its irregular bases, then the regular endings stripped; only forms the index knows.
    public func baseForms(of word: String, _ partOfSpeech: PartOfSpeech) -> [String] {
        var candidates = [word] + (irregular[partOfSpeech]?[word] ?? [])
        for (ending, replacement) in WordNet.detachments[partOfSpeech] ?? [] where word.hasSuffix(ending) && word.count > ending.count + 1 {
            let base = String(word.dropLast(ending.count)) + replacement
            candidates.append(base)
            // "journalling" -> "journall" -> "journal", "running" -> "runn" -> "run"
            if replacement.isEmpty, let last = base.last, base.count > 2, base.dropLast().last == last, !"aeiou".contains(last) {
                candidates.append(String(base.dropLast()))
            }
        }
        var seen: Set<String> = []
        return candidates.filter { seen.insert($0).inserted && knows($0, partOfSpeech) }
    }

    /// The lemmas of a synset and its pointers (symbol, target).
    public struct Synset: Sendable {
        public var lemmas: [String]
        public var pointers: [(symbol: String, target: SynsetID)]
    }

    public func synset(_ id: SynsetID) -> Synset? {
        guard let data = files.data[id.partOfSpeech], id.offset >= 0, id.offset < data.count else { return nil }
        var end = id.offset
        while end < data.count, data[end] != UInt8(ascii: "\n"), data[end] != UInt8(ascii: "|") { end += 1 }
        let fields = data[id.offset..<end].split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        // offset lex_filenum ss_type w_cnt(hex) [word lex_id]{w_cnt} p_cnt [symbol offset pos source/target]{p_cnt}
        guard fields.count > 4, Int(fields[0]) == id.offset, let words = Int(fields[3], radix: 16) else { return nil }
        let pointerCountIndex = 4 + 2 * words
        guard pointerCountIndex < fields.count, let pointerCount = Int(fields[pointerCountIndex]) else { return nil }
        let lemmas = stride(from: 4, to: pointerCountIndex, by: 2).map { WordNet.lemma(fields[$0]) }
        var pointers: [(symbol: String, target: SynsetID)] = []
        var at = pointerCountIndex + 1
        for _ in 0..<pointerCount {
            guard at + 3 < fields.count else { break }
            if let offset = Int(fields[at + 1]), let partOfSpeech = WordNet.partOfSpeech(fields[at + 2]) {
                pointers.append((fields[at], SynsetID(partOfSpeech: partOfSpeech, offset: offset)))
            }
            at += 4
        }
        return Synset(lemmas: lemmas, pointers: pointers)
    }

    // MARK: - File format

    /// Index lemmas have no spaces (the licence lines that open each file do).
    static func isLemma(_ text: String) -> Bool {
        !text.isEmpty && !text.contains(" ")
    }

    /// morphy's detachment rules.
    static let detachments: [PartOfSpeech: [(String, String)]] = [
        .noun: [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
        .verb: [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
        .adjective: [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    ]

    /// "nan(p)" or "Sunday" as an index lemma: lower case, no syntactic marker.
    static func lemma(_ word: String) -> String {
        let bare = word.firstIndex(of: "(").map { String(word[..<$0]) } ?? word
        return bare.lowercased()
    }

    static func partOfSpeech(_ symbol: String) -> PartOfSpeech? {
        switch symbol {
        case "n": .noun
        case "v": .verb
        case "a", "s": .adjective
        default: nil
        }
    }

    /// Binary search over the sorted lines of an index file for the line whose first field is `key`.
    /// The licence header lines start with spaces, which sort before every lemma.
    static func findLine(_ key: [UInt8], in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var low = 0, high = bytes.count
        while low < high {
            let middle = (low + high) / 2
            let start = lineStart(at: middle, in: bytes)
            let end = lineEnd(from: start, in: bytes)
            let field = firstField(bytes[start..<end])
            if field.elementsEqual(key) { return bytes[start..<end] }
            if field.lexicographicallyPrecedes(key) {
                low = end + 1
            } else {
                high = start
            }
        }
        return nil
    }

    private static func lineStart(at position: Int, in bytes: [UInt8]) -> Int {
        var start = position
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return start
    }

    private static func lineEnd(from start: Int, in bytes: [UInt8]) -> Int {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return end
    }

    private static func firstField(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return line }
        return line[line.startIndex..<space]
    }
}

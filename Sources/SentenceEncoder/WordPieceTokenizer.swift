import Foundation

/// BERT's uncased tokeniser: the basic pass (clean, lowercase, strip accents, split on whitespace,
/// punctuation and CJK characters) then greedy longest-match WordPiece with `##` continuations.
///
/// Parity with the reference matters more than taste here: an emoji glued to a word makes the whole
/// word `[UNK]` ("ok👍"), exactly as the reference does; callers that care handle emoji before.
public struct WordPieceTokenizer: Sendable {
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }

    private let ids: [String: Int32]
    public let classID: Int32
    public let separatorID: Int32
    public let unknownID: Int32
    /// The reference gives up on words longer than this and calls them unknown.
    static let maxWordCharacters = 100

    /// `vocabulary` is vocab.txt: one token per line, the line number is its id.
    public init(vocabulary: String) throws(LoadError) {
        var ids: [String: Int32] = [:]
        var next: Int32 = 0
        for line in vocabulary.split(separator: "\n", omittingEmptySubsequences: false) {
            let token = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if !token.isEmpty, ids[token] == nil { ids[token] = next }
            next += 1
        }
        guard let cls = ids["[CLS]"], let sep = ids["[SEP]"], let unk = ids["[UNK]"] else {
            throw LoadError(message: "vocabulary lacks [CLS], [SEP] or [UNK]")
        }
        self.ids = ids
        classID = cls
        separatorID = sep
        unknownID = unk
    }

    public var vocabularySize: Int { ids.count }

    /// `[CLS] pieces… [SEP]`, at most `maxTokens` ids in all.
    public func encode(_ text: String, maxTokens: Int = 256) -> [Int32] {
        var out: [Int32] = [classID]
        for word in WordPieceTokenizer.basicTokens(text) {
            out += pieces(word)
            if out.count >= maxTokens - 1 { break }
        }
        return Array(out.prefix(max(1, maxTokens - 1))) + [separatorID]
    }

    /// The WordPiece ids of one basic token; `[UNK]` when any part of it is not in the vocabulary.
    func pieces(_ word: String) -> [Int32] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count <= WordPieceTokenizer.maxWordCharacters else { return [unknownID] }
        var out: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var piece = String(String.UnicodeScalarView(scalars[start..<end]))
                if start > 0 { piece = "##" + piece }
                if let id = ids[piece] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else { return [unknownID] }
            out.append(found)
            start = end
        }
        return out
    }

    /// The basic pass, scalar by scalar as the reference iterates code points.
    static func basicTokens(_ text: String) -> [String] {
        let lowered = text.lowercased().decomposedStringWithCanonicalMapping
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in lowered.unicodeScalars {
            let category = scalar.properties.generalCategory
            if scalar.value == 0 || scalar.value == 0xFFFD { continue }
            if isWhitespace(scalar) { flush(); continue }
            if isControl(scalar, category) { continue }
            if category == .nonspacingMark { continue }
            if isPunctuation(scalar, category) || isCJK(scalar) {
                flush()
                tokens.append(String(Character(scalar)))
                continue
            }
            current.append(scalar)
        }
        flush()
        return tokens
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.generalCategory == .spaceSeparator
    }

    static func isControl(_ scalar: Unicode.Scalar, _ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .control, .format, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }

    /// Unicode P* categories, plus the ASCII symbols BERT counts as punctuation ("$", "+", "^", "`"...).
    static func isPunctuation(_ scalar: Unicode.Scalar, _ category: Unicode.GeneralCategory) -> Bool {
        let v = scalar.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch category {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B820...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }
}

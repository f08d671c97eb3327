/// Chat text reduced to the words a person meant, so "Heyyy!!", "thnaks 🙏" and "ok 👍" meet the
/// pattern lines "hey", "thanks" and "ok".
///
/// Lowercases, reads a few emoji as words when they are the whole message (and drops them otherwise),
/// removes punctuation and apostrophes, squeezes stretched letters ("goood", "heyyy") and fixes one-letter
/// slips ("thnaks", "helo") against a known vocabulary, and drops an immediately repeated word.
public struct ChatNormaliser: Sendable, Equatable {
    /// Words the normaliser may correct towards; a word already in it is left alone.
    public let vocabulary: Set<String>
    /// Vocabulary words by length, for the one-edit search.
    private let byLength: [Int: [String]]

    public init(vocabulary: Set<String>) {
        self.vocabulary = vocabulary
        byLength = Dictionary(grouping: vocabulary.filter { $0.count >= 4 }, by: \.count).mapValues { $0.sorted() }
    }

    /// Emoji that carry a phatic meaning of their own. Others are noise for routing.
    static let emojiWords: [Unicode.Scalar: String] = [
        "👍": "ok", "👌": "ok", "🆗": "ok", "✅": "ok", "✔": "ok", "🙏": "thanks", "👋": "hi", "🤝": "thanks",
        "😂": "haha", "🤣": "haha", "😆": "haha", "😄": "haha", "😁": "haha", "😀": "haha", "😊": "nice", "🙂": "ok",
        "❤": "thanks", "💙": "thanks", "💜": "thanks", "🥰": "thanks", "🎉": "nice", "🙌": "nice", "🔥": "nice",
        "💪": "nice", "👏": "nice", "💯": "nice", "😴": "night", "🌙": "night", "💤": "night",
    ]

    public func words(_ text: String) -> [String] {
        var plain = ""
        var emoji: [String] = []
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                plain.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                if let word = ChatNormaliser.emojiWords[scalar] { emoji.append(word) }
                plain.append(" ")
            }
        }
        let raw = plain.split(separator: " ").map(String.init)
        var out: [String] = []
        for word in (raw.isEmpty ? emoji : raw).map(corrected) where out.last != word {
            out.append(word)
        }
        return out
    }

    /// The word as meant: known words stay; a stretched word becomes the known word it squeezes to,
    /// else a one-letter slip of exactly one known word; otherwise stretched runs shrink by the usual rule.
    func corrected(_ word: String) -> String {
        if vocabulary.contains(word) || word.allSatisfy(\.isNumber) { return word }
        let letters = Array(word)
        let runs = ChatNormaliser.runs(letters)
        if runs.contains(where: { $0.count >= 2 }) {
            for candidate in ChatNormaliser.squeezes(letters, runs: runs) where vocabulary.contains(candidate) { return candidate }
        }
        let squeezed = runs.contains(where: { $0.count >= 3 }) ? ChatNormaliser.defaultSqueeze(letters, runs: runs) : word
        if vocabulary.contains(squeezed) { return squeezed }
        return slipCorrection(squeezed) ?? squeezed
    }

    /// The single known word one edit away (a swap or a missing letter for 4-letter words, any edit from 5 letters), if exactly one is.
    func slipCorrection(_ word: String) -> String? {
        let length = word.count
        guard length >= 4 else { return nil }
        var found: String?
        for candidateLength in (length - 1)...(length + 1) {
            for candidate in byLength[candidateLength] ?? [] where candidate.first == word.first || length >= 6 {
                // Short words only take a swap or a dropped letter back ("thnx" stays, "helo" is "hello").
                let close = length >= 5 || candidateLength > length ? EditDistance.isAtMostOne(word, candidate)
                    : candidateLength == length && ChatNormaliser.isSwap(word, candidate)
                guard close else { continue }
                if found != nil { return nil }
                found = candidate
            }
        }
        return found
    }

    static func isSwap(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard x.count == y.count else { return false }
        let differing = x.indices.filter { x[$0] != y[$0] }
        return differing.count == 2 && differing[1] == differing[0] + 1 && x[differing[0]] == y[differing[1]]
    }

    struct Run { var start: Int; var count: Int }

    static func runs(_ letters: [Character]) -> [Run] {
        var runs: [Run] = []
        var index = 0
        while index < letters.count {
            var end = index + 1
            while end < letters.count, letters[end] == letters[index] { end += 1 }
            runs.append(Run(start: index, count: end - index))
            index = end
        }
        return runs
    }

    /// Every way of shrinking each doubled-or-longer run to one or two letters (runs capped at four).
    static func squeezes(_ letters: [Character], runs: [Run]) -> [String] {
        var results = [""]
        var stretched = 0
        for run in runs {
            let letter = letters[run.start]
            if run.count >= 2, stretched < 4 {
                stretched += 1
                results = results.flatMap { [$0 + String(letter), $0 + String(repeating: letter, count: 2)] }
            } else {
                results = results.map { $0 + String(repeating: letter, count: run.count) }
            }
        }
        return results
    }

    /// English almost never triples a letter: a stretched ending shrinks to one ("heyyy", "sooo"),
    /// a stretched middle to two ("goooood").
    static func defaultSqueeze(_ letters: [Character], runs: [Run]) -> String {
        var out = ""
        for run in runs {
            let letter = letters[run.start]
            let isEnd = run.start + run.count == letters.count
            let keep = run.count >= 3 ? (isEnd ? 1 : 2) : run.count
            out += String(repeating: letter, count: keep)
        }
        return out
    }
}

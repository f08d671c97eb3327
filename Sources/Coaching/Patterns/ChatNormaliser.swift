import Foundation
/// Chat text reduced to the words a person meant, so "Heyyy!!", "thnaks 🙏" and "ok 👍" meet the
/// pattern lines "hey", "thanks" and "ok".
///
/// Lowercases, reads emoji and ASCII faces as words when they are the whole message (and drops them otherwise),
/// reads a message of bare punctuation ("??", "!!"), removes punctuation and apostrophes, reads laughter
/// ("hahahah", "lolol") and chat shorthand ("tysm", "np", "cya", "u"), squeezes stretched letters ("goood",
/// "heyyy") and fixes one-letter slips ("thnaks", "helo") against a known vocabulary, and drops an immediately
/// repeated word ("cool cool").
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
        "👍": "ok", "👌": "ok", "🆗": "ok", "✅": "ok", "✔": "ok", "🫡": "ok", "🤙": "ok", "🙂": "ok", "🙃": "ok", "😉": "ok",
        "😌": "ok", "👀": "ok", "🤷": "ok", "🤔": "hmm", "🙏": "thanks", "🤝": "thanks", "🤗": "thanks", "😘": "thanks",
        "❤": "thanks", "♥": "thanks", "💙": "thanks", "💜": "thanks", "💚": "thanks", "💛": "thanks", "🧡": "thanks",
        "🖤": "thanks", "🤍": "thanks", "💕": "thanks", "💖": "thanks", "💗": "thanks", "🥰": "thanks", "😍": "nice",
        "👋": "hi", "☀": "morning", "🌞": "morning", "🌅": "morning", "🌄": "morning", "☕": "morning",
        "😂": "haha", "🤣": "haha", "😆": "haha", "😄": "haha", "😁": "haha", "😀": "haha", "😃": "haha", "😅": "haha",
        "😹": "haha", "😊": "nice", "🎉": "nice", "🥳": "nice", "🙌": "nice", "🔥": "nice", "💪": "nice", "👏": "nice",
        "💯": "nice", "✨": "nice", "⭐": "nice", "🌟": "nice", "🤩": "nice", "😎": "nice", "🚀": "nice",
        "😴": "night", "🌙": "night", "💤": "night", "🛌": "night", "🌃": "night", "✌": "bye",
        "😩": "ugh", "😫": "ugh", "😞": "ugh", "😔": "ugh", "😢": "ugh", "😭": "ugh", "😣": "ugh", "😓": "ugh", "🥲": "ugh",
    ]

    /// ASCII faces, read like emoji: a word when they are the whole message, dropped otherwise.
    static let emoticons: [String: String] = [
        ":)": "ok", ":-)": "ok", "(:": "ok", ":]": "ok", ";)": "ok", ";-)": "ok", "^^": "ok", "^_^": "ok", ":p": "haha",
        ":-p": "haha", ":d": "haha", ":-d": "haha", "xd": "haha", "<3": "thanks", ":(": "ugh", ":-(": "ugh", ":/": "ugh",
        ":-/": "ugh", ":'(": "ugh", "):": "ugh", ":|": "hmm", ":o": "wow",
    ]

    /// Chat shorthand read as the words it stands for, so "tysm", "np" and "cya" meet "thanks", "no problem"
    /// and "see you" wherever those are taught. Only forms with one reading; "ya", "y" and "n" stay as typed.
    static let shorthand: [String: [String]] = {
        let table: [String: String] = [
            "u": "you", "ur": "your", "okay": "ok", "r": "are", "ya'll": "you all", "yall": "you all", "k": "ok", "kk": "ok", "okk": "ok",
            "okok": "ok", "oki": "ok", "okie": "ok", "okey": "ok", "okey-dokey": "ok", "okie-dokie": "ok", "okies": "ok",
            "thx": "thanks", "thnx": "thanks", "thanx": "thanks", "tnx": "thanks", "thks": "thanks", "tks": "thanks",
            "tx": "thanks", "ty": "thanks", "tyty": "thanks", "tysm": "thanks", "tyvm": "thanks", "thankyou": "thank you",
            "thanku": "thank you", "thnk": "thank", "np": "no problem", "nw": "no worries", "nws": "no worries",
            "yw": "you are welcome", "ofc": "of course", "ikr": "i know right", "gm": "good morning", "gn": "good night",
            "gnite": "good night", "gnight": "good night", "nite": "night", "nighty": "night", "cya": "see you",
            "cu": "see you", "seeya": "see you", "brb": "be right back", "bbl": "be back later", "gtg": "got to go",
            "g2g": "got to go", "ttyl": "talk to you later", "ttys": "talk to you soon", "l8r": "later", "gr8": "great",
            "hru": "how are you", "wyd": "what are you doing", "wbu": "what about you", "hbu": "how about you",
            "wdym": "what do you mean", "idk": "i dont know", "dunno": "dont know", "nvm": "never mind", "nm": "not much",
            "lmk": "let me know", "pls": "please", "plz": "please", "plox": "please", "tmrw": "tomorrow", "tmr": "tomorrow",
            "tmw": "tomorrow", "tmrow": "tomorrow", "2moro": "tomorrow", "2day": "today", "tdy": "today", "tonite": "tonight",
            "2nite": "tonight", "rn": "right now", "bc": "because", "cuz": "because", "coz": "because", "cos": "because",
            "wanna": "want to", "gonna": "going to", "gotta": "got to", "lemme": "let me", "gimme": "give me",
            "ppl": "people", "msg": "message", "b4": "before", "omw": "on my way", "sup": "whats up", "wassup": "whats up",
            "wazzup": "whats up", "whatsup": "whats up", "lmao": "lol", "lmfao": "lol", "rofl": "lol", "roflmao": "lol",
            "lul": "lol", "xd": "haha", "jk": "just kidding",
            "thank-you": "thank you", "yep": "yes", "yup": "yes", "yea": "yeah", "yeh": "yeah", "nah": "no", "nope": "no",
        ]
        return table.mapValues { $0.split(separator: " ").map(String.init) }
    }()

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
        if raw.isEmpty { return ChatNormaliser.wordless(text, emoji: emoji) }
        if let face = ChatNormaliser.onlyEmoticon(text) { return [face] }
        var out: [String] = []
        for word in raw.flatMap(read) where out.last != word {
            out.append(word)
        }
        return out
    }

    /// A message without letters still says something: its emoji and faces as words; a bare "?" asks what the
    /// bot meant ("huh"); other punctuation ("!!", "...") acknowledges.
    static func wordless(_ text: String, emoji: [String]) -> [String] {
        var out: [String] = []
        for word in emoji where out.last != word { out.append(word) }
        if !out.isEmpty { return out }
        if let face = onlyEmoticon(text) { return [face] }
        let visible = text.unicodeScalars.filter { !$0.properties.isWhitespace }
        if visible.isEmpty { return [] }
        return visible.contains("?") ? ["huh"] : ["ok"]
    }

    /// The word for a message that is one ASCII face, repeated or with trailing marks (":))", "xD!!").
    static func onlyEmoticon(_ text: String) -> String? {
        var face = text.lowercased().trimmingCharacters(in: .whitespaces)
        while face.count > 2, let last = face.last, last == "!" || last == "." || last == face.dropLast().last { face.removeLast() }
        return emoticons[face]
    }

    /// One typed word as the words meant: laughter and shorthand read, then stretches and slips corrected.
    func read(_ word: String) -> [String] {
        if let laugh = ChatNormaliser.laughter(word) { return [laugh] }
        if let expanded = ChatNormaliser.shorthand[word] { return expanded }
        let fixed = corrected(word)
        if let laugh = ChatNormaliser.laughter(fixed) { return [laugh] }
        return ChatNormaliser.shorthand[fixed] ?? [fixed]
    }

    /// "hahaha", "ahah", "hehe", "bwahaha" are "haha"; "lolol", "lolll" are "lol".
    static func laughter(_ word: String) -> String? {
        let letters = Array(word)
        guard letters.count >= 3, letters.allSatisfy({ "ahelo bwiu".contains($0) }) else { return nil }
        var squeezed: [Character] = []
        for letter in letters where squeezed.last != letter { squeezed.append(letter) }
        let text = String(squeezed)
        if text.hasPrefix("lo"), text.allSatisfy({ $0 == "l" || $0 == "o" }), text.count >= 3 { return "lol" }
        var body = Substring(text)
        if body.hasPrefix("bw") { body = body.dropFirst(2) }
        if body.hasPrefix("a") { body = body.dropFirst() }
        let pairs = stride(from: 0, to: body.count - 1, by: 2).map { body.dropFirst($0).prefix(2) }
        guard pairs.count >= 2, pairs.allSatisfy({ ["ha", "he", "hi", "hu"].contains($0) }) else { return nil }
        let rest = body.count % 2 == 1 ? body.last : nil
        guard rest == nil || rest == "h" || rest == "a" else { return nil }
        return "haha"
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

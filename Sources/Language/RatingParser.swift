/// Reads how a session went: "9/10", "7", "8 out of 10", "rating 6", "4/5", or a word like "great".
/// Numbers map to n/10 (n/5 for "/5"); words: perfect/amazing/excellent 1.0, great 0.9, good 0.8,
/// fine 0.7, ok/okay/alright 0.6, so-so/meh 0.4, poor/rough 0.3, bad 0.2, awful/terrible/horrible 0.1.
public struct RatingParser: Sendable {
    public init() {}

    static let words: [String: Double] = [
        "perfect": 1.0, "amazing": 1.0, "excellent": 1.0, "awesome": 1.0, "fantastic": 1.0,
        "great": 0.9, "good": 0.8, "nice": 0.8, "fine": 0.7, "decent": 0.7,
        "ok": 0.6, "okay": 0.6, "alright": 0.6, "meh": 0.4, "so-so": 0.4, "mediocre": 0.4,
        "poor": 0.3, "rough": 0.3, "bad": 0.2, "awful": 0.1, "terrible": 0.1, "horrible": 0.1,
    ]

    /// The first rating in the text, 0...1.
    public func rating(in text: String) -> Double? {
        let tokens = Tokenizer.tokenize(text)
        return (0..<tokens.count).lazy.compactMap { Self.rating(in: tokens, at: $0) }.first?.value
    }

    struct Found {
        var value: Double
        var tokens: Range<Int>
        var isWord: Bool
    }

    static let starSymbols: Set<Character> = ["⭐", "★", "🌟"]

    /// How many stars a token is made of ("⭐⭐⭐" is 3), nil when it is anything else.
    static func starCount(_ text: String) -> Int? {
        let stars = text.filter { $0 != "\u{FE0F}" }
        return !stars.isEmpty && stars.allSatisfy(starSymbols.contains) ? stars.count : nil
    }

    /// Words that may follow a rating at the end of a message ("done 8 thx").
    static let closingWords: Set<String> = ["thx", "thanks", "ty", "pls", "please", "cheers", "today", "lol"]

    /// A rating starting at token `i`; a bare number counts only at the end of a clause ("done 8").
    static func rating(in tokens: [Token], at i: Int) -> Found? {
        let t = tokens[i]
        // "⭐⭐⭐⭐": stars out of five.
        if let stars = starCount(t.text), i == 0 || starCount(tokens[i - 1].text) == nil {
            var end = i + 1
            var count = stars
            while end < tokens.count, let more = starCount(tokens[end].text) { count += more; end += 1 }
            return count <= 5 ? Found(value: Double(count) / 5, tokens: i..<end, isWord: false) : nil
        }
        func isSymbol(_ k: Int, _ s: String) -> Bool { k < tokens.count && tokens[k].isSymbol(s) }
        func isWord(_ k: Int, _ w: String) -> Bool { k < tokens.count && tokens[k].isWord(w) }
        func number(_ k: Int) -> Int? { k < tokens.count && tokens[k].isNumber ? tokens[k].value : nil }
        if t.isNumber {
            let n = t.value
            if isSymbol(i + 1, "/"), let scale = number(i + 2), scale == 10 || scale == 5, (0...scale).contains(n) {
                return Found(value: Double(n) / Double(scale), tokens: i..<(i + 3), isWord: false)
            }
            // "4 stars", "3 star": out of five.
            if isWord(i + 1, "stars") || isWord(i + 1, "star"), (0...5).contains(n) {
                return Found(value: Double(n) / 5, tokens: i..<(i + 2), isWord: false)
            }
            if isWord(i + 1, "out"), isWord(i + 2, "of"), let scale = number(i + 3), scale == 10 || scale == 5, (0...scale).contains(n) {
                return Found(value: Double(n) / Double(scale), tokens: i..<(i + 4), isWord: false)
            }
            let atClauseEnd = i + 1 == tokens.count || tokens[i + 1].kind == .symbol && !tokens[i + 1].isSymbol("/")
                && !tokens[i + 1].isSymbol(":") && !(tokens[i + 1].isSymbol(".") && i + 2 < tokens.count && tokens[i + 2].attached)
                || tokens[(i + 1)...].allSatisfy { $0.kind == .symbol || closingWords.contains($0.text) }
            if atClauseEnd, (1...10).contains(n), t.text.count <= 2 {
                return Found(value: Double(n) / 10, tokens: i..<(i + 1), isWord: false)
            }
            return nil
        }
        guard t.isWord else { return nil }
        if ["rating", "rated", "score", "scored"].contains(t.text) {
            var k = i + 1
            if isSymbol(k, ":") || isSymbol(k, "=") || isWord(k, "of") { k += 1 }
            if let n = number(k), (0...10).contains(n) {
                if isSymbol(k + 1, "/"), let scale = number(k + 2), scale == 10 || scale == 5, n <= scale {
                    return Found(value: Double(n) / Double(scale), tokens: i..<(k + 3), isWord: false)
                }
                return Found(value: Double(n) / 10, tokens: i..<(k + 1), isWord: false)
            }
            return nil
        }
        if t.text == "not", i + 1 < tokens.count, let base = words[tokens[i + 1].text], base >= 0.6 {
            return Found(value: 0.3, tokens: i..<(i + 2), isWord: true)
        }
        if t.text == "so", isSymbol(i + 1, "-"), isWord(i + 2, "so") {
            return Found(value: 0.4, tokens: i..<(i + 3), isWord: true)
        }
        if let value = words[t.text] { return Found(value: value, tokens: i..<(i + 1), isWord: true) }
        return nil
    }
}

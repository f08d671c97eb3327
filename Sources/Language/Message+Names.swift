/// Time words that belong to a task's name: "evening walk", "team lunch", "lunch with Jo", "night shift prep",
/// "friday demo prep on thursday", anything in quotes, and any of the user's known task names.
///
/// A part of day is a name word when it modifies the noun after it ("evening walk", "morning pages"); a meal
/// is one when a noun comes before it ("team lunch") or it leads a phrase ("lunch with Jo"). A bare weekday
/// before a noun is a name word when another day is said elsewhere ("friday demo prep on thursday"), since
/// the message then says its time without it; so is a holiday ("christmas shopping saturday afternoon").
extension Message {
    static func nameTokens(_ tokens: [Token], _ mentions: [TimeMention], knownNames: [String]) -> Set<Int> {
        var named = quoted(tokens).union(known(knownNames, in: tokens))
        let covered = Set(mentions.flatMap { Array($0.tokens) })
        func isNoun(_ i: Int) -> Bool {
            i >= 0 && i < tokens.count && tokens[i].isWord && !covered.contains(i) && !functionWords.contains(tokens[i].text)
        }
        let daysSaid = mentions.filter { $0.day != nil }.count
        // "pencil in lunch with sam", "fit in breakfast with Jo": the "in" is the verb's, the meal leads the name.
        for m in mentions where m.tokens.count == 2 && !m.isInvalid && tokens[m.tokens.lowerBound].isWord("in") {
            let meal = m.tokens.lowerBound + 1
            guard m.tokens.lowerBound > 0, ["pencil", "slot", "fit", "squeeze", "book", "put"].contains(tokens[m.tokens.lowerBound - 1].text),
                  mealWords.contains(tokens[meal].text), nextJoins(tokens, meal + 1) || isNoun(meal + 1) else { continue }
            named.formUnion(m.tokens)
        }
        for m in mentions where m.tokens.count == 1 && !m.isInvalid {
            let i = m.tokens.lowerBound
            let w = tokens[i].text
            let next = i + 1
            if m.part != nil, m.day == nil, m.clock == nil {
                let isMeal = mealWords.contains(w)
                let afterNoun = isNoun(i - 1) && !timeMarkers.contains(tokens[i - 1].text)
                // "date night saturday 8pm", "movie night at 7": with the time said elsewhere, a part of day after a
                // noun is the name's head; "gym tonight" alone keeps its time.
                let headOfName = headParts.contains(w) && afterNoun && mentions.contains { $0.tokens != m.tokens && !$0.isInvalid && ($0.day != nil || $0.clock != nil) }
                if isNoun(next) || headOfName || isMeal && (afterNoun || nextJoins(tokens, next)) {
                    named.insert(i)
                }
            } else if case .weekday(_, .bare, plusDays: 0)? = m.day, daysSaid > 1, isNoun(next), i == 0 || !timeMarkers.contains(tokens[i - 1].text) {
                named.insert(i)
            } else if case .weekend? = m.span, isNoun(next) {
                named.insert(i)
            }
        }
        // "christmas shopping saturday afternoon", "halloween party prep on friday": a holiday before a noun is the
        // name's, as a weekday is, when another day is said.
        for m in mentions where !m.isInvalid && daysSaid > 1 {
            guard case .holiday(_, which: 0, year: nil)? = m.day, m.clock == nil, m.part == nil, isNoun(m.tokens.upperBound),
                  m.tokens.lowerBound == 0 || !timeMarkers.contains(tokens[m.tokens.lowerBound - 1].text) else { continue }
            named.formUnion(m.tokens)
        }
        return named
    }

    /// "lunch with Jo", "lunch and learn".
    private static func nextJoins(_ tokens: [Token], _ i: Int) -> Bool {
        i + 1 < tokens.count && tokens[i].isWord && ["with", "and", "&"].contains(tokens[i].text) && tokens[i + 1].isWord
    }

    /// Parts of day that end names ("date night", "family evening").
    static let headParts: Set<String> = ["night", "evening", "morning", "afternoon"]

    static let mealWords: Set<String> = ["lunch", "lunchtime", "breakfast", "brunch", "dinner", "supper"]

    /// Words before a time that make it a time ("at lunch", "over lunch", "this evening").
    static let timeMarkers: Set<String> = [
        "at", "on", "in", "for", "during", "over", "after", "before", "by", "around", "until", "till", "from", "this", "next",
        "every", "each", "tomorrow", "today", "tonight", "the", "to", "between", "since", "about",
    ]

    /// Words that never make a time word part of a name when they follow it.
    static let functionWords: Set<String> = [
        "at", "on", "in", "for", "to", "from", "by", "until", "till", "the", "a", "an", "and", "or", "with", "this", "next", "every",
        "each", "please", "pls", "plz", "thx", "thanks", "ty", "is", "was", "are", "it", "i", "me", "my", "tomorrow", "today",
        "tonight", "if", "but", "then", "so", "around", "about", "before", "after", "between", "during", "of", "time", "times",
        "again", "instead", "ok", "okay", "too", "also", "only", "just",
    ]

    /// Tokens between matching straight quotes: `schedule "plan the week" sunday`.
    private static func quoted(_ tokens: [Token]) -> Set<Int> {
        var named = Set<Int>()
        for quote in ["\"", "'", "`"] {
            var open: Int?
            for i in tokens.indices where tokens[i].isSymbol(quote) {
                if let start = open {
                    named.formUnion((start + 1)..<i)
                    open = nil
                } else if i + 1 < tokens.count, tokens[i + 1].attached {
                    open = i
                }
            }
        }
        return named
    }

    /// Tokens that spell one of the user's known names, word for word.
    private static func known(_ names: [String], in tokens: [Token]) -> Set<Int> {
        var named = Set<Int>()
        for name in names {
            let words = Tokenizer.tokenize(name).filter { $0.kind != .symbol }.map(\.text)
            guard words.count > 1, !tokens.isEmpty else { continue }
            var i = 0
            while i + words.count <= tokens.count {
                if (0..<words.count).allSatisfy({ tokens[i + $0].text == words[$0] }) {
                    named.formUnion(i..<(i + words.count))
                    i += words.count
                } else {
                    i += 1
                }
            }
        }
        return named
    }
}

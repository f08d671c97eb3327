/// Taking back what was just said: "undo", "oops, undo that", "revert that", "take it back"; and a new rating
/// for the completion just recorded: "that was hard though, 6/10", "actually more like a 5", "make that a 7".
/// Both are whole-message shapes: any other word makes the message something else (usually chat).
extension Message {
    func undoRequest() -> Command? {
        guard !tokens.contains(where: \.isNumber) else { return nil }
        let words = self.words
        guard !words.isEmpty, words.allSatisfy(Self.undoWords.contains) else { return nil }
        let saysTakeBack = zip(zip(words, words.dropFirst()), words.dropFirst(2)).contains { pair, last in
            pair.0 == "take" && Self.pronouns.contains(pair.1) && last == "back"
        }
        guard words.contains(where: Self.undoVerbs.contains) || saysTakeBack else { return nil }
        return .undo
    }

    /// A numeric rating that cannot be a time ("6/10", "8 out of 10", "a 5", "like 5", "rating 7"), every other
    /// word one that talks about how it went, and a word that says the rating replaces one ("actually",
    /// "though", "make that", "more like").
    func reRating() -> Command? {
        guard let found = tokens.indices.lazy.compactMap({ RatingParser.rating(in: tokens, at: $0) }).first(where: { !$0.isWord }) else {
            return nil
        }
        let others = tokens.indices.filter { !found.tokens.contains($0) }
        guard others.allSatisfy({ tokens[$0].kind == .symbol || tokens[$0].isWord && Self.reRatingWords.contains(tokens[$0].text) }) else {
            return nil
        }
        let words = others.compactMap(word)
        let scaled = found.tokens.count > 1
        let anchored = scaled || found.tokens.lowerBound > 0 && word(found.tokens.lowerBound - 1).map(Self.ratingAnchors.contains) == true
            || words.contains(where: Self.ratingNouns.contains)
        guard anchored, words.contains(where: Self.reRatingCues.contains) else { return nil }
        return .rerate(rating: found.value)
    }

    private static let undoVerbs: Set<String> = ["undo", "revert", "unschedule", "undone"]
    private static let undoWords: Set<String> = undoVerbs.union(pronouns).union([
        "take", "back", "oops", "whoops", "oopsie", "oh", "no", "nope", "wait", "sorry", "please", "pls", "plz", "actually",
        "can", "could", "you", "just", "the", "last", "change", "one", "ok", "okay", "hmm", "ah", "again", "that's", "thats",
    ])

    /// Words just before a number that make it a rating, not a clock time ("more like a 5", "like 5").
    private static let ratingAnchors: Set<String> = ["a", "an", "like"]
    private static let ratingNouns: Set<String> = ["rating", "rate", "rated", "rerate", "score"]
    private static let reRatingCues: Set<String> = ratingNouns.union([
        "actually", "though", "tho", "make", "rather", "change", "update", "closer", "more", "was", "felt", "honestly", "really",
    ])
    private static let reRatingWords: Set<String> = reRatingCues.union(pronouns).union(RatingParser.words.keys).union([
        "a", "an", "like", "than", "to", "the", "of", "it's", "its", "that's", "thats", "i", "i'd", "id", "would", "say", "call",
        "hard", "harder", "easy", "easier", "tough", "tougher", "tiring", "exhausting", "brutal", "pretty", "quite", "kinda",
        "kind", "bit", "little", "hmm", "no", "wait", "sorry", "oops", "oh", "ok", "okay", "well", "but", "so", "maybe", "lol",
        "yeah", "yes", "one", "please", "feel", "only", "just", "probably", "re", "give", "mark", "put", "down", "as",
    ])
}

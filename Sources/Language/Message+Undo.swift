/// Taking back what was just said: "undo", "oops, undo that", "revert that", "take it back", "ctrl+z"; dropping it
/// ("scratch that", "never mind that"); and a new rating for the completion just recorded: "that was hard though,
/// 6/10", "actually more like a 5", "make that a 7", "give it a 6". All are whole-message shapes: any other word
/// makes the message something else (usually chat).
extension Message {
    func undoRequest() -> Command? {
        guard !tokens.contains(where: \.isNumber) else { return nil }
        let words = self.words
        guard let first = words.first, !Self.questionWords.contains(first), words.allSatisfy(Self.undoWords.contains) else { return nil }
        if words.contains(where: Self.undoVerbs.contains) || saysTakeBack(words) || saysUndoKeys(words) || saysPutBack(words)
            || saysCancelLastChange(words) { return .undo }
        // "never mind that", "scratch that": said about whatever came last, which is a change only just after one.
        if saysDismissal(words) { return .neverMind }
        return nil
    }

    /// "take that back", "take it back", "take back that", "take back the last one".
    private func saysTakeBack(_ words: [String]) -> Bool {
        zip(words, words.dropFirst()).enumerated().contains { k, pair in
            guard pair.0 == "take" else { return false }
            if Self.pronouns.contains(pair.1) { return k + 2 < words.count && words[k + 2] == "back" }
            return pair.1 == "back" && words[(k + 2)...].contains { Self.pronouns.contains($0) || $0 == "last" }
        }
    }

    /// "put it back", "no wait, put it back how it was", "change it back": the change reversed.
    private func saysPutBack(_ words: [String]) -> Bool {
        zip(zip(words, words.dropFirst()), words.dropFirst(2)).contains { pair, last in
            ["put", "change", "set", "move", "turn"].contains(pair.0) && Self.pronouns.contains(pair.1) && last == "back"
        }
    }

    /// "cancel that last thing", "scratch the last change": the last change, not an event called "last thing".
    private func saysCancelLastChange(_ words: [String]) -> Bool {
        guard let first = words.first(where: { !["no", "wait", "oops", "sorry", "please", "pls", "actually", "just", "can", "could", "you", "oh"].contains($0) }),
              ["cancel", "scratch", "reverse", "drop"].contains(first) else { return false }
        return zip(words, words.dropFirst()).contains { $0 == "last" && ["thing", "change", "action", "edit"].contains($1) }
    }

    /// "ctrl z", "ctrl+z", "cmd-z": the keys of an editor's undo.
    private func saysUndoKeys(_ words: [String]) -> Bool {
        zip(words, words.dropFirst()).contains { Self.undoKeys.contains($0) && $1 == "z" } || words.contains("ctrlz")
    }

    /// "never mind that", "nvm that", "scratch that", "forget about that", "ignore that": a dismissal of something
    /// named by a pronoun. Bare "never mind" or "forget it" drop a question or a topic, so they stay talk.
    private func saysDismissal(_ words: [String]) -> Bool {
        let joined = " " + words.joined(separator: " ") + " "
        return Self.dismissals.contains { verb in
            ["that", "this"].contains { joined.contains(" \(verb) \($0) ") || joined.contains(" \(verb) about \($0) ") }
        }
    }

    /// A numeric rating that cannot be a time ("6/10", "8 out of 10", "a 5", "like 5", "rating 7"), every other
    /// word one that talks about how it went, and a word that says the rating replaces one ("actually",
    /// "though", "make that", "more like", "give it").
    func reRating() -> Command? {
        let namesRatingAnywhere = words.contains(where: Self.ratingNouns.contains)
        guard let found = tokens.indices.lazy.compactMap({ RatingParser.rating(in: self.tokens, at: $0) ?? self.anchoredNumber(at: $0, namesRatingAnywhere) })
            .first(where: { !$0.isWord }) else {
            return nil
        }
        let others = tokens.indices.filter { !found.tokens.contains($0) }
        // "2 not 4", "a 6 instead of 8": the rating it replaces may be said too.
        func isReplaced(_ k: Int) -> Bool { tokens[k].isNumber && k > 0 && ["not", "of", "from", "than"].contains(tokens[k - 1].text) }
        guard others.allSatisfy({ tokens[$0].kind == .symbol || tokens[$0].isWord && Self.reRatingWords.contains(tokens[$0].text) || isReplaced($0) }) else {
            return nil
        }
        let words = others.compactMap(word)
        let namesRating = found.tokens.contains { word($0).map(Self.ratingNouns.contains) == true }
        let scaled = found.tokens.count > 1
        let anchored = scaled || found.tokens.lowerBound > 0 && word(found.tokens.lowerBound - 1).map(Self.ratingAnchors.contains) == true
            || words.contains(where: Self.ratingNouns.contains)
        guard anchored, namesRating || words.contains(where: Self.reRatingCues.contains) else { return nil }
        return .rerate(rating: found.value)
    }

    /// "make it a 4 instead", "an 8 actually": a number of one to ten right after "a"/"an" is a rating wherever it
    /// stands (a bare number counts only at the end of a clause, since "at 4 instead" is a clock).
    private func anchoredNumber(at i: Int, _ namesRating: Bool) -> RatingParser.Found? {
        guard tokens[i].isNumber else { return nil }
        // "rating should be 2", "change the score to 6": after a rating noun, "be" or "to" anchors the number too.
        let anchors = namesRating ? ["a", "an", "be", "to", "is"] : ["a", "an"]
        guard tokens[i].text.count <= 2, (1...10).contains(tokens[i].value), i > 0, anchors.contains(tokens[i - 1].text),
              !(i > 1 && tokens[i - 2].isWord("not")),
              !(i + 1 < tokens.count && (tokens[i + 1].isSymbol("/") || tokens[i + 1].isSymbol(":"))) else { return nil }
        return RatingParser.Found(value: Double(tokens[i].value) / 10, tokens: i..<(i + 1), isWord: false)
    }

    private static let questionWords: Set<String> = ["what", "how", "why", "when", "where", "who", "which", "should", "does", "is"]
    private static let undoVerbs: Set<String> = ["undo", "revert", "unschedule", "undone", "unsend", "unbook"]
    private static let undoKeys: Set<String> = ["ctrl", "control", "cmd", "command", "strg"]
    private static let dismissals: [String] = ["never mind", "nevermind", "nvm", "scratch", "forget", "ignore", "disregard", "strike"]
    private static let undoWords: Set<String> = undoVerbs.union(pronouns).union(undoKeys).union([
        "take", "back", "oops", "whoops", "oopsie", "oh", "no", "nope", "wait", "sorry", "please", "pls", "plz", "actually",
        "can", "could", "you", "just", "the", "last", "change", "one", "ok", "okay", "hmm", "ah", "again", "that's", "thats",
        "z", "ctrlz", "never", "mind", "nevermind", "nvm", "scratch", "forget", "about", "ignore", "disregard", "strike",
        "thing", "my", "i", "what", "did", "do", "made", "said", "lol", "ugh", "damn", "haha", "oh", "yeah",
        "put", "how", "was", "way", "before", "mistake", "a", "wrong", "bad", "cancel", "reverse", "action", "edit", "set", "turn",
        "move", "it's", "its", "that", "to", "were", "things",
    ])

    /// Words just before a number that make it a rating, not a clock time ("more like a 5", "like 5").
    private static let ratingAnchors: Set<String> = ["a", "an", "like"]
    private static let ratingNouns: Set<String> = ["rating", "rate", "rated", "rerate", "score"]
    private static let reRatingCues: Set<String> = ratingNouns.union([
        "actually", "though", "tho", "make", "rather", "change", "update", "closer", "more", "was", "felt", "honestly", "really",
        "give", "call", "instead", "bump", "meant", "mean", "should", "oops",
    ])
    private static let reRatingWords: Set<String> = reRatingCues.union(pronouns).union(RatingParser.words.keys).union([
        "a", "an", "like", "than", "to", "the", "of", "it's", "its", "that's", "thats", "i", "i'd", "id", "would", "say", "call",
        "hard", "harder", "easy", "easier", "tough", "tougher", "tiring", "exhausting", "brutal", "pretty", "quite", "kinda",
        "kind", "bit", "little", "hmm", "no", "wait", "sorry", "oops", "oh", "ok", "okay", "well", "but", "so", "maybe", "lol",
        "yeah", "yes", "one", "please", "feel", "only", "just", "probably", "re", "give", "mark", "put", "down", "as", "instead",
        "let's", "lets", "'d", "i'll", "be", "not", "meant", "mean", "bump", "should", "instead", "stars", "star", "up", "last", "my",
        "session",
    ])
}

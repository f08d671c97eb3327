/// Splitting off a task the bot joined to another: "that's a different task", "no, it's a separate thing", "keep
/// them separate", "make it its own task", "ring nan is not the same as call grandma". A whole-message shape: a
/// cue that says two tasks are not one, and otherwise only the words such a sentence is made of and the user's own
/// task names, so "a different task would suit me better" or "separate my work and life" stay talk.
extension Message {
    func separateTaskRequest() -> Command? {
        let words = self.words
        guard let first = words.first, !Self.askingWords.contains(first), saysNotOne(words) else { return nil }
        let names = Set(knownNames.flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) })
        guard words.allSatisfy({ Self.separateWords.contains($0) || names.contains($0) }) else { return nil }
        return .separateTask
    }

    /// "different task", "separate one", "its own task", "keep them separate", "not the same (thing)".
    private func saysNotOne(_ words: [String]) -> Bool {
        let pairs = Array(zip(words, words.dropFirst()))
        if pairs.contains(where: { Self.apartWords.contains($0.0) && Self.taskNouns.contains($0.1) }) { return true }
        if pairs.contains(where: { $0 == ("not", "same") || $0 == ("isn't", "same") || $0 == ("not", "the") && words.contains("same") }) { return true }
        return words.contains { ["separate", "separately", "apart"].contains($0) } && words.contains { ["keep", "treat", "learn", "track"].contains($0) }
    }

    /// "is it a different task?", "why is it a separate one": asked, not said.
    private static let askingWords: Set<String> = ["why", "how", "what", "when", "where", "which", "who", "is", "are", "does", "do", "would"]
    private static let apartWords: Set<String> = ["different", "separate", "distinct", "own", "new", "another", "other"]
    private static let taskNouns: Set<String> = ["task", "tasks", "type", "types", "thing", "things", "one", "ones", "kind", "activity", "activities"]

    private static let separateWords: Set<String> = apartWords.union(taskNouns).union([
        "no", "nope", "nah", "wait", "actually", "oops", "sorry", "hmm", "please", "pls", "oh", "ok", "okay", "um", "but", "and",
        "it", "that", "this", "they", "them", "those", "these", "that's", "thats", "it's", "its", "they're", "theyre", "is",
        "are", "was", "were", "be", "isn't", "aren't", "not", "same", "as", "the", "a", "an", "of", "from", "to", "my", "i",
        "me", "make", "keep", "treat", "learn", "track", "want", "need", "should", "let's", "lets", "put", "separately",
        "apart", "altogether", "completely", "totally", "entirely", "really", "two", "both", "kinds", "can", "you",
        "just", "like", "under", "with", "merge", "merged", "join", "joined", "don't", "dont", "do", "lump",
    ])
}

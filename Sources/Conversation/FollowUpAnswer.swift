import Language

/// How a reply answers the open follow-up: "done 8", "8", "meh", "great", "skip", "no", "didn't".
enum FollowUpAnswer: Equatable {
    case done(rating: Double?)
    case skipped

    static let skipSayings: Set<[String]> = [
        ["skip"], ["skipped"], ["no"], ["nope"], ["didn't"], ["didnt"], ["missed"], ["missed", "it"], ["skipped", "it"],
        ["didn't", "do", "it"], ["didnt", "do", "it"], ["not", "done"], ["no", "skipped"], ["did", "not"],
    ]
    static let doneSayings: Set<[String]> = [["yes"], ["yep"], ["yeah"], ["done"], ["did", "it"], ["i", "did", "it"], ["done", "it"]]

    /// Nil when the message is about something else (it then goes wherever it would have gone).
    /// A named task must be the follow-up's own: "done gym" while asked about Deep Coding is not an answer.
    static func read(_ command: Command, text: String, taskName: String) -> FollowUpAnswer? {
        let named = command.fields.task.map { TaskNameMatch.same($0, taskName) }
        switch command {
        case .done(let report) where named ?? true: return .done(rating: report.rating)
        case .skip where named ?? true: return .skipped
        case .chat, .rerate:
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "/" }).map(String.init)
            guard !words.isEmpty, words.count <= 4 else { return nil }
            if skipSayings.contains(words) { return .skipped }
            if doneSayings.contains(words) { return .done(rating: nil) }
            return RatingParser().rating(in: text).map { .done(rating: $0) }
        default:
            return nil
        }
    }
}

enum TaskNameMatch {
    /// Whether what was said names an event's title: "deep coding" and "coding" (words of it) name "Deep Coding",
    /// and "intervals" names "Interval Training" (a plural is the same word). Only for finding an event the
    /// user already has; whether two names are one kind of task is the task-type matcher's question.
    static func same(_ said: String, _ name: String) -> Bool {
        let saidWords = words(said)
        let nameWords = Set(words(name))
        return !saidWords.isEmpty && saidWords.allSatisfy(nameWords.contains)
    }

    private static func words(_ text: String) -> [String] {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").map { singular(String($0)) }
    }

    /// "runs" -> "run", "classes" -> "class"; "class", "yoga" and short words stay as they are.
    private static func singular(_ word: String) -> String {
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }
}

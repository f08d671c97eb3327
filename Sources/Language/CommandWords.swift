/// The command vocabulary and near-miss correction of command words.
enum CommandWords {
    /// Single command words.
    static let intents: [String: IntentKind] = [
        "schedule": .schedule, "book": .schedule, "add": .schedule, "put": .schedule,
        "done": .done, "finished": .done, "finish": .done, "completed": .done, "complete": .done,
        "skip": .skip, "skipped": .skip, "skipping": .skip, "missed": .skip, "miss": .skip,
        "agenda": .agenda,
        "cancel": .cancel, "cancelled": .cancel, "canceled": .cancel, "delete": .cancel, "remove": .cancel,
        "move": .move, "reschedule": .move, "push": .move, "shift": .move,
        "timezone": .timezone, "tz": .timezone,
        "available": .available, "availability": .available,
        "help": .help, "commands": .help,
        "plan": .plan,
        "insights": .insights, "insight": .insights, "learned": .insights,
        "why": .why,
    ]

    /// Words that may come before a command without changing it ("please schedule", "I just finished").
    static let fillers: Set<String> = [
        "please", "pls", "plz", "hey", "hi", "ok", "okay", "bot", "can", "could", "would", "you", "i", "i've", "ive",
        "just", "have", "kindly", "go", "ahead", "and",
    ]

    /// Words never corrected into a command although they are one edit away ("cancer" is not "cancel").
    private static let realWords: Set<String> = ["cancer", "messed", "kissed", "hissed", "passed", "tossed", "agent"]

    /// Correction targets: long enough that one edit is still clearly a typo.
    private static let correctable = intents.keys.filter { $0.count >= 5 }.sorted()

    /// The command a near-miss was meant to be ("shedule" -> "schedule"), nil when none is close enough.
    static func correction(for word: String) -> String? {
        guard word.count >= 5, !realWords.contains(word), word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
            return nil
        }
        let limit = word.count >= 7 ? 2 : 1
        var best: (word: String, distance: Int)?
        for candidate in correctable {
            let d = EditDistance.distance(word, candidate, limit: limit)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.word
    }
}

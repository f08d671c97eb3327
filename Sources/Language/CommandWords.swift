/// The command vocabulary and near-miss correction of command words.
enum CommandWords {
    /// Single command words.
    static let intents: [String: IntentKind] = [
        "schedule": .schedule, "book": .schedule, "add": .schedule, "put": .schedule,
        "done": .done, "finished": .done, "finish": .done, "completed": .done, "complete": .done,
        "skip": .skip, "skipped": .skip, "skipping": .skip, "missed": .skip, "miss": .skip,
        "agenda": .agenda,
        "cancel": .cancel, "cancelled": .cancel, "canceled": .cancel, "delete": .cancel, "remove": .cancel,
        "move": .move, "reschedule": .move, "push": .move, "shift": .move, "rebook": .move, "rearrange": .move,
        "timezone": .timezone, "tz": .timezone,
        "available": .available, "availability": .available,
        "help": .help, "commands": .help,
        "plan": .plan,
        "insights": .insights, "insight": .insights, "learned": .insights,
        "why": .why,
    ]

    /// Command verbs of more than one word, or single words that are commands only with a time said
    /// ("block 2h for deep work", "pencil in a call thursday at 11", "wrapped up deep work"). A phrase marked
    /// `needsTime` is read as a command only when the message says a time or a duration, since "block the
    /// door" or "set up my desk" say nothing to schedule.
    struct PhraseVerb: Sendable {
        let words: [String]
        let intent: IntentKind
        let needsTime: Bool
    }

    static let phraseVerbs: [PhraseVerb] = [
        PhraseVerb(words: ["pencil", "in"], intent: .schedule, needsTime: false),
        PhraseVerb(words: ["pencil"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["block", "out"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["block", "off"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["block"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["slot", "in"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["fit", "in"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["squeeze", "in"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["make", "time", "for"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["set", "aside", "time", "for"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["set", "aside"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["set", "up"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["arrange"], intent: .schedule, needsTime: true),
        // "can you make a meeting with my professor for thursday 10:00?", "make an appointment monday 9am"
        PhraseVerb(words: ["make", "a"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["make", "an"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["reserve"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["organise"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["organize"], intent: .schedule, needsTime: true),
        // "get a haircut next week": a thing to get done, with its time.
        PhraseVerb(words: ["get", "a"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["get", "an"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["rain", "check", "on"], intent: .skip, needsTime: false),
        PhraseVerb(words: ["wrapped", "up"], intent: .done, needsTime: false),
        PhraseVerb(words: ["knocked", "out"], intent: .done, needsTime: false),
        PhraseVerb(words: ["got", "through"], intent: .done, needsTime: false),
        PhraseVerb(words: ["ticked", "off"], intent: .done, needsTime: false),
        PhraseVerb(words: ["checked", "off"], intent: .done, needsTime: false),
        PhraseVerb(words: ["crushed"], intent: .done, needsTime: false),
        PhraseVerb(words: ["nailed"], intent: .done, needsTime: false),
        PhraseVerb(words: ["smashed"], intent: .done, needsTime: false),
        PhraseVerb(words: ["bailing", "on"], intent: .skip, needsTime: false),
        PhraseVerb(words: ["bailed", "on"], intent: .skip, needsTime: false),
        PhraseVerb(words: ["bail", "on"], intent: .skip, needsTime: false),
        PhraseVerb(words: ["bump"], intent: .move, needsTime: true),
        PhraseVerb(words: ["postpone"], intent: .move, needsTime: false),
        PhraseVerb(words: ["call", "off"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["get", "rid", "of"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["change"], intent: .move, needsTime: true),
        PhraseVerb(words: ["free"], intent: .available, needsTime: false),
        PhraseVerb(words: ["scrap"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["nix"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["drop"], intent: .cancel, needsTime: true),
        // "slide the review to after lunch", "moving bike ride to tmrw evening": a move only with where it goes.
        PhraseVerb(words: ["slide"], intent: .move, needsTime: true),
        PhraseVerb(words: ["swap"], intent: .move, needsTime: true),
        PhraseVerb(words: ["switch"], intent: .move, needsTime: true),
        PhraseVerb(words: ["moving"], intent: .move, needsTime: true),
        // "forget the grocery run", "clear the study session", "take the massage off friday".
        PhraseVerb(words: ["forget", "the"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["forget", "my"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["forget", "about", "the"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["clear", "the"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["take", "the"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["take", "my"], intent: .cancel, needsTime: false),
        PhraseVerb(words: ["ditching"], intent: .skip, needsTime: false),
        PhraseVerb(words: ["ditched"], intent: .skip, needsTime: false),
        PhraseVerb(words: ["ditch"], intent: .skip, needsTime: false),
        PhraseVerb(words: ["passing", "on"], intent: .skip, needsTime: false),
        PhraseVerb(words: ["pass", "on"], intent: .skip, needsTime: false),
        // "just got back from the dentist", "back from physio, it was ok", "went to the gym this morning".
        PhraseVerb(words: ["got", "back", "from"], intent: .done, needsTime: false),
        PhraseVerb(words: ["got", "home", "from"], intent: .done, needsTime: false),
        PhraseVerb(words: ["home", "from"], intent: .done, needsTime: false),
        // "don't forget to call mom at 5": a reminder of something to do then.
        PhraseVerb(words: ["don't", "forget", "to"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["dont", "forget", "to"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["came", "back", "from"], intent: .done, needsTime: false),
        PhraseVerb(words: ["back", "from"], intent: .done, needsTime: false),
        PhraseVerb(words: ["went", "to", "the"], intent: .done, needsTime: false),
        PhraseVerb(words: ["went", "to", "my"], intent: .done, needsTime: false),
        // "pop yoga in for wednesday evening", "stick gym in at 6", "throw a walk in after lunch".
        PhraseVerb(words: ["pop"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["stick"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["throw"], intent: .schedule, needsTime: true),
        PhraseVerb(words: ["bring", "forward"], intent: .move, needsTime: true),
        PhraseVerb(words: ["scratch"], intent: .cancel, needsTime: true),
        PhraseVerb(words: ["all", "done", "with"], intent: .done, needsTime: false),
        // "went for a run this morning", "went for a swim".
        PhraseVerb(words: ["went", "for", "a"], intent: .done, needsTime: false),
        PhraseVerb(words: ["went", "for", "my"], intent: .done, needsTime: false),
    ]

    /// Words of the settings and habit commands, read by their own grammar; typos of them are corrected too.
    static let settingWords: Set<String> = ["habits", "reminders", "resume", "unmute", "mute", "unanswered", "quiet", "daily", "weekly"]

    /// Short forms people type for a command word.
    static let abbreviations: [String: String] = [
        "sched": "schedule", "schd": "schedule", "schdl": "schedule", "sch": "schedule", "resched": "reschedule",
        "cxl": "cancel", "cncl": "cancel", "canc": "cancel", "del": "delete", "skp": "skip", "mv": "move",
        "hlp": "help", "agnd": "agenda", "fin": "finished", "fnshd": "finished", "avail": "available", "dne": "done",
        "mve": "move", "bok": "book", "cancl": "cancel", "schedul": "schedule",
    ]

    /// Words that may come before a command without changing it ("please schedule", "I just finished").
    static let fillers: Set<String> = [
        "please", "pls", "plz", "pl", "hey", "hi", "hello", "yo", "ok", "okay", "bot", "can", "could", "would", "you",
        "i", "i've", "ive", "i'm", "im", "u", "just", "have", "kindly", "go", "ahead", "and", "also", "now", "then", "um", "uh",
        "quick", "quickly", "oh", "oops", "actually", "ya", "yeah", "yes", "sure", "pleeease", "pleaseee", "we", "finally", "already",
        // "unfortunately I won't make it", "sorry, i have to skip", "I'm afraid I need to cancel".
        "unfortunately", "sadly", "sorry", "afraid", "honestly",
    ]

    /// Words of intention before a command ("I need to schedule ..."); only scheduling may follow them,
    /// since "I need to move house" or "I want to finish the book" tell, not ask.
    static let intentions: Set<String> = ["need", "needs", "want", "wanna", "gotta", "got", "to", "like", "i'd", "id", "let's", "lets", "would", "must", "should", "gonna", "going", "i'll", "ill", "will", "might", "may"]

    /// Verbs that introduce a setting ("set my timezone to ..."), skipped when a setting word follows.
    static let settingVerbs: Set<String> = ["set", "change", "update", "switch", "make", "use", "my", "the", "to"]

    /// Real words one or two edits away from a command word; never corrected ("cancer" is not "cancel").
    private static let realWords: Set<String> = [
        "cancer", "messed", "kissed", "hissed", "mussed", "misted", "passed", "tossed", "agent", "dine", "dome", "dose", "dote",
        "dove", "doze", "dune", "dane", "dons", "doer", "does", "dong", "dona", "mode", "more", "mope", "mote", "mole", "movie",
        "mover", "movies", "moved", "moving", "moves", "skim", "skin", "skid", "skit", "slip", "snip", "ship", "held", "hell", "helm", "heap", "hemp", "plane",
        "plant", "plain", "play", "plat", "boot", "boom", "boon", "books", "booth", "bosh", "posh", "pish", "mate", "mite", "mule",
        "mutt", "muse", "remote", "shirt", "shaft", "swift", "shifty", "competed", "compete", "completes", "shipped", "slipped",
        "stepped", "skimped", "removal", "deletes", "deleted", "commando", "comments", "comment",
        "putt", "bush", "gush", "hush", "lush", "mush", "rush", "pusher", "moves", "dined",
        "missy", "misty", "mister", "mixed", "mussel", "muscle", "agendas", "timezones", "helps", "helper", "planet", "planned",
        "planner", "planning", "skipper", "skips", "doing", "dont", "don't", "donut", "dozen", "donor", "moving", "movers",
        "dinner", "missing", "misses", "shipping", "cancels", "canceling", "cancelling", "scheduled", "scheduling", "schedules",
        "quit", "quite", "quilt", "quiets",
    ]

    /// Every word a correction may produce.
    private static let targets: [String] = (Set(intents.keys).union(settingWords)).filter { $0.count >= 4 }.sorted()

    /// The command word a near-miss was meant to be ("shedule" -> "schedule", "mvoe" -> "move", "sched" ->
    /// "schedule"), nil when none is close enough. The allowed distance grows with the word: short words
    /// only tolerate a swap, a doubled or dropped letter, or a changed inner letter, and keep their first letter.
    static func correction(for word: String) -> String? {
        if let expanded = abbreviations[word] { return expanded }
        guard word.count >= 4, !realWords.contains(word), word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        let limit = word.count >= 8 ? 2 : 1
        var best: (word: String, distance: Int)?
        if targets.contains(where: { isDerived(word, from: $0) }) { return nil }
        for candidate in targets where candidate != word {
            guard word.count >= 6 || candidate.first == word.first else { continue }
            let d = EditDistance.distance(word, candidate, limit: limit)
            guard d <= limit, d < (best?.distance ?? Int.max) else { continue }
            if candidate.count <= 4, !isGentleEdit(word, candidate) { continue }
            best = (candidate, d)
        }
        return best?.word
    }

    /// The done and move words that `word` is with one inner letter dropped ("doe" is "done", "moe" "move", "psh"
    /// "push"); the caller keeps one only when the message then reads as that command in full.
    static func withOneLetterRestored(_ word: String) -> [String] {
        let typed = Array(word)
        guard typed.count >= 3, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        return evidencedTargets.filter { candidate in
            let full = Array(candidate)
            guard full.count == typed.count + 1, full[0] == typed[0] else { return false }
            return (1..<full.count).contains { k in Array(full[..<k] + full[(k + 1)...]) == typed }
        }
    }

    private static let evidencedTargets: [String] = intents.filter { [.done, .move].contains($0.value) }.map(\.key).sorted()

    /// Suffixes that make another word of a command word rather than a slip of it.
    private static let derivingSuffixes: Set<String> = ["ly", "ness", "ment", "ments", "r", "rs", "er", "ers", "ful", "able", "ably", "y"]

    /// "completely", "scheduler", "cancelable": the whole command word plus a suffix that makes an adverb, noun
    /// or adjective is a different word, so it is never corrected into the command ("completely overwhelmed").
    private static func isDerived(_ word: String, from candidate: String) -> Bool {
        guard word.count > candidate.count, word.hasPrefix(candidate) else { return false }
        return derivingSuffixes.contains(String(word.dropFirst(candidate.count)))
    }

    /// One edit that keeps a short word recognisable: a swap, a doubled or dropped letter, or an inner
    /// letter changed ("halp"), never the first or last letter changed ("mode" is not "move").
    private static func isGentleEdit(_ word: String, _ candidate: String) -> Bool {
        let a = Array(word), b = Array(candidate)
        guard a.count == b.count else { return true }
        let differing = a.indices.filter { a[$0] != b[$0] }
        if differing.count == 2, differing[1] == differing[0] + 1 { return true }
        return differing.count == 1 && differing[0] != 0 && differing[0] != a.count - 1
    }
}

import Foundation
import SchedulerCore

/// A deterministic stream of realistic chat traffic: many users over weeks, mixing small talk, commands,
/// check-ins, celebrations and complex coaching, with a few heavy chatters whose threads grow long.
public struct ChatWorkload: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case smallTalk = "small_talk", command, checkIn = "check_in", celebration, accountability, chitChat = "chit_chat"
        case coaching, plan
    }

    public struct Message: Sendable {
        public var user: String
        public var text: String
        public var at: Date
        public var kind: Kind
    }

    /// Share of each kind in the mix (sums to 1).
    static let mix: [(Kind, Double)] = [
        (.smallTalk, 0.25), (.command, 0.35), (.checkIn, 0.08), (.celebration, 0.06), (.accountability, 0.04),
        (.chitChat, 0.07), (.coaching, 0.13), (.plan, 0.02),
    ]

    static let pools: [Kind: [String]] = [
        .smallTalk: ["hi", "hey there", "good morning", "thanks!", "thank you", "ok", "cool", "lol", "bye", "good night",
                     "morning!", "hello", "thx", "nice", "see you", "awesome", "got it", "cheers"],
        .command: ["schedule deep work tomorrow for 2h", "schedule gym friday evening", "agenda", "done 8/10", "done",
                   "skip", "what's next", "schedule email triage tomorrow afternoon for 30 min", "today", "tomorrow",
                   "schedule reading tonight for 45 min", "done great", "move gym to saturday morning", "schedule call with Sam tomorrow at 3pm"],
        .checkIn: ["how am I doing?", "what's left for today", "am I on track?", "how was my week", "status?", "progress report"],
        .celebration: ["I did it!", "finally finished the report", "crushed my workout today", "shipped the feature!", "so proud of myself"],
        .accountability: ["hold me accountable for the gym this week", "remind me to call mom", "I promise to finish the draft tonight"],
        .chitChat: ["the train was late again", "I had pasta for lunch", "it's raining here", "my cat is sick", "tell me a joke"],
        .coaching: ["why do I keep skipping my runs?", "how do I stop procrastinating?", "I'm completely overwhelmed with work",
                    "when am I most productive?", "I feel so unmotivated lately", "my goal is to run a marathon next year",
                    "I want to learn Spanish by summer", "I can't focus on anything today, any tips?",
                    "I keep missing standups on mondays, what's going on?", "I'd like to read 20 books this year"],
        .plan: ["plan a marathon training block", "plan my week for a CS master's application", "plan my exam revision",
                "plan my week for a product launch"],
    ]

    public let messages: [Message]

    /// `count` messages from `users` users over `weeks` weeks; a fifth of the users send half the chat.
    public init(count: Int, users: Int, weeks: Int, seed: UInt64, start: Date) {
        var random = SeededGenerator(seed: seed)
        let span = Double(weeks) * 7 * 86_400
        var out: [Message] = []
        out.reserveCapacity(count)
        for index in 0..<count {
            let heavy = random.nextUnit() < 0.5
            let userIndex = heavy ? Int(random.next() % UInt64(max(1, users / 5))) : Int(random.next() % UInt64(max(1, users)))
            let kind = ChatWorkload.pick(random.nextUnit())
            let pool = ChatWorkload.pools[kind] ?? ["hi"]
            let text = pool[Int(random.next() % UInt64(pool.count))]
            // Messages spread evenly over the period, during waking hours (07:00-23:00 UTC).
            let dayOffset = span * Double(index) / Double(max(1, count))
            let day = (dayOffset / 86_400).rounded(.down) * 86_400
            let minute = 7 * 60 + Double(random.next() % (16 * 60))
            out.append(Message(user: "@user\(userIndex):bench", text: text, at: start.addingTimeInterval(day + minute * 60), kind: kind))
        }
        messages = out.sorted { $0.at < $1.at }
    }

    static func pick(_ unit: Double) -> Kind {
        var total = 0.0
        for (kind, share) in mix {
            total += share
            if unit < total { return kind }
        }
        return .command
    }
}

import Foundation
import SchedulerCore

/// The non-LLM traffic the scale benchmark replays: commands and greetings from random users of a population.
public struct MessageMix: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case schedule, scheduleAt = "schedule_at", done, agenda, greeting, cancel

        /// Share of each kind in the mix (sums to 1).
        static let shares: [(Kind, Double)] = [
            (.schedule, 0.25), (.scheduleAt, 0.15), (.done, 0.25), (.agenda, 0.15), (.greeting, 0.15), (.cancel, 0.05),
        ]
    }

    public struct Message: Sendable {
        public var user: String
        public var text: String
        public var at: Date
        public var kind: Kind
    }

    public let messages: [Message]

    /// `count` messages from random users, evenly spread over the day after `population.now`.
    public init(count: Int, population: Population, seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let names = population.userTaskNames
        messages = (0..<count).map { index in
            let user = Population.userID(Int(random.next() % UInt64(max(1, population.users))))
            let kind = MessageMix.pick(random.nextUnit())
            let at = population.now.addingTimeInterval(86_400 * Double(index) / Double(max(1, count)))
            return Message(user: user, text: MessageMix.text(for: kind, names: names, &random), at: at, kind: kind)
        }
    }

    static func pick(_ unit: Double) -> Kind {
        var total = 0.0
        for (kind, share) in Kind.shares {
            total += share
            if unit < total { return kind }
        }
        return .greeting
    }

    static let days = ["tomorrow", "wednesday", "thursday", "friday", "monday"]
    static let clocks = ["9am", "10:30", "11am", "2pm", "3pm", "4:15pm"]
    static let ratings = ["8/10", "great", "7/10", "9/10 felt sharp", ""]
    static let greetings = ["hi", "good morning", "thanks!", "hello", "thank you"]
    static let agendas = ["agenda", "today", "tomorrow", "what's next"]

    static func text(for kind: Kind, names: [String], _ random: inout SeededGenerator) -> String {
        func any(_ pool: [String]) -> String { pool[Int(random.next() % UInt64(pool.count))] }
        let task = names.isEmpty ? "deep coding" : any(names)
        switch kind {
        case .schedule: return random.nextUnit() < 0.5 ? "schedule \(task)" : "schedule \(task) for 45 min"
        case .scheduleAt: return "schedule \(task) \(any(days)) at \(any(clocks))"
        case .done:
            let rating = any(ratings)
            // Half name the task (its latest due event, or an unplanned one), half take the latest due event.
            let named = random.nextUnit() < 0.5 ? " \(task)" : ""
            return "done\(named)\(rating.isEmpty ? "" : " " + rating)"
        case .agenda: return any(agendas)
        case .greeting: return any(greetings)
        case .cancel: return "cancel \(task)"
        }
    }
}

import Foundation
import Language
import SchedulerCore

extension Engine {
    /// A role picked in answer to the welcome; nil for any other message.
    func pickedRole(_ turn: inout Turn) throws -> OnboardingOutcome? {
        if turn.user.onboarding != .done, let role = Engine.role(in: turn.text.value) {
            turn.intent = .onboarding
            turn.user.role = role.name
            turn.user.onboarding = .done
            var names: [String] = []
            for starter in role.starterTasks {
                var type = TaskType(userID: turn.user.id, displayName: starter.name, category: starter.category)
                if try turn.session.taskType(of: turn.user.id, named: type.name) == nil { try turn.session.save(&type) }
                names.append(type.displayName)
            }
            return .rolePicked(role: role.name, starterTasks: names)
        }
        return nil
    }

    /// New users get the welcome once: alone for a greeting or chat, after the answer for a command.
    func offerOnboardingIfNew(_ turn: inout Turn) throws {
        switch turn.user.onboarding {
        case .new:
            turn.user.onboarding = .offered
            if turn.intent == .chat || turn.intent == .unknown {
                // The welcome is the answer; no model is needed for it.
                turn.intent = .onboarding
                turn.route = .command
                turn.replies = []
                turn.modelTask = nil
            }
            say(OnboardingOutcome.welcome, &turn)
        case .offered:
            // They used the bot instead of picking a role: don't ask again.
            turn.user.onboarding = .done
        case .done:
            break
        }
    }

    /// "engineer", "I'm a student", "founder!" — a role name as a whole word of a short answer.
    static func role(in text: String) -> Role? {
        let words = TaskName.normalise(text).split(separator: " ").map(String.init)
        guard words.count <= 6 else { return nil }
        let aliases = ["pm": "manager", "developer": "engineer", "programmer": "engineer", "dev": "engineer", "ceo": "founder"]
        for word in words {
            if let role = Role.named(word) ?? aliases[word].flatMap(Role.named) { return role }
        }
        return nil
    }
}

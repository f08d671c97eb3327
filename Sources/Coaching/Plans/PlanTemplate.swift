import Foundation
import SchedulerCore

/// A plan as the model proposes it: a few task types with how long and how often.
///
/// Cached plans hold placeholders (`[goal]`, `[field]`, `[detail]`) instead of anything personal,
/// and are filled with the asking user's own words when served.
public struct PlanTemplate: Sendable, Equatable, Codable {
    public struct Task: Sendable, Equatable, Codable {
        public var name: String
        public var minutes: Int
        public var category: TaskCategory
        public var perWeek: Int

        enum CodingKeys: String, CodingKey {
            case name, minutes, category
            case perWeek = "per_week"
        }
    }

    public var tasks: [Task]

    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var reason: String
        public var description: String { reason }
    }

    /// Reads the model's strict JSON (`{"tasks":[{"name","minutes","category","per_week"}]}`), also when it is
    /// wrapped in prose or a code fence; anything out of range or malformed is rejected whole.
    public static func parse(_ text: String) throws(Invalid) -> PlanTemplate {
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}"), start < end else {
            throw Invalid(reason: "no JSON object in the answer")
        }
        let json = Data(text[start...end].utf8)
        let template: PlanTemplate
        do {
            template = try JSONDecoder().decode(PlanTemplate.self, from: json)
        } catch {
            throw Invalid(reason: "not a plan: \(error)")
        }
        try template.validate()
        return template
    }

    func validate() throws(Invalid) {
        guard (1...8).contains(tasks.count) else { throw Invalid(reason: "a plan has 1 to 8 tasks, got \(tasks.count)") }
        for task in tasks {
            let name = task.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...60).contains(name.count), !name.contains(where: \.isNewline) else { throw Invalid(reason: "bad task name") }
            guard (10...240).contains(task.minutes) else { throw Invalid(reason: "minutes out of range for \(name)") }
            guard (1...7).contains(task.perWeek) else { throw Invalid(reason: "per_week out of range for \(name)") }
        }
    }

    /// The personal details of one user's goal, mapped to placeholders.
    public struct Details: Sendable, Equatable {
        public var goal: String
        public var field: String?
        /// Proper nouns in the goal ("Stanford", "Acme"): never cached, never shown to anyone else.
        public var names: [String]

        public init(goal: String, field: String?) {
            self.goal = goal
            self.field = field
            let words = goal.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" })
            // Capitalised words after the first are names; all-caps short words (CS, MBA) are fields, not names.
            self.names = words.dropFirst().map(String.init).filter { word in
                guard let first = word.first, first.isUppercase else { return false }
                return !(word.count <= 4 && word == word.uppercased())
            }
        }
    }

    /// Replaces the asking user's details with placeholders, so the cached plan is about the profile only.
    public func generalised(removing details: Details) -> PlanTemplate {
        var out = self
        out.tasks = tasks.map { task in
            var task = task
            var name = task.name
            for proper in details.names { name = name.replacingOccurrences(of: proper, with: "[detail]") }
            if let field = details.field, !field.isEmpty {
                name = name.replacingOccurrences(of: field, with: "[field]", options: .caseInsensitive)
            }
            task.name = name
            return task
        }
        return out
    }

    /// Fills placeholders with this user's details (generic words when they gave none).
    public func filled(with details: Details) -> PlanTemplate {
        var out = self
        out.tasks = tasks.map { task in
            var task = task
            task.name = task.name
                .replacingOccurrences(of: "[field]", with: details.field ?? "your field")
                .replacingOccurrences(of: "[detail]", with: details.names.first ?? "your target")
                .replacingOccurrences(of: "[goal]", with: "goal")
            return task
        }
        return out
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? #"{"tasks":[]}"#
    }
}

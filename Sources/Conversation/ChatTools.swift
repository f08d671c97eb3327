import Foundation
import LLM
import SharedValues

/// The actions the strong model may take, each carried out by the bot's own command grammar,
/// so a model can never do what a user could not type.
public enum ChatTools {
    public static let definitions: [ToolDefinition] = [
        ToolDefinition(name: "schedule_task", description: "Put a task in the user's calendar at its best time.",
                       parameters: schema(["task": "what to schedule", "when": "optional time, e.g. 'tomorrow morning'",
                                           "duration": "optional, e.g. '90 min'"], required: ["task"])),
        ToolDefinition(name: "show_agenda", description: "Show the user's upcoming events.",
                       parameters: schema([:], required: [])),
        ToolDefinition(name: "complete_task", description: "Mark the user's most recent task (or a named one) done.",
                       parameters: schema(["task": "optional task name", "rating": "optional rating 1-10"], required: [])),
    ]

    static func schema(_ properties: [String: String], required: [String]) -> JSON {
        .object([
            "type": .string("object"),
            "properties": .object(properties.mapValues { .object(["type": .string("string"), "description": .string($0)]) }),
            "required": .array(required.map(JSON.string)),
        ])
    }

    /// The command a tool call stands for, or nil for an unknown tool or unreadable arguments.
    static func command(for call: ToolCall) -> String? {
        let trimmed = call.arguments.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let arguments = trimmed.isEmpty ? [:] : (try? JSON.parse(trimmed))?.object else {
            return nil
        }
        func clean(_ key: String) -> String {
            let raw: String
            switch arguments[key] {
            case .string(let text): raw = text
            case .integer(let number): raw = String(number)
            case .number(let number): raw = number == number.rounded() ? String(Int(number)) : String(number)
            default: raw = ""
            }
            // Arguments become command text: keep them short and single-line.
            return String(raw.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(80))
        }
        switch call.name {
        case "schedule_task":
            let task = clean("task")
            guard !task.isEmpty else { return nil }
            let duration = clean("duration")
            return ["schedule", task, clean("when"), duration.isEmpty ? "" : "for \(duration)"].filter { !$0.isEmpty }.joined(separator: " ")
        case "show_agenda":
            return "agenda"
        case "complete_task":
            let rating = clean("rating")
            return ["done", clean("task"), rating.isEmpty ? "" : "\(rating)/10"].filter { !$0.isEmpty }.joined(separator: " ")
        default:
            return nil
        }
    }
}

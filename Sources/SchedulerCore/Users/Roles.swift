/// Onboarding roles and their starter task types (the design's "pick a role + 3 starter tasks").
public struct Role: Sendable, Equatable {
    public let name: String
    public let starterTasks: [(name: String, category: TaskCategory)]

    public static func == (lhs: Role, rhs: Role) -> Bool { lhs.name == rhs.name }

    public static let all: [Role] = [
        Role(name: "student", starterTasks: [
            ("Study Session", .focused), ("Class Attendance", .collaborative), ("Assignment Work", .focused),
        ]),
        Role(name: "engineer", starterTasks: [
            ("Deep Coding", .focused), ("Code Review", .focused), ("Team Standup", .collaborative),
        ]),
        Role(name: "manager", starterTasks: [
            ("Team Meeting", .collaborative), ("Planning Work", .focused), ("Stakeholder Sync", .collaborative),
        ]),
        Role(name: "founder", starterTasks: [
            ("Product Strategy", .focused), ("Investor Call", .collaborative), ("Email Triage", .administrative),
        ]),
        Role(name: "other", starterTasks: [
            ("Focus Work", .focused), ("Meeting", .collaborative), ("Admin Tasks", .administrative),
        ]),
    ]

    public static func named(_ name: String) -> Role? { all.first { $0.name == name } }
}

/// The kinds of chat message the routing policy tells apart. Each has a file of examples,
/// prompts/routes/<raw value>.txt, that teaches the classifier what it looks like.
public enum MessageType: String, Sendable, CaseIterable, Codable {
    case greeting, smallTalk = "small_talk", checkIn = "check_in", celebration, simpleQuestion = "simple_question"
    case chitChat = "chit_chat"
    case deepCoaching = "deep_coaching", patternAnalysis = "pattern_analysis", goalSetting = "goal_setting", accountability
    /// Not a route of its own: `plan <goal>` is a command, and planning talk is goal setting or a simple question.
    case planning
    /// No classifier loaded.
    case other

    /// The design's complex types: they need the strong model's judgement and the user's history.
    public var isComplex: Bool {
        switch self {
        case .deepCoaching, .patternAnalysis, .goalSetting, .accountability: true
        default: false
        }
    }

    /// Greetings and small talk: answered from the pattern cache, never by a model.
    public var isPhatic: Bool { self == .greeting || self == .smallTalk }

    /// The types a route file may teach.
    public static let routable: [MessageType] = allCases.filter { $0 != .planning && $0 != .other }
}

/// A classification and why it was made, so every routing decision can be explained.
public struct Classification: Sendable, Equatable {
    /// An example line that resembles the message most, with where it is written.
    public struct Example: Sendable, Equatable {
        public var type: MessageType
        public var text: String
        public var line: Int
        public var similarity: Double

        public init(type: MessageType, text: String, line: Int, similarity: Double) {
            self.type = type
            self.text = text
            self.line = line
            self.similarity = similarity
        }

        /// e.g. `routes/deep_coaching.txt:12`.
        public var location: String { "routes/\(type.rawValue).txt:\(line)" }
    }

    public var type: MessageType
    /// The classifier's probability for `type`.
    public var probability: Double
    /// The probability that the message is of any complex type.
    public var complexProbability: Double
    /// The probability that the message is a greeting or small talk.
    public var phaticProbability: Double
    /// How many words the message has as the classifier read it (nil: not classified from text).
    public var wordCount: Int?
    public var closest: Example?
    /// One line for logs and replay: type, probability and the closest example.
    public var rule: String

    public init(type: MessageType, probability: Double = 1, complexProbability: Double? = nil, phaticProbability: Double? = nil,
                wordCount: Int? = nil, closest: Example? = nil, rule: String? = nil) {
        self.wordCount = wordCount
        self.type = type
        self.probability = probability
        self.complexProbability = complexProbability ?? (type.isComplex ? probability : 0)
        self.phaticProbability = phaticProbability ?? (type.isPhatic ? probability : 0)
        self.closest = closest
        self.rule = rule ?? Classification.explain(type: type, probability: probability, closest: closest)
    }

    static func explain(type: MessageType, probability: Double, closest: Example?) -> String {
        var text = "\(type.rawValue) p=\(Classification.rounded(probability))"
        if let closest {
            text += ", closest \"\(closest.text)\" (\(closest.location), similarity \(Classification.rounded(closest.similarity)))"
        }
        return text
    }

    static func rounded(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

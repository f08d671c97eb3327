/// Finds and resolves date/time expressions in free text, relative to a reference time and zone.
/// Deterministic and allocation-light: hand tokenising, table lookups, no regular expressions.
public struct TimeExpressionParser: Sendable {
    public init() {}

    /// The time the text names, or nil when it names none (or only a duration).
    public func parse(_ text: String, context: TimeContext) -> ResolvedTime? {
        scan(text, context: context).time
    }

    /// Everything time-related in the text, with where it was found.
    public func scan(_ text: String, context: TimeContext) -> TimeScan {
        let tokens = Tokenizer.tokenize(text)
        let mentions = TimeScanner(tokens: tokens).scanJoiningRanges()
        return TimeScan(text: text, tokens: tokens, mentions: mentions, context: context)
    }
}

/// The result of scanning a text for time expressions.
public struct TimeScan: Sendable {
    /// The resolved time of all the time expressions taken together.
    public var time: ResolvedTime?
    /// A duration said in the text ("for 2h", "90 min", "all day").
    public var durationMinutes: Int?
    /// Where time expressions and durations were read, in the original text.
    public var matchedRanges: [Range<String.Index>]
    /// Stretches that looked like a time but could not be read ("25pm", "feb 30").
    public var unreadableRanges: [Range<String.Index>]
    /// The impossible values said ("25:00 is not a time"), in the order of the text.
    public var problems: [TimeProblem]
    /// The grammar rules that built `time` and the duration, for `parse-time --explain`.
    public var ruleNames: [String] { rules.rules.map(\.name) }
    private let rules: RuleSet

    init(text: String, tokens: [Token], mentions: [TimeMention], context: TimeContext) {
        let readable = mentions.filter { !$0.isInvalid }
        // An impossible value means the phrase names no time at all: "mon 25:00" is not Monday.
        let impossible = readable.count != mentions.count
        time = !impossible && readable.contains(where: \.saysTime) ? TimeResolver(context: context).resolve(readable) : nil
        durationMinutes = readable.lazy.compactMap(\.durationMinutes).first
        func textRange(_ range: Range<Int>) -> Range<String.Index> {
            tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound
        }
        matchedRanges = readable.map { textRange($0.tokens) }
        unreadableRanges = mentions.filter(\.isInvalid).map { textRange($0.tokens) }
        problems = mentions.compactMap { m in
            guard let kind = m.problem else { return nil }
            let range = textRange(m.problemTokens ?? m.tokens)
            return TimeProblem(kind: kind, value: String(text[range]), range: range)
        }
        var rules = RuleSet()
        for m in readable { rules.formUnion(m.rules) }
        self.rules = rules
    }
}

/// Reads a duration on its own: "2h", "for 90 min", "an hour and a half", "1h30", "all day".
public struct DurationParser: Sendable {
    public init() {}

    public func minutes(in text: String) -> Int? {
        let tokens = Tokenizer.tokenize(text)
        return TimeScanner(tokens: tokens).scan().lazy.compactMap(\.durationMinutes).first
    }
}

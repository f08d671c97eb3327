/// Reads insight texts into adjustments without any model: deterministic keyword rules for
/// sentiment (which way), weekday words (which days) and parts of the day or clock times (which hours).
/// A text with no sentiment, or with neither a day nor a time, says nothing placeable and is skipped.
public struct OfflineInterpreter: Sendable {
    public var boost: Double
    public var damp: Double

    public init(boost: Double = 1.3, damp: Double = 0.7) {
        self.boost = boost
        self.damp = damp
    }

    /// One adjustment per day pattern a text names; repeats across texts keep the first.
    public func interpret(_ texts: [String], limits: AdjustmentLimits = AdjustmentLimits()) -> [SyncAdjustment] {
        var seen: Set<String> = []
        var out: [SyncAdjustment] = []
        for text in texts {
            for adjustment in interpret(text, limits: limits) where out.count < limits.maxAdjustments {
                let key = adjustment.dayPattern.rawValue + ":" + adjustment.hourRange.map(String.init).joined(separator: ",")
                if seen.insert(key).inserted { out.append(adjustment) }
            }
        }
        return out
    }

    func interpret(_ text: String, limits: AdjustmentLimits) -> [SyncAdjustment] {
        let words = Self.words(text)
        guard let modifier = modifier(words) else { return [] }
        let days = Self.days(words)
        let hours = Self.hours(text, words: words)
        guard !days.isEmpty || !hours.isEmpty else { return [] }
        let reason = String(text.prefix(limits.maxReasonLength))
        return (days.isEmpty ? [.all] : days).map {
            SyncAdjustment(dayPattern: $0, hourRange: hours.isEmpty ? Array(0...23) : hours, modifier: modifier, reason: reason)
        }
    }

    func modifier(_ words: [String]) -> Double? {
        let joined = " " + words.joined(separator: " ") + " "
        let negative = Self.negativeCues.contains { joined.contains(" \($0) ") }
        let positive = Self.positiveCues.contains { joined.contains(" \($0) ") }
        switch (positive, negative) {
        case (true, false): return boost
        case (false, true): return damp
        default: return nil   // none, or mixed signals: no safe direction
        }
    }

    static let negativeCues = ["struggles", "struggle", "struggling", "crash", "crashes", "crashing", "tired", "exhausted",
                               "drained", "decline", "declines", "worse", "worst", "fails", "skips", "low energy"]
    static let positiveCues = ["loves", "love", "loving", "best", "sweet spot", "excels", "excel", "strong", "thrives",
                               "peak", "productive", "energized", "energised"]

    static func words(_ text: String) -> [String] {
        TaskName.normalise(text).split(separator: " ").map(String.init)
    }

    static func days(_ words: [String]) -> [DayPattern] {
        var days: [DayPattern] = []
        for word in words {
            let found: DayPattern?
            switch word {
            case "weekend", "weekends": found = .weekends
            case "weekday", "weekdays": found = .weekdays
            default: found = DayPattern(rawValue: word.hasSuffix("s") ? String(word.dropLast()) : word).flatMap { $0.weekdays.count == 1 ? $0 : nil }
            }
            if let found, !days.contains(found) { days.append(found) }
        }
        return days
    }

    static let partsOfDay: [(words: [String], hours: ClosedRange<Int>)] = [
        (["morning", "mornings"], 8...11),
        (["lunch"], 13...15),
        (["afternoon", "afternoons"], 13...16),
        (["evening", "evenings"], 17...20),
        (["night", "nights", "late"], 21...23),
    ]

    /// Clock times ("10:00", as detectors write slots) are exact; parts of the day are ranges.
    static func hours(_ text: String, words: [String]) -> [Int] {
        var hours = Set(clockHours(text))
        for part in partsOfDay where part.words.contains(where: words.contains) { hours.formUnion(part.hours) }
        return hours.sorted()
    }

    static func clockHours(_ text: String) -> [Int] {
        let characters = Array(text)
        var hours: [Int] = []
        for index in characters.indices where characters[index] == ":" && index >= 1 {
            let start = index >= 2 && characters[index - 2].isWholeNumber ? index - 2 : index - 1
            guard let hour = Int(String(characters[start..<index])), (0...23).contains(hour) else { continue }
            hours.append(hour)
        }
        return hours
    }
}

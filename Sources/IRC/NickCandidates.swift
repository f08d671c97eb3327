/// The nicks tried in turn while the server answers "nick in use" (433) or "unavailable" (437).
public struct NickCandidates: Sendable, Equatable {
    public let preferred: String
    public let alternatives: [String]

    public init(preferred: String, alternatives: [String]) {
        self.preferred = preferred
        self.alternatives = alternatives.isEmpty ? [preferred + "_", preferred + "__"] : alternatives
    }

    /// Attempt 0 is the preferred nick, then the alternatives, then `preferred1`, `preferred2`...
    public func nick(attempt: Int) -> String {
        if attempt == 0 { return preferred }
        if attempt <= alternatives.count { return alternatives[attempt - 1] }
        return preferred + String(attempt - alternatives.count)
    }
}

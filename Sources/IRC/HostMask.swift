/// A `nick!user@host` mask with `*` (any run) and `?` (any one character) wildcards,
/// compared with IRC case folding, as used for the `admins` setting.
public struct HostMask: Sendable, Equatable {
    public let pattern: String
    private let folded: [Unicode.Scalar]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.folded = Array(IRCCaseMapping.fold(pattern).unicodeScalars)
    }

    public func matches(_ source: IRCSource) -> Bool {
        matches(source.raw)
    }

    public func matches(_ text: String) -> Bool {
        Self.globMatch(pattern: folded, text: Array(IRCCaseMapping.fold(text).unicodeScalars))
    }

    /// Linear-time wildcard matching: on a mismatch, backtrack only to the last `*`.
    static func globMatch(pattern: [Unicode.Scalar], text: [Unicode.Scalar]) -> Bool {
        var p = 0, t = 0
        var starAt: Int? = nil, textAtStar = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                starAt = p; textAtStar = t; p += 1
            } else if let star = starAt {
                p = star + 1; textAtStar += 1; t = textAtStar
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

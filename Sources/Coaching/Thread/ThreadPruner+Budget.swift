extension ThreadPruner {
    /// The thread as one prompt may carry it: at most `keepLast` recent turns, and together with the
    /// summary no more than `availableTokens`. Past the budget the oldest recent turns are folded into
    /// the summary first, and the summary itself goes last, so the newest context survives longest.
    ///
    /// `turnTokens` and `summaryTokens` price a turn and the summary as prompt messages (framing
    /// included), with the estimator the call itself is checked against.
    public func fit(_ turns: [ThreadTurn], summary: String, availableTokens: Int,
                    turnTokens: (ThreadTurn) -> Int, summaryTokens: (String) -> Int) -> Pruned {
        let windowed = prune(turns, summary: summary)
        var recent = windowed.recent[...]
        var text = windowed.summary
        var folded = windowed.folded
        var recentTokens = recent.reduce(0) { $0 + turnTokens($1) }
        func total() -> Int { recentTokens + (text.isEmpty ? 0 : summaryTokens(text)) }
        while total() > availableTokens, let oldest = recent.first {
            recent = recent.dropFirst()
            recentTokens -= turnTokens(oldest)
            text = fold([oldest], into: text)
            folded += 1
        }
        if total() > availableTokens { text = "" }
        return Pruned(summary: text, recent: Array(recent), folded: folded)
    }
}

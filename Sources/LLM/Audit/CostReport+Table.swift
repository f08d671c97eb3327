import Foundation

extension CostReport {
    /// A plain-text table for terminals and chat, then the counterfactual and data-quality lines.
    public func renderTable() -> String {
        let header = [grouping.rawValue, "calls", "prompt tok", "compl tok", "cached tok", "estimated", "failed", "cost USD"]
        var rows = groups.map { [$0.key] + Self.cells($0.totals) }
        rows.append(["total"] + Self.cells(total))
        var lines = Self.align([header] + rows)
        lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
        lines.insert(String(repeating: "-", count: lines[0].count), at: lines.count - 1)
        lines.append("")
        lines.append(contentsOf: summaryLines())
        return lines.joined(separator: "\n") + "\n"
    }

    private func summaryLines() -> [String] {
        var lines = mixLines()
        if let baseline, let savingUSD {
            lines.append("baseline, all \(baseline.calls) chat rows on \(baseline.model): \(Self.dollars(baseline.costUSD))"
                         + " (every chat message to the strong model, whole thread, every tool)")
            let percent = baseline.costUSD > 0 ? String(format: " (%.1f%%)", savingUSD / baseline.costUSD * 100) : ""
            lines.append("actual: \(Self.dollars(total.costUSD))   saving: \(Self.dollars(savingUSD))\(percent)")
            if let ratio { lines.append(String(format: "ratio actual/baseline: %.3f", ratio)) }
        } else if let baselineProblem {
            lines.append("baseline unavailable: \(baselineProblem)")
        }
        if skippedBeforeSince > 0 { lines.append("rows before --since: \(skippedBeforeSince) (not counted)") }
        if malformedCount > 0 {
            let shown = malformedLines.map(String.init).joined(separator: ", ")
            let more = malformedCount > malformedLines.count ? ", …" : ""
            lines.append("malformed lines skipped: \(malformedCount) (line \(shown)\(more))")
        }
        return lines
    }

    /// How chat messages were answered, the cache hit rates and where the money went.
    private func mixLines() -> [String] {
        let messages = messagesByRoute.reduce(0) { $0 + $1.messages }
        guard messages > 0 else { return [] }
        var lines = ["messages by route: \(messages) (" + messagesByRoute.map {
            "\($0.route) \($0.messages), \(Self.percent($0.messages, of: messages))"
        }.joined(separator: "; ") + ")"]
        if patternCache.of > 0 {
            lines.append("pattern cache: \(patternCache.hits) of \(patternCache.of) chat messages that were not commands (\(Self.percent(patternCache.hits, of: patternCache.of)))")
        }
        if planCache.of > 0 {
            lines.append("plan cache: \(planCache.hits) hits, \(planCache.of - planCache.hits) misses (hit rate \(Self.percent(planCache.hits, of: planCache.of)))")
        }
        if !spendByModel.isEmpty {
            lines.append("spend by model: " + spendByModel.map { "\($0.model) \(Self.dollars($0.costUSD))" }.joined(separator: ", "))
        }
        return lines
    }

    private static func percent(_ part: Int, of whole: Int) -> String {
        String(format: "%.1f%%", Double(part) * 100 / Double(max(1, whole)))
    }

    private static func cells(_ totals: CostTotals) -> [String] {
        [totals.calls, totals.promptTokens, totals.completionTokens, totals.cachedTokens, totals.estimatedCalls, totals.failedCalls]
            .map(String.init) + [String(format: "%.6f", totals.costUSD)]
    }

    private static func dollars(_ value: Double) -> String {
        String(format: "$%.6f", value)
    }

    /// First column left-aligned, the numbers right-aligned.
    private static func align(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }
}

import Coaching
import Testing

@Suite struct BudgetGateTests {
    let gate = BudgetGate(limits: BudgetLimits(userCallsPerMinute: 3, userDailyUSD: 1, globalDailyUSD: 10, assistantShare: 0.8))

    @Test func aCallIsMadeOnlyWhenItsWorstCaseFitsWhatIsLeft() {
        let state = BudgetState(userSpentTodayUSD: 0.5, globalSpentTodayUSD: 2)
        #expect(gate.denial(path: .completions, worstCaseUSD: 0.5, state: state) == nil, "exactly the rest fits")
        #expect(gate.denial(path: .completions, worstCaseUSD: 0.5001, state: state) == .userDaily)
        #expect(gate.denial(path: .assistant, worstCaseUSD: 0.3, state: state) == nil)
        #expect(gate.denial(path: .assistant, worstCaseUSD: 0.31, state: state) == .assistantShare)
        #expect(gate.denial(path: .completions, worstCaseUSD: 0.2, state: BudgetState(globalSpentTodayUSD: 9.9)) == .globalDaily)
        #expect(gate.denial(path: .assistant, worstCaseUSD: 0.01, state: BudgetState(globalSpentTodayUSD: 7.995)) == .assistantShare)
    }

    @Test func unpricedCallsAndTheRateLimitStopEveryPath() {
        #expect(gate.denial(path: .completions, worstCaseUSD: nil, state: BudgetState()) == .unpriced)
        #expect(gate.denial(path: .completions, worstCaseUSD: .nan, state: BudgetState()) == .unpriced)
        #expect(gate.denial(path: .completions, worstCaseUSD: 0, state: BudgetState(userCallsLastMinute: 3)) == .rateLimit)
        #expect(BudgetGate.stepDown(from: .assistant, after: .rateLimit) == Route.none)
        #expect(BudgetGate.stepDown(from: .assistant, after: .unpriced) == Route.none)
        #expect(BudgetGate.stepDown(from: .assistant, after: .assistantShare) == .completions)
        #expect(BudgetGate.stepDown(from: .assistant, after: .userDaily) == .completions)
        #expect(BudgetGate.stepDown(from: .completions, after: .userDaily) == Route.none)
    }
}

@Suite struct ThreadBudgetTests {
    func tokens(_ text: String) -> Int { 4 + (text.unicodeScalars.count + 3) / 4 }

    @Test func theOldestTurnsAreFoldedFirstAndTheNewestSurvive() {
        let turns = (0..<10).map { ThreadTurn(speaker: $0 % 2 == 0 ? .user : .assistant, text: "Turn \($0). " + String(repeating: "x", count: 400)) }
        let pruner = ThreadPruner(keepLast: 20, summaryLimit: 800)
        let fitted = pruner.fit(turns, summary: "", availableTokens: 500, turnTokens: { tokens($0.text) }, summaryTokens: tokens)
        let used = fitted.recent.reduce(0) { $0 + tokens($1.text) } + (fitted.summary.isEmpty ? 0 : tokens(fitted.summary))
        #expect(used <= 500)
        #expect(fitted.recent.last == turns.last)
        #expect(fitted.recent == Array(turns.suffix(fitted.recent.count)))
        #expect(fitted.folded == turns.count - fitted.recent.count)
        #expect(fitted.summary.contains("User said: Turn 0"))
    }

    @Test func aTurnLargerThanTheBudgetIsNeverSentAndTheSummaryGoesLast() {
        let turns = [ThreadTurn(speaker: .user, text: "Huge. " + String(repeating: "y", count: 1_000_000))]
        let fitted = ThreadPruner().fit(turns, summary: "Likes tea.", availableTokens: 300, turnTokens: { tokens($0.text) }, summaryTokens: tokens)
        #expect(fitted.recent.isEmpty)
        #expect(fitted.summary.hasPrefix("Likes tea. User said: Huge"))
        #expect(tokens(fitted.summary) <= 300)
        let nothing = ThreadPruner().fit(turns, summary: "Likes tea.", availableTokens: 3, turnTokens: { tokens($0.text) }, summaryTokens: tokens)
        #expect(nothing.recent.isEmpty && nothing.summary.isEmpty)
    }

    @Test func aThreadThatFitsIsLeftAlone() {
        let turns = [ThreadTurn(speaker: .user, text: "hi"), ThreadTurn(speaker: .assistant, text: "hello")]
        let fitted = ThreadPruner().fit(turns, summary: "", availableTokens: 8_000, turnTokens: { tokens($0.text) }, summaryTokens: tokens)
        #expect(fitted.recent == turns && fitted.folded == 0 && fitted.summary.isEmpty)
    }
}

import Foundation
import Testing
@testable import Coaching

@Suite struct RoutingTests {
    struct Labelled { var type: String; var text: String }

    static func labelled() throws -> [Labelled] {
        let url = try #require(Bundle.module.url(forResource: "routing-labelled", withExtension: "tsv"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: "\t", maxSplits: 1)
            return parts.count == 2 ? Labelled(type: String(parts[0]), text: String(parts[1])) : nil
        }
    }

    static let complex: Set<String> = ["deep_coaching", "pattern_analysis", "goal_setting", "planning"]

    /// Routes every labelled message as an established user would be routed, and checks the design's promise:
    /// complex messages reach the strong model (recall >= 0.95), greetings and small talk never do.
    @Test func complexMessagesReachTheAssistantAndSmallTalkNeverDoes() throws {
        let classifier = try MessageClassifier(text: try PromptFiles.text("message-types.txt"))
        let book = try PatternBook(text: try PromptFiles.text("patterns.txt"))
        let policy = RoutePolicy()
        let set = try Self.labelled()
        #expect(set.count >= 200)
        var truePositives = 0, falseNegatives = 0, falsePositives = 0, greetingsToAssistant: [String] = []
        var missed: [String] = []
        for item in set {
            let decision = policy.decide(classification: classifier.classify(item.text),
                                         patternMatched: book.match(item.text, hour: 10) != nil,
                                         userMessageCount: 10, budget: BudgetState())
            let toAssistant = decision.path == .assistant
            let isComplex = Self.complex.contains(item.type)
            switch (isComplex, toAssistant) {
            case (true, true): truePositives += 1
            case (true, false): falseNegatives += 1; missed.append(item.text)
            case (false, true): falsePositives += 1
            case (false, false): break
            }
            if item.type == "greeting", toAssistant { greetingsToAssistant.append(item.text) }
        }
        let recall = Double(truePositives) / Double(truePositives + falseNegatives)
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        print("routing: \(set.count) labelled messages, assistant recall \(String(format: "%.3f", recall)), precision \(String(format: "%.3f", precision)); missed: \(missed)")
        #expect(recall >= 0.95)
        #expect(greetingsToAssistant.isEmpty, "greetings routed to the assistant: \(greetingsToAssistant)")
    }

    @Test func everyDecisionNamesTheRuleThatFired() throws {
        let classifier = try MessageClassifier(text: try PromptFiles.text("message-types.txt"))
        let result = classifier.classify("why do I keep skipping my runs?")
        #expect(result.type == .patternAnalysis)
        #expect(result.rule.contains("pattern_analysis") && result.rule.contains("line"))
        #expect(classifier.classify("purple elephant").rule == "no rule matched")
    }

    @Test func newUsersFirstMessagesGoToTheAssistant() {
        let policy = RoutePolicy(assistantForFirstMessages: 3)
        let simple = Classification(type: .other, rule: "no rule matched")
        #expect(policy.decide(classification: simple, patternMatched: false, userMessageCount: 0, budget: BudgetState()).path == .assistant)
        #expect(policy.decide(classification: simple, patternMatched: false, userMessageCount: 3, budget: BudgetState()).path == .completions)
    }

    @Test func budgetsDegradeTheAssistantToCompletionsAndThenToPatterns() {
        let policy = RoutePolicy(limits: BudgetLimits(userCallsPerMinute: 5, userDailyUSD: 1, globalDailyUSD: 100, assistantShare: 0.8))
        let complex = Classification(type: .deepCoaching, rule: "r")
        func path(_ budget: BudgetState) -> ChatPath {
            policy.decide(classification: complex, patternMatched: false, userMessageCount: 10, budget: budget).path
        }
        #expect(path(BudgetState(userSpentTodayUSD: 0.5)) == .assistant)
        #expect(path(BudgetState(userSpentTodayUSD: 0.85)) == .completions)
        #expect(path(BudgetState(userSpentTodayUSD: 1.0)) == .none)
        #expect(path(BudgetState(globalSpentTodayUSD: 100)) == .none)
        #expect(path(BudgetState(userCallsLastMinute: 5)) == .none)
    }

    @Test func aBrokenRulesFileNamesTheLine() {
        do {
            _ = try MessageClassifier(text: "planning: plan my\nfeelings: sad\n")
            Issue.record("unknown type must be rejected")
        } catch {
            #expect(error.line == 2)
        }
    }
}

@Suite struct ThreadPrunerTests {
    @Test func whatTheModelSeesStaysBoundedHoweverLongTheThreadGrows() {
        let pruner = ThreadPruner(keepLast: 20, summaryLimit: 800)
        var sizes: [Int] = []
        for length in [10, 50, 200, 1000] {
            let turns = (0..<length).map { ThreadTurn(speaker: $0 % 2 == 0 ? .user : .assistant, text: "Message number \($0). More detail here.") }
            let pruned = pruner.prune(turns, summary: "")
            #expect(pruned.recent.count == min(20, length))
            #expect(pruned.summary.count <= 800)
            sizes.append(pruned.summary.count + pruned.recent.reduce(0) { $0 + $1.text.count })
        }
        #expect(sizes[3] <= sizes[2] + 50, "context size is flat past the window: \(sizes)")
        #expect(ThreadPruner().prune([ThreadTurn(speaker: .user, text: "hi")], summary: "").folded == 0)
    }

    @Test func olderUserTurnsAreFoldedIntoTheSummary() {
        let turns = [ThreadTurn(speaker: .user, text: "I run best in the morning. Also other stuff."),
                     ThreadTurn(speaker: .assistant, text: "Noted."),
                     ThreadTurn(speaker: .user, text: "latest")]
        let pruned = ThreadPruner(keepLast: 1).prune(turns, summary: "Earlier: likes tea.")
        #expect(pruned.summary == "Earlier: likes tea. User said: I run best in the morning")
        #expect(pruned.recent.map(\.text) == ["latest"])
        #expect(pruned.folded == 2)
    }
}

@Suite struct CategoryLexiconTests {
    @Test func theShippedLexiconCategorisesCommonTasks() throws {
        let lexicon = try CategoryLexicon(text: try PromptFiles.text("task-categories.txt"))
        #expect(lexicon.category(for: "Deep Coding") == .focused)
        #expect(lexicon.category(for: "team standup") == .collaborative)
        #expect(lexicon.category(for: "1:1 with Sam") == .collaborative)
        #expect(lexicon.category(for: "pay invoices") == .administrative)
        #expect(lexicon.category(for: "zorbing") == lexicon.fallback)
    }

    @Test func aBrokenLexiconNamesTheLine() {
        do {
            _ = try CategoryLexicon(text: "focused: coding\nhobby: knitting\n")
            Issue.record("unknown category must be rejected")
        } catch {
            #expect(error.line == 2)
        }
    }
}

import Foundation
import Testing
@testable import Coaching

@Suite struct RoutingTests {
    static func shipped() throws -> RouteClassifier {
        RouteClassifier(examples: try RoutingDevSetTests.shippedExamples())
    }

    @Test func theSeedsComplexTypesAreExactlyTheFourCoachingOnes() {
        #expect(Set(MessageType.allCases.filter(\.isComplex)) == [.deepCoaching, .patternAnalysis, .goalSetting, .accountability])
        #expect(!MessageType.planning.isComplex)
        #expect(Set(MessageType.allCases.filter(\.isPhatic)) == [.greeting, .smallTalk])
    }

    @Test func everyRoutableTypeShipsSeveralDozenExamples() throws {
        let examples = try RoutingDevSetTests.shippedExamples()
        for type in MessageType.routable { #expect(examples.count(of: type) >= 40, "\(type.rawValue): \(examples.count(of: type))") }
        #expect(examples.examples.count >= 400)
    }

    @Test func everyDecisionNamesItsTypeProbabilityAndClosestExample() throws {
        let classification = try Self.shipped().classify("why do I keep skipping my runs??")
        #expect(classification.type == .patternAnalysis)
        #expect(classification.probability > 0.5 && classification.probability <= 1)
        let closest = try #require(classification.closest)
        #expect(closest.location.hasPrefix("routes/pattern_analysis.txt:"))
        #expect(classification.rule.contains("pattern_analysis p=") && classification.rule.contains("closest"))
    }

    @Test func anAdminsNewExampleTeachesANewKindOfMessage() throws {
        var files = ["greeting.txt": "hi\nhello\nhey there", "chit_chat.txt": "the train was late\nnice weather today\nI had soup",
                     "deep_coaching.txt": "I feel overwhelmed\nI can't get motivated\nI'm burning out"]
        let before = RouteClassifier(examples: try RouteExamples(files: files)).classify("grüß gott")
        files["greeting.txt", default: ""] += "\ngrüß gott\nservus"
        let after = RouteClassifier(examples: try RouteExamples(files: files)).classify("grüß gott")
        #expect(after.type == .greeting)
        #expect(after.probability > (before.type == .greeting ? before.probability : 0))
    }

    @Test func trainingIsDeterministic() throws {
        let examples = try RoutingDevSetTests.shippedExamples()
        let a = RouteClassifier(examples: examples).probabilities("I keep skipping leg day")
        let b = RouteClassifier(examples: examples).probabilities("I keep skipping leg day")
        #expect(a == b)
    }

    @Test func confidentSmallTalkIsPhaticAndComplexMessagesGoToTheAssistant() throws {
        let classifier = try Self.shipped()
        let policy = RoutePolicy()
        func path(_ text: String, count: Int = 10) -> Route {
            policy.decide(classification: classifier.classify(text), patternMatched: false, userMessageCount: count, budget: BudgetState()).path
        }
        #expect(path("that's really kind of you, cheers") == .pattern)
        #expect(path("hold me accountable for my runs this week") == .assistant)
        #expect(path("i cant stop procrastinating and its ruining my semester") == .assistant)
        #expect(path("the canteen had lasagne today") == .completions)
        // A new user's first messages get the strong model, small talk excepted.
        #expect(path("the canteen had lasagne today", count: 0) == .assistant)
        #expect(path("thanks!", count: 0) == .pattern)
    }

    @Test func newUsersFirstMessagesGoToTheAssistant() {
        let policy = RoutePolicy(assistantForFirstMessages: 3)
        let simple = Classification(type: .chitChat, probability: 0.9)
        #expect(policy.decide(classification: simple, patternMatched: false, userMessageCount: 0, budget: BudgetState()).path == .assistant)
        #expect(policy.decide(classification: simple, patternMatched: false, userMessageCount: 3, budget: BudgetState()).path == .completions)
        let smallTalk = Classification(type: .smallTalk, probability: 0.2)
        #expect(policy.decide(classification: smallTalk, patternMatched: false, userMessageCount: 0, budget: BudgetState()).path == .completions)
    }

    @Test func budgetsDegradeTheAssistantToCompletionsAndThenToPatterns() {
        let policy = RoutePolicy(limits: BudgetLimits(userCallsPerMinute: 5, userDailyUSD: 1, globalDailyUSD: 100, assistantShare: 0.8))
        let complex = Classification(type: .deepCoaching, probability: 0.9)
        func path(_ budget: BudgetState) -> Route {
            policy.decide(classification: complex, patternMatched: false, userMessageCount: 10, budget: budget).path
        }
        #expect(path(BudgetState(userSpentTodayUSD: 0.5)) == .assistant)
        #expect(path(BudgetState(userSpentTodayUSD: 0.85)) == .completions)
        #expect(path(BudgetState(userSpentTodayUSD: 1.0)) == .none)
        #expect(path(BudgetState(globalSpentTodayUSD: 100)) == .none)
        #expect(path(BudgetState(userCallsLastMinute: 5)) == .none)
    }

    @Test(arguments: [
        (["feelings.txt": "sad"], "feelings.txt", 1, "not a message type"),
        // Bare punctuation reads as a word ("!!!" is "ok"), so it meets the other file's "ok".
        (["greeting.txt": "hi\n# c\n!!!", "small_talk.txt": "ok"], "small_talk.txt", 1, "also an example of greeting"),
        (["greeting.txt": "hi\nthanks", "small_talk.txt": "ok\nThanks!"], "small_talk.txt", 2, "also an example of greeting"),
        (["greeting.txt": "hi"], "greeting.txt", 1, "at least two"),
    ])
    func aBrokenRouteFileNamesTheFileAndLine(files: [String: String], file: String, line: Int, message: String) {
        do {
            _ = try RouteExamples(files: files)
            Issue.record("expected a parse error")
        } catch {
            #expect(error.file == file)
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}

@Suite struct ChatNormaliserTests {
    @Test(arguments: [
        ("Heyyy!!", "hey"), ("goood morning", "good morning"), ("Thnaks!! ✨", "thanks"), ("ok 👍", "ok"), ("👍", "ok"),
        ("K!!!", "ok"), ("makes senseeee", "makes sense"), ("THANK YOU", "thank you"), ("helo", "hello"), ("🙏🙏", "thanks"),
        ("I'm tired", "im tired"), ("sooo tired", "so tired"), ("hahahahah", "haha"), ("ahaha", "haha"), ("lololol", "lol"),
        ("LMAOOO", "lol"), ("tysm!!", "thanks"), ("np", "no problem"), ("cool cool", "cool"), ("okkkk", "ok"),
        ("gm ☀️", "good morning"), ("cya l8r", "see you later"), ("r u there", "are you there"), ("??", "huh"), ("?", "huh"),
        ("!!", "ok"), ("...", "ok"), (":)", "ok"), (":-(", "ugh"), ("xD", "haha"), ("😂😂😂", "haha"), ("☀️", "morning"),
        ("🫠", "ok"), ("", ""),
    ])
    func phaticVariantsMeetTheirPatternLine(text: String, expected: String) throws {
        let book = try PatternBook(text: try PromptFiles.text("patterns.txt"))
        #expect(book.normaliser.words(text).joined(separator: " ") == expected)
    }

    @Test func stretchedAndMistypedPhaticMessagesHitThePatternCache() throws {
        let book = try PatternBook(text: try PromptFiles.text("patterns.txt"))
        for text in ["heyyy", "gm ☀️", "thnaks", "ok 👍", "makes sense!!", "tysm", "Love it!!!", "Good Mornin", "byeee",
                     "ok cool, thanks!!", "cool cool", "see ya!!", "brb", "night!", "np", "nice", "lol", "👍", "🙏", "hahaha",
                     "thank u so much!!", "k thx", "thanks, bye!", "gtg", "Okie dokie", "sounds good 👍", "yep", "TY!", "??", "!!"] {
            #expect(book.match(text, hour: 9) != nil, "\(text)")
        }
    }

    /// Phrases and filler cover the message; the longest phrase's section answers, for the hour it is now.
    @Test func aMessageOfSeveralPhrasesIsAnsweredByItsLongestAndByTheHourNow() throws {
        let book = try PatternBook(text: try PromptFiles.text("patterns.txt"))
        #expect(book.match("cool, thanks a lot", hour: 9)?.kind == "thanks")
        #expect(book.match("thanks, rough day", hour: 9)?.kind == "struggling")
        #expect(book.match("ok see you later", hour: 9)?.kind == "bye")
        #expect(book.match("good morning!", hour: 20)?.name == "greeting-evening")
        #expect(book.match("how r u?", hour: 9)?.name == "how-are-you")
        #expect(book.match("?", hour: 9)?.kind == "unclear")
        #expect(book.match("ok cool, can you move my run", hour: 9) == nil)
        #expect(book.match("thanks, but the gym slot clashes", hour: 9) == nil)
    }

    @Test func unknownWordsAreNotBentIntoKnownOnes() {
        let normaliser = ChatNormaliser(vocabulary: ["thanks", "then", "good"])
        #expect(normaliser.words("them") == ["them"])
        #expect(normaliser.words("book") == ["book"])
        #expect(normaliser.words("thanks thanks") == ["thanks"])
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

import CalendarFetch
@testable import Conversation
import Foundation
import ICS
import InMemoryStore
import SchedulerCore
import StoreProtocols
import Testing

/// The wording of outcomes no scripted conversation pins down elsewhere: singular and plural, optional parts,
/// and the error paths. Each case builds the outcome as a handler would and reads what the user is shown.
@Suite struct PhrasebookTests {
    let book = Phrasebook(format: TimeFormat(timeZone: TimeZone(identifier: "UTC")!), now: Date(timeIntervalSince1970: 1_795_420_800))
    let monday9 = Date(timeIntervalSince1970: 1_795_424_400) // Mon 23 Nov 2026 09:00 UTC

    func texts(_ outcome: some Worded) -> [String] { outcome.replies(in: book).map(\.text) }

    @Test func quietHoursOffNamesTheDailyCapAndAPlanInQuietHoursIsFlagged() {
        #expect(texts(ProactiveSettingOutcome(setting: .quietHoursOff, dailyCap: 3)) ==
            ["Quiet hours are off: I may message you at any hour (still at most 3 a day)."])
        let clash = ProactiveSettingOutcome(setting: .dailyPlan(minuteOfDay: 23 * 60), dailyCap: 8,
                                            planInsideQuietHours: DayWindow(startMinute: 22 * 60, endMinute: 7 * 60))
        #expect(texts(clash) == ["Every day at 23:00 I'll send your plan: the day's events and the best windows left for your habits.",
                                 "That is inside your quiet hours (22:00-07:00), so I won't send it. Change them with: quiet hours 23-06"])
        #expect(texts(ProactiveSettingOutcome(setting: .messageLimit(perDay: 1), dailyCap: 1)) == ["I'll send you at most 1 message a day on my own."])
        #expect(texts(ProactiveSettingOutcome(setting: .messageLimit(perDay: 2), dailyCap: 2)) == ["I'll send you at most 2 messages a day on my own."])
        #expect(texts(ProactiveSettingOutcome(setting: .reminders(leadMinutes: nil), dailyCap: 8)) ==
            ["Reminders are off. Turn them back on with: reminders 10 min"])
    }

    @Test func aPickedRoleListsItsStarterTasksAndSuggestsTheFirst() {
        #expect(texts(OnboardingOutcome.rolePicked(role: "engineer", starterTasks: ["Deep Coding", "Code Review", "Team Standup"])) ==
            ["Great, engineer it is. I've set up Deep Coding, Code Review and Team Standup, each starting from typical times that I'll adjust to yours. Try: schedule deep coding tomorrow"])
        #expect(texts(OnboardingOutcome.rolePicked(role: "other", starterTasks: [])).first?.hasSuffix("Try: schedule deep coding tomorrow") == true)
        #expect(texts(OnboardingOutcome.welcome).first?.hasPrefix("Welcome! I'm your scheduling coach") == true)
    }

    @Test func insightsShowConfidenceAndTheLearnedWeekKeepsItsColumns() {
        let reading = TaskType(userID: "u", displayName: "Reading", category: .focused)
        let insight = Insight(userID: "u", kind: .userFeedback, text: "Reading goes best in the morning", confidence: 0.456, createdAt: monday9)
        let replies = InsightsOutcome(insights: [insight], learnedWeek: LearnedWeek(type: reading, habit: WeekGrid(repeating: 0.5))).replies(in: book)
        #expect(replies.count == 2)
        #expect(replies[0].text == "What I've learned, newest first:\n• Reading goes best in the morning (46% sure)")
        #expect(!replies[0].isPreformatted)
        #expect(replies[1].text.hasPrefix("Reading, learned week (darker = better, hours 0-23):\n"))
        #expect(replies[1].isPreformatted)
        #expect(texts(InsightsOutcome(insights: [], learnedWeek: nil)) ==
            ["No insights yet: they appear as you mark tasks done or skipped. Your weeks are learning already."])
    }

    @Test func whyExplainsEachHourAndAnAppliedSync() {
        var type = TaskType(userID: "u", displayName: "Gym", category: .focused)
        type.completionCount = 1
        let event = Event(userID: "u", taskTypeID: 1, title: "Gym", start: monday9, end: monday9.addingTimeInterval(3600), createdAt: monday9)
        let sync = SyncRecord(userID: "u", taskTypeID: 1, insightIDs: [], adjustments: [
            SyncAdjustment(dayPattern: .weekdays, hourRange: [9], modifier: 1.2, reason: "mornings feel good"),
        ], source: .offline, outcome: .applied, createdAt: monday9)
        let explanation = Explanation(event: event, type: type,
                                      slots: [SlotBelief(slot: WeekSlot(weekday: 1, hour: 9), habit: 0.9, energy: 0.5, confidence: 0.1)],
                                      insights: [], appliedSync: sync)
        #expect(texts(WhyOutcome.explained(explanation)) == ["""
            Gym at Mon 23 Nov 09:00-10:00:
            • Mon 09:00 habit 0.90 × 0.6 + energy 0.50 × 0.4, 10% sure
            Learned from 1 completed session.
            • Adjusted from what you told me (read offline): mornings feel good (×1.20)
            """])
    }

    @Test func aPlanShowsFirstSessionsOnlyWhereOneFitAndSaysWhenItCameFromTheCache() {
        let run = TaskType(userID: "u", displayName: "Long Run", category: .focused)
        let swim = TaskType(userID: "u", displayName: "Swim", category: .focused)
        let first = Event(userID: "u", taskTypeID: 1, title: "Long Run", start: monday9, end: monday9.addingTimeInterval(5400), createdAt: monday9)
        let outcome = PlanOutcome.made(goal: "a marathon", items: [PlanItem(type: run, minutes: 90, perWeek: 1, first: first),
                                                                   PlanItem(type: swim, minutes: 45, perWeek: 2)], fromCache: true)
        let replies = outcome.replies(in: book)
        #expect(replies.map(\.text) == ["""
            Here's a plan for "a marathon" (from a plan made for a similar profile; say "plan fresh a marathon" for a new one):
            • Long Run: 1h30 × 1/week, first: Mon 23 Nov 09:00-10:30
            • Swim: 45 min × 2/week
            """])
        #expect(replies.allSatisfy { $0.isPreformatted })
    }

    @Test func budgetNoticesSayWhichLimitWasReached() {
        #expect(texts(ChatOutcome.budgetReached(.rateLimit)).first?.hasPrefix("You're sending messages faster than I can think about them. Commands still work") == true)
        #expect(texts(ChatOutcome.budgetReached(.userDaily)).first?.hasPrefix("I've reached today's budget for longer coaching answers. Commands still work") == true)
        #expect(texts(ChatOutcome.noPatternFits) == ["🙂"])
        #expect(texts(ChatOutcome.modelReply("Try mornings.")) == ["Try mornings."])
    }

    @Test func aCheerNamesTheStreakFromThree() {
        #expect(book.text(Cheer(reply: "Nice work!", streak: 2)) == "Nice work!")
        #expect(book.text(Cheer(reply: "Nice work!", streak: 3)) == "Nice work! (3 in a row)")
    }

    @Test func calendarImportsCountInTheSingularAndNameWhatTheyCannotExpand() {
        let one = CalendarImportSummary(events: 1, recurringSeries: 0, busyTimes: 1, horizonDays: 60, refreshMinutes: 60, unsupportedParts: [])
        #expect(texts(CalendarOutcome.imported(one)) ==
            ["Imported your calendar: 1 event, 0 of them recurring series. 1 busy time in the next 60 days are now off limits, and I'll check for changes every 1h."])
        let many = CalendarImportSummary(events: 3, recurringSeries: 2, busyTimes: 8, horizonDays: 30, refreshMinutes: 30,
                                         unsupportedParts: ["BYWEEKNO", "FREQ=HOURLY"])
        #expect(texts(CalendarOutcome.imported(many)) == ["Imported your calendar: 3 events, 2 of them recurring series. 8 busy times in the next 30 days "
            + "are now off limits, and I'll check for changes every 30 min. (Some repeat rules use parts I don't expand (BYWEEKNO, FREQ=HOURLY); "
            + "for those I block only the first time.)"])
    }

    @Test func everyImportProblemSaysNothingChangedOrWhyTheAddressFails() throws {
        let url = try CalendarURL.parse("https://calendar.example.com/basic.ics")
        #expect(texts(CalendarOutcome.importFailed(.badAddress(.malformedURL))).first?.hasPrefix("I can't import that: that does not look like a web address") == true)
        #expect(texts(CalendarOutcome.importFailed(.noCalendarSent)) == ["The server sent no calendar."])
        #expect(texts(CalendarOutcome.importFailed(.fetchFailed(url, .tooManyRedirects))).first?.hasSuffix(". Nothing was changed.") == true)
        #expect(texts(CalendarOutcome.importFailed(.unreadable(url, CalendarParseError(line: 3, reason: "bad line")))) ==
            ["https://calendar.example.com/basic.ics is not a calendar I can read (line 3: bad line). Nothing was changed."])
        #expect(texts(CalendarOutcome.importFailed(.failed(url))) == ["I couldn't import https://calendar.example.com/basic.ics. Nothing was changed."])
        #expect(texts(CalendarOutcome.importFailed(.notFetched)) == ["I couldn't fetch that calendar. Nothing was changed."])
    }

    @Test func calendarStatusHidesTheSecretAndReportsAFailedRefresh() {
        let source = CalendarSource(userID: "u", url: "https://calendar.example.com/private/basic.ics?token=secret", fetchedAt: monday9,
                                    nextFetchAt: monday9, lastError: "the server answered HTTP 500", eventCount: 4, seriesCount: 1)
        let text = texts(CalendarOutcome.status(source)).first ?? ""
        #expect(!text.contains("secret"))
        #expect(text.hasSuffix(": 4 events, 1 recurring series, last read Mon 23 Nov 09:00. The last refresh failed: the server answered HTTP 500; I keep the busy times I had."))
        #expect(texts(CalendarOutcome.feed(address: "https://bot/ics/t.ics", renewed: true)).first?
            .hasPrefix("Your old feed address no longer works. The new one: https://bot/ics/t.ics — subscribe") == true)
    }

    @Test func adminAnswersNameTheCommandTheDayAndWhatAReloadFound() {
        #expect(texts(AdminOutcome.notAdmin(command: "!reload")) == ["!reload is an admin command. Admins are listed in bot.conf."])
        #expect(texts(AdminOutcome.noCalls(since: monday9)) == ["No LLM calls since Mon 23 Nov (UTC)."])
        #expect(texts(AdminOutcome.reloaded(.fixed)) == ["These prompts are fixed in code; nothing to reload."])
        #expect(texts(AdminOutcome.reloaded(.reloaded(patternsFile: "patterns.txt", routesFolder: "routes", examples: 12))) ==
            ["Reloaded patterns.txt and routes/ (12 examples)."])
        #expect(texts(AdminOutcome.reloaded(.problems(["patterns.txt: line 3: no section"]))) ==
            ["Reloaded, with problems (the previous version stays in force for those files):\npatterns.txt: line 3: no section"])
    }

    @Test func remindersForSeveralEventsComeAsOneLineAndTheDailyPlanNamesHabitWindows() {
        let email = Event(userID: "u", taskTypeID: 1, title: "Email", start: monday9, end: monday9.addingTimeInterval(900), createdAt: monday9)
        let review = Event(userID: "u", taskTypeID: 2, title: "Review", start: monday9.addingTimeInterval(1200),
                           end: monday9.addingTimeInterval(3000), createdAt: monday9)
        #expect(book.text(.reminder([email])) == "Email starts in 1h (09:00-09:15).")
        #expect(book.text(.reminder([email, review])) == "Coming up: Email at 09:00, Review at 09:20.")
        let plan = DailyPlanDigest(day: monday9, events: [email], habitWindows: [
            HabitWindow(title: "Gym", start: monday9.addingTimeInterval(7200), end: monday9.addingTimeInterval(12_600)),
        ])
        #expect(book.text(.dailyPlan(plan)) == "Your plan for Mon 23 Nov:\n09:00-09:15  Email\nBest windows left for your habits: Gym 11:00-12:30.")
        #expect(book.text(.dailyPlan(DailyPlanDigest(day: monday9, events: [], habitWindows: []))) == "Your plan for Mon 23 Nov: nothing scheduled.")
        let quiet = WeeklyReviewDigest(done: 0, skipped: 0, unanswered: 2, best: nil, worst: nil, insights: [], bestTimes: [], suggestion: .keepGoing)
        #expect(book.text(.weeklyReview(quiet)) == "Your week: 0 done, 0 skipped, 2 without an answer.\n"
            + "Suggestion: Keep going: answer my follow-ups (a bare number is enough) and your times will keep getting sharper.")
    }

    @Test func readingNotesSayWhatWasReadAsWhat() {
        #expect(texts(ReadingOutcome.readAs(correction: "schedul -> schedule")) == ["(I read that as schedul -> schedule.)"])
        #expect(texts(ReadingOutcome.messageCut(limit: 2000)) == ["(Your message was long, so I only read the first 2000 characters.)"])
        #expect(texts(ReadingOutcome.help).first?.hasPrefix("Here's what I understand:\n• schedule <task>") == true)
    }
}

/// Decisions behind those outcomes, through the engine: who may run admin commands, where a feed address may be
/// given, what a plan says without a model, and a daily plan set inside quiet hours.
@Suite struct OutcomeDecisionTests {
    @Test func adminCommandsAnswerOnlyAdmins() async throws {
        let harness = try EngineHarness()
        let refused = await harness.say("!costs today", at: harness.at(23, 9))
        #expect(refused.replies.map(\.text) == ["!costs is an admin command. Admins are listed in bot.conf."])
        let admin = await harness.engine.handle(InboundMessage(network: .console, userID: harness.user, text: "!costs week",
                                                               receivedAt: harness.at(23, 9, 5), isAdmin: true))
        #expect(admin.replies.map(\.text) == ["No LLM calls since Tue 17 Nov (UTC)."])
        let reload = await harness.engine.handle(InboundMessage(network: .console, userID: harness.user, text: "!reload",
                                                                receivedAt: harness.at(23, 9, 6), isAdmin: true))
        #expect(reload.replies.map(\.text) == ["These prompts are fixed in code; nothing to reload."])
    }

    @Test func aFeedAddressIsGivenOnlyWhereNobodyElseReads() async throws {
        let store = InMemoryStore()
        var settings = EngineSettings()
        settings.calendar.feedBaseURL = "https://bot.example.org/"
        let engine = Engine(store: store, settings: settings)
        let now = Date(timeIntervalSince1970: 1_795_424_400)
        let inChannel = await engine.handle(InboundMessage(network: .irc, userID: "alice", roomID: "#team", text: "calendar feed", receivedAt: now))
        #expect(inChannel.replies.map(\.text).contains("Your feed address is private, so I only give it in a private message: /msg me calendar feed"))
        let direct = await engine.handle(InboundMessage(network: .irc, userID: "alice", roomID: "alice", text: "calendar feed", receivedAt: now))
        #expect(direct.replies.first?.text.hasPrefix("Your private calendar feed: https://bot.example.org/ics/") == true)
    }

    @Test func withoutAModelAPlanSaysSoAndChatGetsTheCommandHint() async throws {
        let harness = try EngineHarness()
        let plan = await harness.say("plan a marathon training block", at: harness.at(23, 9))
        #expect(plan.replies.map(\.text) == ["Plans are made by the coaching model, which isn't set up here. You can still schedule tasks one by one."])
        let chat = await harness.say("what should I focus on to get better at my work this month?", at: harness.at(23, 9, 1))
        #expect(chat.replies.map(\.text) == [Phrasebook.commandHint])
    }

    @Test func anAddressThatCannotBeFetchedIsATypedProblemBeforeAnyTransaction() async throws {
        let engine = Engine(store: InMemoryStore())
        let ftp = await engine.prefetchCalendar(for: MessageText.clean("calendar import ftp://example.org/x.ics", limit: 2000))
        guard case .failed(.badAddress(.notHTTP(let scheme)))? = ftp else { Issue.record("expected a refused scheme, got \(String(describing: ftp))"); return }
        #expect(scheme == "ftp")
        let words = await engine.prefetchCalendar(for: MessageText.clean("calendar import not a url", limit: 2000))
        guard case .failed(.badAddress(.malformedURL))? = words else { Issue.record("expected a malformed address"); return }
        #expect(await engine.prefetchCalendar(for: MessageText.clean("calendar status", limit: 2000)) == nil)
    }

    @Test func aDailyPlanInsideQuietHoursIsKeptButFlagged() async throws {
        let harness = try EngineHarness()
        await harness.say("quiet hours 22-07", at: harness.at(23, 9))
        let inside = await harness.say("daily plan at 6:30", at: harness.at(23, 9, 1))
        #expect(inside.replies.count == 2)
        #expect(inside.replies.last?.text.hasPrefix("That is inside your quiet hours (22:00-07:00)") == true)
        let outside = await harness.say("daily plan at 8", at: harness.at(23, 9, 2))
        #expect(outside.replies.count == 1)
        let preferences = try harness.store.read { try $0.proactivePreferences(of: harness.user) }
        #expect(preferences.dailyPlanMinute == 8 * 60)
    }
}

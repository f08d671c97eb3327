import Foundation
import Testing
@testable import SchedulerCore

/// Insight detection on hand-built histories: each pattern just above and just below its threshold.
@Suite struct InsightDetectionTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current
    /// Monday 2024-01-01 00:00 UTC.
    static let monday = Date(timeIntervalSince1970: 1_704_067_200)
    let detector = InsightDetector()

    func at(day: Int, hour: Int, minute: Int = 0) -> Date {
        InsightDetectionTests.monday.addingTimeInterval(Double(day * 86_400 + hour * 3600 + minute * 60))
    }

    func type(_ id: Int64, _ name: String, _ category: TaskCategory) -> TaskType {
        var type = TaskType(userID: "u", displayName: name, category: category)
        type.id = id
        return type
    }

    func event(_ id: Int64, type: Int64, start: Date, minutes: Int = 60, status: Event.Status = .done, success: Double?) -> Event {
        Event(id: id, userID: "u", taskTypeID: type, title: "t", start: start, end: start.addingTimeInterval(Double(minutes) * 60),
              status: status, successRating: success, createdAt: start)
    }

    func evidence(_ types: [TaskType], _ events: [Event], energy: EnergyPattern = .neutral) -> InsightEvidence {
        InsightEvidence(userID: "u", taskTypes: types, events: events, energy: energy, timeZone: InsightDetectionTests.utc,
                        now: at(day: 60, hour: 12))
    }

    // MARK: consistent success

    func tuesdayTenHistory(completions: Int, score: Double) -> InsightEvidence {
        var coding = type(1, "Deep Coding", .focused)
        coding.habit[WeekSlot(weekday: 2, hour: 10)] = score
        let events = (0..<completions).map { week in event(Int64(week + 1), type: 1, start: at(day: 1 + 7 * week, hour: 10), success: 0.9) }
        return evidence([coding], events)
    }

    @Test func aTypeThatKeepsSucceedingAtADayAndHourIsNoted() throws {
        let found = detector.detect(tuesdayTenHistory(completions: 6, score: 0.85))
        let insight = try #require(found.first)
        #expect(found.count == 1)
        #expect(insight.kind == .behavioralPattern)
        #expect(insight.text == "User consistently excels at Deep Coding on Tuesday 10:00")
        #expect(insight.sourceEventIDs == ["1", "2", "3", "4", "5", "6"])
        #expect(insight.userID == "u" && (0...1).contains(insight.confidence))
    }

    @Test func fiveCompletionsOrAScoreOfPointEightAreNotYetAPattern() {
        #expect(detector.detect(tuesdayTenHistory(completions: 5, score: 0.95)).isEmpty)
        #expect(detector.detect(tuesdayTenHistory(completions: 8, score: 0.8)).isEmpty)
    }

    // MARK: weekday decline

    func mondaysAndFridays(friday: Double) -> InsightEvidence {
        let coding = type(1, "Deep Coding", .focused)
        var events: [Event] = []
        for week in 0..<3 {
            events.append(event(Int64(10 + week), type: 1, start: at(day: 7 * week, hour: 9), success: 0.9))
            events.append(event(Int64(20 + week), type: 1, start: at(day: 7 * week + 4, hour: 9), success: friday))
        }
        return evidence([coding], events)
    }

    @Test func fridaysBelowSixTenthsOfMondaysAreAWeeklyDecline() throws {
        let insight = try #require(detector.detect(mondaysAndFridays(friday: 0.4)).first)
        #expect(insight.kind == .weeklyPattern)
        #expect(insight.text == "User shows significant performance decline on Fridays")
        #expect(Set(insight.sourceEventIDs) == ["20", "21", "22"])
        #expect(detector.detect(mondaysAndFridays(friday: 0.6)).isEmpty, "0.6 is above 0.6 x 0.9")
    }

    @Test func skippedFridaysCountAsFailures() {
        let coding = type(1, "Deep Coding", .focused)
        var events: [Event] = []
        for week in 0..<3 {
            events.append(event(Int64(10 + week), type: 1, start: at(day: 7 * week, hour: 9), success: 0.8))
            events.append(event(Int64(20 + week), type: 1, start: at(day: 7 * week + 4, hour: 9), status: .skipped, success: nil))
        }
        #expect(detector.detect(evidence([coding], events)).map(\.kind) == [.weeklyPattern])
    }

    // MARK: post-lunch and after-meeting failures

    func afternoons(failures: Int) -> InsightEvidence {
        let coding = type(1, "Deep Coding", .focused)
        let events = (0..<6).map { day in
            event(Int64(day + 1), type: 1, start: at(day: day, hour: 13, minute: 30), success: day < failures ? 0.2 : 0.8)
        }
        return evidence([coding], events)
    }

    @Test func repeatedFailuresAfterLunchAreNoted() throws {
        let insight = try #require(detector.detect(afternoons(failures: 4)).first)
        #expect(insight.text == "User struggles with Deep Coding after lunch")
        #expect(insight.sourceEventIDs == ["1", "2", "3", "4"])
        #expect(detector.detect(afternoons(failures: 3)).isEmpty, "more than three failures are needed")
    }

    func afterStandups(gapMinutes: Int) -> InsightEvidence {
        let coding = type(1, "Deep Coding", .focused)
        let standup = type(2, "Team Standup", .collaborative)
        var events: [Event] = []
        for day in 0..<4 {
            events.append(event(Int64(100 + day), type: 2, start: at(day: day, hour: 10), minutes: 30, success: 0.9))
            events.append(event(Int64(day + 1), type: 1, start: at(day: day, hour: 10, minute: 30 + gapMinutes), success: 0.2))
        }
        return evidence([coding, standup], events)
    }

    @Test func failuresSoonAfterMeetingsAreNotedButNotTheMeetingsThemselves() {
        #expect(detector.detect(afterStandups(gapMinutes: 15)).map(\.text) == ["User struggles with Deep Coding after meetings"])
        #expect(detector.detect(afterStandups(gapMinutes: 120)).isEmpty)
    }

    // MARK: energy

    func energy(morning: Double, evening: Double, confidence: Double) -> EnergyPattern {
        var pattern = EnergyPattern(energy: WeekGrid(repeating: 0.5), confidence: WeekGrid(repeating: confidence))
        for day in 0..<7 {
            for hour in 6..<12 { pattern.energy[WeekSlot(weekday: day, hour: hour)] = morning }
            for hour in 18..<23 { pattern.energy[WeekSlot(weekday: day, hour: hour)] = evening }
        }
        return pattern
    }

    @Test func morningAndEveningEnergyFollowTheSeedFormula() {
        let texts = { (pattern: EnergyPattern) in self.detector.detect(self.evidence([], [], energy: pattern)).map(\.text) }
        #expect(texts(energy(morning: 0.8, evening: 0.5, confidence: 0.8)) == ["User shows strong morning energy patterns"])
        #expect(texts(energy(morning: 0.4, evening: 0.7, confidence: 0.8)) == ["User shows strong evening energy patterns"])
        #expect(texts(energy(morning: 0.8, evening: 0.5, confidence: 0.69)).isEmpty, "confidence must exceed 0.7")
        #expect(texts(energy(morning: 0.64, evening: 0.5, confidence: 0.9)).isEmpty, "0.64 is below 1.3 x 0.5")
    }

    // MARK: user feedback

    @Test func notesBecomeUserFeedback() throws {
        let done = event(7, type: 1, start: at(day: 0, hour: 9), success: 0.6)
        let insight = try #require(UserFeedback.insight(note: "  exhausted after the standup ", taskName: "Deep Coding", event: done, at: at(day: 0, hour: 11)))
        #expect(insight.kind == .userFeedback)
        #expect(insight.text == "User mentioned about Deep Coding: exhausted after the standup")
        #expect(insight.sourceEventIDs == ["7"])
        #expect(UserFeedback.insight(note: "   ", taskName: "Deep Coding", event: done, at: at(day: 0, hour: 11)) == nil)
    }

    // MARK: dedup

    @Test func anInsightThatExistsIsReinforcedNotDuplicated() throws {
        var stored = Insight(userID: "u", kind: .weeklyPattern, text: "user shows significant performance decline on fridays.",
                             confidence: 0.5, sourceEventIDs: ["20"], createdAt: at(day: 10, hour: 9))
        stored.id = 42
        let detected = detector.detect(mondaysAndFridays(friday: 0.3))
        let changes = InsightMemory.merge(detected, into: [stored])
        #expect(changes.count == 1)
        guard case .reinforce(let reinforced) = try #require(changes.first) else {
            Issue.record("expected a reinforcement, got \(changes)")
            return
        }
        #expect(reinforced.id == 42)
        #expect(reinforced.text == stored.text && reinforced.createdAt == stored.createdAt)
        #expect(reinforced.confidence > max(stored.confidence, try #require(detected.first).confidence))
        #expect(reinforced.confidence <= 1)
        #expect(reinforced.sourceEventIDs == ["20", "21", "22"])
    }

    @Test func newInsightsAreAddedOnceAndOtherKindsStayApart() {
        let text = "User shows strong morning energy patterns"
        let twice = [Insight(userID: "u", kind: .behavioralPattern, text: text, confidence: 0.8, createdAt: at(day: 1, hour: 1)),
                     Insight(userID: "u", kind: .behavioralPattern, text: text.uppercased(), confidence: 0.9, createdAt: at(day: 1, hour: 1))]
        let feedback = Insight(userID: "u", kind: .userFeedback, text: text, confidence: 0.9, createdAt: at(day: 1, hour: 1))
        let changes = InsightMemory.merge(twice, into: [feedback])
        #expect(changes == [.add(twice[0])])
    }

    @Test func reinforcingRepeatedlyApproachesButNeverExceedsOne() {
        var confidence = 0.3
        for _ in 0..<100 { confidence = InsightMemory.reinforced(confidence, by: 0.5, share: 0.2) }
        #expect(confidence > 0.99 && confidence <= 1)
    }
}

@Suite struct WeekHeatMapTests {
    @Test func rowsRunMondayToSundayWithOneBlockPerHour() throws {
        var grid = WeekGrid(repeating: 0)
        for hour in 9..<12 { grid[WeekSlot(weekday: 2, hour: hour)] = 1 }
        grid[WeekSlot(weekday: 0, hour: 20)] = 0.5
        let lines = WeekHeatMap.render(grid).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 8)
        #expect(lines.dropFirst().map { String($0.prefix(3)) } == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        #expect(lines.dropFirst().allSatisfy { $0.count == 4 + 24 })
        let tuesday = Array(lines[2].dropFirst(4))
        #expect(tuesday[9] == "█" && tuesday[11] == "█" && tuesday[8] == " " && tuesday[12] == " ")
        #expect(Array(lines[7].dropFirst(4))[20] == "▄")
    }
}

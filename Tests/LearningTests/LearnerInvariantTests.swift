import Foundation
import Testing
@testable import SchedulerCore

/// Properties every learner must keep, whatever users throw at it.
@Suite struct LearnerInvariantTests {
    static let learners: [any Learner] = Learners.names.compactMap(Learners.named)

    @Test(arguments: Learners.names)
    func scoresAndConfidencesStayInTheUnitIntervalUnderAdversarialOutcomes(_ name: String) throws {
        let learner = try #require(Learners.named(name))
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        var generator = SeededGenerator(seed: 7)
        let extremes: [Double] = [0, 1, -5, 7, .nan, .infinity, -.infinity, 1e300]
        for step in 0..<2_000 {
            let first = Int(generator.next() % 168)
            let count = 1 + Int(generator.next() % 4)
            let slots = (0..<count).compactMap { WeekSlot(index: (first + $0) % 168) }
            let signal = step % 3 == 0 ? extremes[step % extremes.count] : generator.nextUnit()
            let energyAfter: Double? = step % 2 == 0 ? extremes[(step / 2) % extremes.count] : nil
            learner.learn(Outcome(slots: slots, signal: signal, energyAfter: energyAfter, completed: step % 5 != 0),
                          taskType: &type, energy: &energy)
        }
        for grid in [type.habit, type.confidence, energy.energy, energy.confidence,
                     learner.scoringHabit(for: type, seed: 99)] {
            #expect(grid.values.allSatisfy { $0.isFinite && (0...1).contains($0) })
        }
        #expect(type.confidence.values.allSatisfy { $0 < 1 }, "confidence never claims certainty")
    }

    @Test(arguments: Learners.names)
    func theSameSeedGivesTheSameScoringWeek(_ name: String) throws {
        let learner = try #require(Learners.named(name))
        let type = TaskType(userID: "u", displayName: "Team Sync", category: .collaborative)
        #expect(learner.scoringHabit(for: type, seed: 1234) == learner.scoringHabit(for: type, seed: 1234))
    }

    @Test func explorersDrawADifferentWeekForADifferentSeed() {
        let type = TaskType(userID: "u", displayName: "Team Sync", category: .collaborative)
        for learner in [BetaPoolLearner() as any Learner, RandomLearner()] {
            #expect(learner.scoringHabit(for: type, seed: 1) != learner.scoringHabit(for: type, seed: 2), "\(learner.name)")
        }
    }

    @Test func seedEMAStillScoresWithItsHabitAsItIs() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        SeedEMALearner().learn(Outcome(slots: [WeekSlot(weekday: 1, hour: 9)], signal: 0.2, completed: true), taskType: &type, energy: &energy)
        #expect(SeedEMALearner().scoringHabit(for: type, seed: 5) == type.habit)
    }

    @Test func replayingTheSameOutcomesGivesTheSameWeek() {
        func replay() -> TaskType {
            var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
            var energy = EnergyPattern.neutral
            var generator = SeededGenerator(seed: 42)
            for _ in 0..<200 {
                let slot = WeekSlot(weekday: Int(generator.next() % 7), hour: Int(generator.next() % 24))
                BetaPoolLearner().learn(Outcome(slots: [slot], signal: generator.nextUnit(), completed: true), taskType: &type, energy: &energy)
            }
            return type
        }
        #expect(replay() == replay())
    }

    @Test func registryKnowsEveryNameCaseInsensitivelyAndRejectsOthers() {
        for name in Learners.names { #expect(Learners.named(name.uppercased())?.name == name) }
        #expect(Learners.named("gpt-5") == nil)
        #expect(Learners.names.first == Learners.defaultName)
    }
}

@Suite struct BetaPoolLearnerTests {
    let monday9 = WeekSlot(weekday: 1, hour: 9)

    @Test func oneOutcomeMovesItsHourMostThenNeighboursThenSimilarDays() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        let prior = type.habit
        var energy = EnergyPattern.neutral
        // 0.6 against a prior of 0.85: a disappointment, not a surprise that would unsettle the whole week.
        BetaPoolLearner().learn(Outcome(slots: [monday9], signal: 0.6, completed: true), taskType: &type, energy: &energy)
        func drop(_ day: Int, _ hour: Int) -> Double {
            let slot = WeekSlot(weekday: day, hour: hour)
            return prior[slot] - type.habit[slot]
        }
        #expect(drop(1, 9) > drop(1, 10))
        #expect(drop(1, 10) > drop(2, 9))
        #expect(drop(2, 9) > drop(6, 9), "a weekday says more about weekdays than about Saturday")
        #expect(drop(6, 9) > 0)
        #expect(drop(1, 14) == 0, "hours far away are untouched")
    }

    @Test func confidenceGrowsWithEvidenceAndExplorationShrinks() {
        let learner = BetaPoolLearner()
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        func spread() -> Double {
            let draws = (0..<200).map { learner.scoringHabit(for: type, seed: UInt64($0))[monday9] }
            let mean = draws.reduce(0, +) / Double(draws.count)
            return (draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count)).squareRoot()
        }
        let before = (confidence: type.confidence[monday9], spread: spread())
        for _ in 0..<15 {
            learner.learn(Outcome(slots: [monday9], signal: 0.6, completed: true), taskType: &type, energy: &energy)
        }
        #expect(type.confidence[monday9] > before.confidence)
        #expect(spread() < before.spread * 0.7)
        #expect(abs(type.habit[monday9] - 0.6) < 0.05)
    }

    @Test func aChangedHabitIsRelearnedBecauseOldEvidenceFades() {
        let learner = BetaPoolLearner()
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        for _ in 0..<200 { learner.learn(Outcome(slots: [monday9], signal: 0.9, completed: true), taskType: &type, energy: &energy) }
        for _ in 0..<30 { learner.learn(Outcome(slots: [monday9], signal: 0.2, completed: true), taskType: &type, energy: &energy) }
        #expect(type.habit[monday9] < 0.4)
    }

    @Test func aSurpriseMakesEveryHourLessCertainButKeepsTheirOrder() {
        let learner = BetaPoolLearner()
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        for _ in 0..<20 { learner.learn(Outcome(slots: [monday9], signal: 0.9, completed: true), taskType: &type, energy: &energy) }
        let before = type
        var probe = type
        learner.forgetIfSurprised(by: Outcome(slots: [monday9], signal: 0.05, completed: true), scores: &probe.habit, confidences: &probe.confidence)
        let evening = WeekSlot(weekday: 4, hour: 19)
        #expect(probe.confidence[evening] < before.confidence[evening])
        var inversions = 0
        for i in 0..<168 {
            for j in 0..<168 where before.habit[i] < before.habit[j] - 1e-9 && !(probe.habit[i] < probe.habit[j]) { inversions += 1 }
        }
        #expect(inversions == 0)
        #expect(abs(probe.habit[monday9] - 0.5) < abs(before.habit[monday9] - 0.5), "means are drawn toward neutral")
        var calm = type
        learner.forgetIfSurprised(by: Outcome(slots: [monday9], signal: 0.8, completed: true), scores: &calm.habit, confidences: &calm.confidence)
        #expect(calm == before, "an expected outcome forgets nothing")
    }

    @Test func energyAfterIsLearnedIntoTheEnergyWeek() {
        var type = TaskType(userID: "u", displayName: "Gym", category: .focused)
        var energy = EnergyPattern.neutral
        BetaPoolLearner().learn(Outcome(slots: [monday9], signal: 0.9, energyAfter: 0.1, completed: true), taskType: &type, energy: &energy)
        #expect(energy.energy[monday9] < 0.5)
        #expect(energy.confidence[monday9] > EnergyPattern.neutral.confidence[monday9])
        #expect(type.completionCount == 1)
    }

    @Test func baselinesLearnNothingButCountCompletions() {
        for learner in [FixedHoursLearner() as any Learner, RandomLearner()] {
            var type = TaskType(userID: "u", displayName: "Gym", category: .focused)
            let before = type
            var energy = EnergyPattern.neutral
            learner.learn(Outcome(slots: [monday9], signal: 0, energyAfter: 0, completed: true), taskType: &type, energy: &energy)
            #expect(type.habit == before.habit && energy == .neutral)
            #expect(type.completionCount == 1)
        }
        let office = FixedHoursLearner().scoringHabit(for: TaskType(userID: "u", displayName: "x", category: .focused), seed: 0)
        #expect(office[WeekSlot(weekday: 3, hour: 16)] == 1)
        #expect(office[WeekSlot(weekday: 3, hour: 17)] == 0)
        #expect(office[WeekSlot(weekday: 6, hour: 10)] == 0)
    }
}

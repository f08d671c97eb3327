import Foundation
import Testing
@testable import SchedulerCore

@Suite struct SeedEMALearnerTests {
    @Test func updatesCoveredSlotsByTheConfidenceWeightedRule() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        let slot = WeekSlot(weekday: 2, hour: 10)
        let before = type.habit[slot]
        SeedEMALearner().learn(Outcome(slots: [slot], signal: 0.9, energyAfter: 0.8, completed: true), taskType: &type, energy: &energy)
        let rate = 0.3 * (1 - 0.1)
        #expect(abs(type.habit[slot] - (before * (1 - rate) + 0.9 * rate)) < 1e-12)
        #expect(abs(type.confidence[slot] - 0.15) < 1e-12)
        #expect(abs(energy.energy[slot] - (0.5 * (1 - rate) + 0.8 * rate)) < 1e-12)
        #expect(type.completionCount == 1)
        // Only the covered slot moved.
        #expect(type.habit[WeekSlot(weekday: 2, hour: 11)] == CategoryPriors.habitGrid(for: .focused)[WeekSlot(weekday: 2, hour: 11)])
    }

    @Test func confidenceCapsAtNinetyFivePercentAndLearningSlowsAsItGrows() {
        var type = TaskType(userID: "u", displayName: "Gym", category: .focused)
        var energy = EnergyPattern.neutral
        let slot = WeekSlot(weekday: 1, hour: 18)
        var steps: [Double] = []
        for _ in 0..<30 {
            let before = type.habit[slot]
            SeedEMALearner().learn(Outcome(slots: [slot], signal: 1, completed: true), taskType: &type, energy: &energy)
            steps.append(type.habit[slot] - before)
        }
        #expect(type.confidence[slot] == 0.95)
        #expect(steps[0] > steps[10])
    }

    @Test func aSkipPullsTheSlotDownAndDoesNotCountAsACompletion() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        let slot = WeekSlot(weekday: 2, hour: 10)
        let before = type.habit[slot]
        SeedEMALearner().learn(Outcome(slots: [slot], signal: Outcome.skippedSignal, completed: false), taskType: &type, energy: &energy)
        #expect(type.habit[slot] < before)
        #expect(type.completionCount == 0)
        #expect(energy == .neutral, "no energy report, no energy change")
    }

    @Test func scoresAndConfidencesStayInTheUnitIntervalUnderAnyOutcomes() {
        var generator = SeededGenerator(seed: 42)
        var type = TaskType(userID: "u", displayName: "x", category: .administrative)
        var energy = EnergyPattern.neutral
        for _ in 0..<5_000 {
            let slots = (0..<Int(generator.next() % 4 + 1)).compactMap { _ in WeekSlot(index: Int(generator.next() % 168)) }
            let signal = Double(generator.next() % 3000) / 1000 - 1 // deliberately outside [0, 1] too
            let energyAfter: Double? = generator.next() % 2 == 0 ? nil : Double(generator.next() % 3000) / 1000 - 1
            SeedEMALearner().learn(Outcome(slots: slots, signal: signal, energyAfter: energyAfter, completed: true), taskType: &type, energy: &energy)
        }
        for grid in [type.habit, type.confidence, energy.energy, energy.confidence] {
            #expect(grid.values.allSatisfy { (0...1).contains($0) })
        }
    }

    @Test func sameOutcomesGiveTheSameWeek() {
        func run() -> TaskType {
            var type = TaskType(userID: "u", displayName: "x", category: .focused)
            var energy = EnergyPattern.neutral
            var generator = SeededGenerator(seed: 7)
            for _ in 0..<500 {
                let slot = WeekSlot(index: Int(generator.next() % 168))!
                SeedEMALearner().learn(Outcome(slots: [slot], signal: Double(generator.next() % 100) / 100, completed: true), taskType: &type, energy: &energy)
            }
            return type
        }
        #expect(run() == run())
    }
}

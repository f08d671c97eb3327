import Foundation
import Testing
@testable import SchedulerCore

@Suite struct SharedBetaLearnerTests {
    let learner = SharedBetaLearner()
    let monday9 = WeekSlot(weekday: 1, hour: 9)

    func learn(_ type: inout TaskType, _ energy: inout EnergyPattern, _ slot: WeekSlot, _ signal: Double, times: Int = 1) {
        for _ in 0..<times { learner.learn(Outcome(slots: [slot], signal: signal, completed: true), taskType: &type, energy: &energy) }
    }

    @Test func outcomesTeachTheEnergyWeekSoEveryTaskTypeOfTheUserGainsFromThem() {
        var coding = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        let email = TaskType(userID: "u", displayName: "Email", category: .administrative)
        var energy = EnergyPattern.neutral
        let evening = WeekSlot(weekday: 2, hour: 18), morning = WeekSlot(weekday: 2, hour: 9)
        learn(&coding, &energy, evening, 0.9, times: 4)
        learn(&coding, &energy, morning, 0.2, times: 4)
        #expect(energy.energy[evening] > 0.6 && energy.energy[morning] < 0.4, "no words about energy were needed")
        // Email never ran in the evening, yet its scored week now leans there through the energy part.
        let week = learner.scoringWeek(for: email, energy: energy, seed: 0)
        let atEvening = 0.6 * week.habit[evening] + 0.4 * week.energy[evening]
        let priorOnly = 0.6 * week.habit[evening] + 0.4 * 0.5
        #expect(atEvening > priorOnly)
    }

    @Test func anHourBorrowsTheSameHourOfOtherDaysWhenScored() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        // 0.55 against a prior of 0.25: better than expected, not a surprise that would unsettle the whole week.
        learn(&type, &energy, WeekSlot(weekday: 1, hour: 18), 0.55, times: 3)
        let stored = type.habit, scored = learner.scoringHabit(for: type, seed: 0)
        let thursday = WeekSlot(weekday: 4, hour: 18)
        #expect(stored[thursday] == TaskType(userID: "u", displayName: "x", category: .focused).habit[thursday], "learning moves only Monday")
        #expect(scored[thursday] > stored[thursday] + 0.15, "scoring shares Monday's evidence with Thursday")
        #expect(scored[WeekSlot(weekday: 6, hour: 18)] > stored[WeekSlot(weekday: 6, hour: 18)], "and, less, with the weekend")
    }

    @Test func weekendsStopFollowingWeekdaysOnceTheyDisagree() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        for day in 1...5 {
            learn(&type, &energy, WeekSlot(weekday: day, hour: 17), 0.9, times: 2)
            learn(&type, &energy, WeekSlot(weekday: day, hour: 9), 0.2, times: 2)
        }
        let sunday9 = WeekSlot(weekday: 0, hour: 9), sunday17 = WeekSlot(weekday: 0, hour: 17)
        let alike = learner.scoringHabit(for: type, seed: 0)
        #expect(alike[sunday17] > alike[sunday9], "with nothing known about weekends, weekdays speak for them")
        for day in [0, 6] {
            learn(&type, &energy, WeekSlot(weekday: day, hour: 17), 0.2, times: 2)
            learn(&type, &energy, WeekSlot(weekday: day, hour: 9), 0.9, times: 2)
        }
        #expect(learner.kindsAgreement(type.habit, (0..<168).map { max(0, learner.evidence(confidence: type.confidence[$0]) - learner.priorEvidence) }) < 0.2)
        let apart = learner.scoringHabit(for: type, seed: 0)
        #expect(apart[sunday9] > apart[sunday17] + 0.3, "weekends keep their own hours")
    }

    @Test func aSureEstimateThatTurnsOutWrongIsRelearnedWithinAFewOutcomes() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        learn(&type, &energy, monday9, 0.9, times: 40)
        learn(&type, &energy, monday9, 0.15, times: 4)
        #expect(type.habit[monday9] < 0.45)
        let evening = WeekSlot(weekday: 1, hour: 18)
        #expect(learner.scoringHabit(for: type, seed: 0)[monday9] < learner.scoringHabit(for: type, seed: 0)[evening] + 0.2)
    }

    @Test func aSurpriseUnsettlesTheTaskThatHadItMoreThanTheEnergyWeekOfAllTasks() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        learn(&type, &energy, monday9, 0.9, times: 20)
        let elsewhere = WeekSlot(weekday: 3, hour: 9)
        let typeBefore = learner.evidence(confidence: type.confidence[elsewhere])
        let energyBefore = learner.evidence(confidence: energy.confidence[elsewhere])
        learn(&type, &energy, monday9, 0.1)
        let typeKept = learner.evidence(confidence: type.confidence[elsewhere]) / typeBefore
        let energyKept = learner.evidence(confidence: energy.confidence[elsewhere]) / energyBefore
        #expect(typeKept < 0.7, "the task's own week is open to relearning")
        #expect(energyKept > typeKept + 0.15, "the week every task shares keeps more of what it knew")
    }

    @Test func aNoisyRatingBarelyMovesAWellKnownWeek() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        learn(&type, &energy, monday9, 0.8, times: 20)
        let before = type.habit
        learn(&type, &energy, monday9, 0.55) // 0.25 below: within the noise people rate with
        #expect(abs(type.habit[monday9] - before[monday9]) < 0.05)
        #expect(type.habit[WeekSlot(weekday: 3, hour: 15)] == before[WeekSlot(weekday: 3, hour: 15)], "no surprise, nothing forgotten")
    }

    @Test func whyIsShownTheWeekThatPlacesEvents() {
        var type = TaskType(userID: "u", displayName: "Deep Coding", category: .focused)
        var energy = EnergyPattern.neutral
        learn(&type, &energy, monday9, 0.3, times: 3)
        #expect(learner.explanationWeek(for: type, energy: energy) == learner.scoringWeek(for: type, energy: energy, seed: 77))
        #expect(learner.scoringWeek(for: type, energy: energy, seed: 1) == learner.scoringWeek(for: type, energy: energy, seed: 2),
                "no exploration noise: replays and explanations agree")
    }
}

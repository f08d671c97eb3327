import Foundation
import SchedulerCore

/// A simulated person: hidden rhythm, tasks, how noisy their ratings are and how often they skip.
public struct SyntheticUser: Sendable {
    public var id: String
    public var persona: Persona
    public var tasks: [HiddenTask]
    /// Standard deviation of the rating around the true quality (on the 0...1 scale).
    public var ratingNoise: Double
    /// Chance of skipping an event placed at the worst possible hour; scales down with quality.
    public var skipRate: Double
    /// The week (0-based) from which a habit changer follows their new rhythm.
    public var changeWeek: Int

    /// Whether this user's ratings are the careless kind.
    public var isNoisy: Bool { ratingNoise >= 0.3 }
    public var seed: UInt64

    public func truth(for taskIndex: Int, week: Int) -> WeekGrid {
        TrueWeek.grid(persona: persona, task: tasks[taskIndex], changed: week >= changeWeek)
    }
}

/// Task names the bot's category lexicon reads as focused, collaborative and administrative work.
enum TaskCatalogue {
    static let names = ["deep coding", "team sync", "email triage", "writing", "research reading", "candidate interview"]

    /// For people whose best time depends on the kind of work: focused late, collaborative early, admin at midday.
    static func categoryHour(of name: String) -> Double {
        switch name {
        case "team sync", "candidate interview": 9
        case "email triage": 12.5
        default: 16.5
        }
    }
}

/// Draws a reproducible population from a seed.
public struct Population: Sendable {
    public var users: [SyntheticUser]

    public init(count: Int, weeks: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        users = (0..<max(0, count)).map { index in
            Population.drawUser(index: index, weeks: weeks, generator: &generator)
        }
    }

    static func drawUser(index: Int, weeks: Int, generator: inout SeededGenerator) -> SyntheticUser {
        let personas = Persona.allCases
        let persona = personas[index % personas.count]
        var names = TaskCatalogue.names
        names.shuffle(using: &generator)
        let ownHours = [9.0, 13.5, 17.5].shuffled(using: &generator)
        let tasks = names.prefix(3).enumerated().map { offset, name in
            HiddenTask(name: name,
                       peakShift: generator.nextUnit() * 2 - 1,
                       texture: (0..<WeekSlot.count).map { _ in (generator.nextUnit() - 0.5) * 0.1 },
                       weekdayFactors: drawWeekdayFactors(&generator),
                       ownHour: ownHours[offset],
                       categoryHour: TaskCatalogue.categoryHour(of: name))
        }
        // A quarter of the people rate carelessly: their ratings are three times as noisy.
        let noisy = (index + index / personas.count) % 4 == 3
        let noise = 0.05 + 0.15 * generator.nextUnit()
        return SyntheticUser(id: "sim-\(index)", persona: persona, tasks: tasks,
                             ratingNoise: noisy ? 0.3 : noise,
                             skipRate: 0.02 + 0.13 * generator.nextUnit(),
                             changeWeek: max(1, min(3, weeks / 2)),
                             seed: generator.next())
    }

    /// Mostly even weeks; some people slump on Fridays, some are flat at weekends.
    static func drawWeekdayFactors(_ generator: inout SeededGenerator) -> [Double] {
        var factors = (0..<7).map { _ in 0.9 + 0.2 * generator.nextUnit() }
        if generator.nextUnit() < 0.3 { factors[5] *= 0.55 }
        if generator.nextUnit() < 0.3 { factors[0] *= 0.7; factors[6] *= 0.7 }
        return factors
    }
}

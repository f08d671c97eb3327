/// A user's general energy over the week, learned from "energy after" reports.
public struct EnergyPattern: Equatable, Sendable {
    public var energy: WeekGrid
    public var confidence: WeekGrid

    public init(energy: WeekGrid, confidence: WeekGrid) {
        self.energy = energy
        self.confidence = confidence
    }

    /// A new user's energy is neutral everywhere: we assume nothing until they tell us by doing.
    public static let neutral = EnergyPattern(energy: WeekGrid(repeating: 0.5), confidence: WeekGrid(repeating: 0.1))
}

/// Reads how a person felt afterwards from the words of a note ("exhausted", "felt sharp").
///
/// The design learns a user's energy from "energy after" reports; in chat those come as words.
public enum EnergyCues {
    static let low = ["exhausted", "tired", "drained", "wiped", "sleepy", "fried", "burned out", "burnt out", "dead"]
    static let high = ["energised", "energized", "sharp", "fresh", "focused", "pumped", "buzzing", "great energy", "alert"]

    /// 0.2 for low-energy words, 0.8 for high-energy words, nil when the note says neither.
    public static func energyAfter(note: String?) -> Double? {
        guard let note = note?.lowercased(), !note.isEmpty else { return nil }
        if low.contains(where: { note.contains($0) }) { return 0.2 }
        if high.contains(where: { note.contains($0) }) { return 0.8 }
        return nil
    }
}

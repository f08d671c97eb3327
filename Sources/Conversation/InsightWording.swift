import SchedulerCore

/// Insights are stored in the design's third-person wording (the smart sync and the offline interpreter
/// read it); the bot shows them to the user in the second person.
enum InsightWording {
    /// "User struggles with Gym after lunch" reads "You struggle with Gym after lunch".
    static func toUser(_ text: String) -> String {
        for (stored, said) in phrases where text.hasPrefix(stored) {
            return said + text.dropFirst(stored.count)
        }
        return text
    }

    /// The same as a sentence, ending in a full stop.
    static func sentence(_ text: String) -> String {
        let said = toUser(text)
        return said.last.map { ".!?".contains($0) } == true ? said : said + "."
    }

    private static let phrases: [(String, String)] = [
        ("User mentioned about ", "You said about "),
        ("User struggles with ", "You struggle with "),
        ("User consistently excels at ", "You consistently do well at "),
        ("User shows significant performance decline on ", "Your results drop noticeably on "),
        ("User shows strong morning energy patterns", "Your energy is strongest in the morning"),
        ("User shows strong evening energy patterns", "Your energy is strongest in the evening"),
        ("User shows ", "You show "),
        ("User is ", "You are "),
        ("User has ", "You have "),
        ("User ", "You "),
    ]
}

/// The chat network a person talks to the bot on. Unprompted messages go back over the network the
/// person last wrote from, and only that network's front end may take them.
/// Raw values are stored in the database: add cases, never rename.
public enum Network: String, Sendable, Codable, CaseIterable {
    case matrix, irc, console, replay
}

/// The path that answers a message: the grammar (`command`), a pattern reply, the cheap completions model, the
/// strong assistant, or nothing (`none`: a budget kept it from the model, or no model is configured). The routing
/// policy decides among the last four; the same value is the reply's `route` and names the call in the cost log.
/// Raw values are part of the replay contract: add cases, never rename one.
public enum Route: String, Sendable, Codable, Equatable {
    case command, pattern, completions, assistant, none
}

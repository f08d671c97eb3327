extension IRCMessage {
    /// The line as it may appear in logs: server and NickServ passwords replaced.
    var redactedForLog: String {
        switch command {
        case "PASS":
            return "PASS <redacted>"
        case "PRIVMSG" where parameter(0).map({ IRCCaseMapping.equal($0, "NickServ") }) == true:
            let verb = trailing?.split(separator: " ").first.map(String.init) ?? ""
            return "PRIVMSG NickServ :\(verb) <redacted>"
        case "AUTHENTICATE", "OPER":
            return "\(command) <redacted>"
        default:
            return wireFormat
        }
    }
}

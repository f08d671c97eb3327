/// The calendar commands, read before the general grammar: their argument is a URL, which the grammar must not
/// read as times or task names.
enum CalendarCommand: Equatable {
    case importURL(String)
    case importOff
    case feed
    case feedReset
    case status

    static func parse(_ text: String) -> CalendarCommand? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard let first = words.first, first.lowercased() == "calendar" || first.lowercased() == "!calendar" else { return nil }
        let rest = words.dropFirst().map { $0.lowercased() }
        switch rest.first {
        case nil, "status": return rest.count <= 1 ? .status : nil
        case "feed":
            if rest.count == 1 { return .feed }
            return rest.count == 2 && ["reset", "revoke", "new"].contains(rest[1]) ? .feedReset : nil
        case "import", "subscribe", "add":
            guard words.count >= 3 else { return .importURL("") }
            if words.count == 3, ["off", "stop", "remove", "none"].contains(rest[1]) { return .importOff }
            // Anything else is the address, even when it is not one: the reply then says why.
            return .importURL(words.dropFirst(2).joined(separator: " "))
        default: return nil
        }
    }
}

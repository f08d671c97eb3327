/// IRCv3 message-tag escaping (https://ircv3.net/specs/extensions/message-tags).
public enum IRCMessageTags {
    public static func parse(_ text: Substring) -> [String: String] {
        var tags: [String: String] = [:]
        for item in text.split(separator: ";", omittingEmptySubsequences: true) {
            if let equals = item.firstIndex(of: "=") {
                let key = String(item[..<equals])
                guard !key.isEmpty else { continue }
                tags[key] = unescape(item[item.index(after: equals)...])
            } else {
                tags[String(item)] = ""
            }
        }
        return tags
    }

    public static func unescape(_ value: Substring) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case ":": result.append(";")
                case "s": result.append(" ")
                case "r": result.append("\r")
                case "n": result.append("\n")
                default: result.append(character)  // covers "\\" and unknown escapes
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result  // a lone trailing backslash is dropped, as the spec says
    }

    public static func escape(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case ";": result += "\\:"
            case " ": result += "\\s"
            case "\\": result += "\\\\"
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

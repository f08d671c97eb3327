/// RFC 1459 case folding: IRC treats `[]\~` as the upper case of `{}|^`, so "Bot[1]" and "bot{1}" are one nick.
/// Folding the ASCII letters too covers the `ascii` mapping that some servers advertise.
public enum IRCCaseMapping {
    public static func fold(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map(foldScalar)))
    }

    static func foldScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "A"..."Z": Unicode.Scalar(scalar.value + 32) ?? scalar
        case "[": "{"
        case "]": "}"
        case "\\": "|"
        case "~": "^"
        default: scalar
        }
    }

    public static func equal(_ lhs: String, _ rhs: String) -> Bool { fold(lhs) == fold(rhs) }
}

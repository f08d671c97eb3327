import SharedValues
/// Matrix canonical JSON (appendix "Canonical JSON"): keys sorted by code point, no whitespace,
/// UTF-8 without escaping beyond what JSON requires, integers only. Signatures are made and checked
/// over these bytes, so both sides must produce exactly the same ones.
public enum CanonicalJSON {
    public static func encode(_ value: JSON) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out)
        return out
    }

    /// The bytes a signature covers: the object without `signatures` and `unsigned`.
    public static func signable(_ value: JSON) -> [UInt8] {
        guard var fields = value.object else { return encode(value) }
        fields["signatures"] = nil
        fields["unsigned"] = nil
        return encode(.object(fields))
    }

    private static func write(_ value: JSON, into out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .integer(let number): out += Array(String(number).utf8)
        case .number(let number):
            // Canonical JSON has integers only; anything else is written as its integer part.
            out += Array(String(Int64(exactly: number.rounded(.towardZero)) ?? 0).utf8)
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            let fields = value.object ?? [:]
            out.append(UInt8(ascii: "{"))
            let keys = fields.keys.sorted { $0.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(fields[key] ?? .null, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += Array(#"\""#.utf8)
            case "\\": out += Array(#"\\"#.utf8)
            case "\n": out += Array(#"\n"#.utf8)
            case "\r": out += Array(#"\r"#.utf8)
            case "\t": out += Array(#"\t"#.utf8)
            case "\u{08}": out += Array(#"\b"#.utf8)
            case "\u{0C}": out += Array(#"\f"#.utf8)
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The values bot.conf can hold: the subset of TOML a configuration file needs.
public enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])

    var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .array: "array"
        }
    }
}

/// One `key = value` line, remembered with where it came from so errors can point at it.
public struct TOMLEntry: Equatable, Sendable {
    public var section: String
    public var key: String
    public var value: TOMLValue
    public var line: Int
}

public struct TOMLError: Error, Equatable, CustomStringConvertible, Sendable {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

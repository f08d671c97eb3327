import Foundation

/// Everything wrong with a configuration, reported at once so an operator fixes it in one go.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }

    public init(problems: [String]) {
        self.problems = problems
    }
}

/// Resolved configuration: defaults, overridden by the file, overridden by the environment.
public struct ConfigValues: Sendable {
    public private(set) var values: [String: TOMLValue]
    /// Where each value came from ("default", "bot.conf:12", "SCHEDULER_BOT_LLM_API_KEY").
    public private(set) var sources: [String: String]
    /// The file that was read, if any.
    public var filePath: String?
    /// `[costs.prices]` entries, in file order.
    public private(set) var prices: [ConfiguredPrice] = []

    public static var defaults: ConfigValues {
        var values: [String: TOMLValue] = [:]
        var sources: [String: String] = [:]
        for key in ConfigSchema.keys {
            values[key.path] = key.defaultValue
            sources[key.path] = "default"
        }
        return ConfigValues(values: values, sources: sources, filePath: nil)
    }

    mutating func setPrice(_ price: ConfiguredPrice) {
        prices.removeAll { $0.model == price.model }
        prices.append(price)
    }

    mutating func set(_ path: String, _ value: TOMLValue, source: String) {
        values[path] = value
        sources[path] = source
    }

    public func string(_ section: String, _ key: String) -> String {
        if case .string(let s) = values["\(section).\(key)"] { return s }
        return ""
    }

    public func integer(_ section: String, _ key: String) -> Int {
        if case .integer(let i) = values["\(section).\(key)"] { return i }
        return 0
    }

    public func float(_ section: String, _ key: String) -> Double {
        switch values["\(section).\(key)"] {
        case .float(let f): return f
        case .integer(let i): return Double(i)
        default: return 0
        }
    }

    public func boolean(_ section: String, _ key: String) -> Bool {
        if case .boolean(let b) = values["\(section).\(key)"] { return b }
        return false
    }

    public func list(_ section: String, _ key: String) -> [String] {
        guard case .array(let items) = values["\(section).\(key)"] else { return [] }
        return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    /// True when the file or the environment set the key (not just its default).
    public func isSet(_ section: String, _ key: String) -> Bool {
        sources["\(section).\(key)", default: "default"] != "default"
    }
}

public struct ConfigLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Reads `path` (when given) and the environment; refuses to guess: any unknown key or bad value throws.
    public func load(path: String?) throws(ConfigError) -> ConfigValues {
        var config = ConfigValues.defaults
        var problems: [String] = []
        if let path {
            config.filePath = path
            problems += applyFile(path, to: &config)
        }
        problems += applyEnvironment(to: &config)
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        return config
    }

    /// Parses TOML text as if read from `name` (used by tests and by `load`).
    public func apply(text: String, name: String, to config: inout ConfigValues) -> [String] {
        let entries: [TOMLEntry]
        do {
            entries = try TOMLParser().parse(text)
        } catch {
            return ["\(name):\(error.line): \(error.message)"]
        }
        var problems: [String] = []
        for entry in entries {
            let place = "\(name):\(entry.line)"
            if entry.section == ConfigSchema.pricesSection {
                switch ConfiguredPrice.read(entry, source: place) {
                case .success(let price): config.setPrice(price)
                case .failure(let problem): problems.append("\(place): [\(entry.section)] \"\(entry.key)\" \(problem.message)")
                }
                continue
            }
            guard let key = ConfigSchema.key(section: entry.section, name: entry.key) else {
                let known = ConfigSchema.sections.contains(entry.section)
                problems.append(known
                    ? "\(place): unknown key '\(entry.key)' in [\(entry.section)]"
                    : "\(place): key '\(entry.key)' is in unknown section [\(entry.section)] (known: \((ConfigSchema.sections + [ConfigSchema.pricesSection]).joined(separator: ", ")))")
                continue
            }
            switch coerce(entry.value, to: key) {
            case .success(let value): config.set(key.path, value, source: place)
            case .failure(let problem): problems.append("\(place): [\(key.section)] \(key.name) \(problem.message)")
            }
        }
        return problems
    }

    private func applyFile(_ path: String, to config: inout ConfigValues) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ["\(path): cannot read the configuration file"]
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ["\(path): the configuration file is not UTF-8 text"]
        }
        return apply(text: text, name: path, to: &config)
    }

    private func applyEnvironment(to config: inout ConfigValues) -> [String] {
        var problems: [String] = []
        for key in ConfigSchema.keys {
            guard let raw = environment[key.environmentName] else { continue }
            switch coerce(environmentValue: raw, to: key) {
            case .success(let value): config.set(key.path, value, source: key.environmentName)
            case .failure(let problem): problems.append("\(key.environmentName): [\(key.section)] \(key.name) \(problem.message)")
            }
        }
        return problems
    }

    private func coerce(_ value: TOMLValue, to key: ConfigKey) -> Result<TOMLValue, ConfigProblem> {
        let typed: TOMLValue
        switch (key.type, value) {
        case (.string, .string), (.integer, .integer), (.float, .float), (.boolean, .boolean):
            typed = value
        case (.float, .integer(let i)):
            typed = .float(Double(i))
        case (.stringList, .array(let items)) where items.allSatisfy({ if case .string = $0 { true } else { false } }):
            typed = value
        default:
            let shown = key.isSecret ? "a \(value.typeName)" : "\(value.typeName) \(render(value))"
            return .failure(ConfigProblem("must be a \(key.type.rawValue), found \(shown)"))
        }
        if let problem = key.check(typed) { return .failure(ConfigProblem(problem)) }
        return .success(typed)
    }

    private func coerce(environmentValue raw: String, to key: ConfigKey) -> Result<TOMLValue, ConfigProblem> {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let value: TOMLValue
        switch key.type {
        case .string: value = .string(raw)
        case .integer:
            guard let i = Int(trimmed) else { return .failure(ConfigProblem("must be an integer")) }
            value = .integer(i)
        case .float:
            guard let f = Double(trimmed), f.isFinite else { return .failure(ConfigProblem("must be a number")) }
            value = .float(f)
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "1", "yes", "on": value = .boolean(true)
            case "false", "0", "no", "off": value = .boolean(false)
            default: return .failure(ConfigProblem("must be true or false"))
            }
        case .stringList:
            let items = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            value = .array(items.map(TOMLValue.string))
        }
        return coerce(value, to: key)
    }

    private func render(_ value: TOMLValue) -> String {
        switch value {
        case .string(let s): "\"\(s)\""
        case .integer(let i): String(i)
        case .float(let f): String(f)
        case .boolean(let b): String(b)
        case .array(let items): "[" + items.map(render).joined(separator: ", ") + "]"
        }
    }
}

struct ConfigProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// One `[costs.prices]` entry: what a model costs, in USD per million tokens.
///
///     [costs.prices]
///     "gpt-4o" = [2.50, 10.00, 1.25]   # input, output, cached input (optional: else the input rate)
///     "llama3" = [0, 0]                # a local model: free, but said so explicitly
public struct ConfiguredPrice: Sendable, Equatable {
    public var model: String
    public var inputPerMillion: Double
    public var outputPerMillion: Double
    public var cachedInputPerMillion: Double?
    /// Where it was set, e.g. "bot.conf:42".
    public var source: String

    public init(model: String, inputPerMillion: Double, outputPerMillion: Double, cachedInputPerMillion: Double? = nil, source: String) {
        self.model = model
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion
        self.source = source
    }

    static func read(_ entry: TOMLEntry, source: String) -> Result<ConfiguredPrice, ConfigProblem> {
        let expected = "must be [input, output] or [input, output, cached input] in USD per million tokens"
        guard case .array(let items) = entry.value, (2...3).contains(items.count) else { return .failure(ConfigProblem(expected)) }
        var rates: [Double] = []
        for item in items {
            switch item {
            case .integer(let value): rates.append(Double(value))
            case .float(let value): rates.append(value)
            default: return .failure(ConfigProblem(expected))
            }
        }
        guard rates.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return .failure(ConfigProblem("rates must be 0 or more")) }
        return .success(ConfiguredPrice(model: entry.key, inputPerMillion: rates[0], outputPerMillion: rates[1],
                                        cachedInputPerMillion: rates.count == 3 ? rates[2] : nil, source: source))
    }
}

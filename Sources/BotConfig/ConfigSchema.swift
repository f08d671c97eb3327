import Foundation

/// The type a configuration key holds. Lists come from TOML arrays, or comma-separated in the environment.
public enum ConfigType: String, Sendable {
    case string, integer, float, boolean, stringList = "list of strings"
}

/// One documented key of bot.conf.
public struct ConfigKey: Sendable {
    public var section: String
    public var name: String
    public var type: ConfigType
    public var defaultValue: TOMLValue
    /// Secrets are never printed, not even in error messages.
    public var isSecret: Bool
    /// Returns a problem description for a value of the right type but a bad meaning.
    public var check: @Sendable (TOMLValue) -> String?

    public init(_ section: String, _ name: String, _ type: ConfigType, _ defaultValue: TOMLValue,
                secret: Bool = false, check: @escaping @Sendable (TOMLValue) -> String? = { _ in nil }) {
        self.section = section
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isSecret = secret
        self.check = check
    }

    /// `SCHEDULER_BOT_<SECTION>_<KEY>`, upper case.
    public var environmentName: String { "SCHEDULER_BOT_\(section.uppercased())_\(name.uppercased())" }
    public var path: String { "\(section).\(name)" }
}

/// Every key bot.conf accepts. bot.conf.example documents each one (a test keeps them in step).
public enum ConfigSchema {
    public static let keys: [ConfigKey] = general + storage + llm + matrix + irc + learning + costs + admin + calendar + http

    static let general: [ConfigKey] = [
        ConfigKey("general", "timezone", .string, .string("UTC"), check: isTimeZone),
        ConfigKey("general", "date_order", .string, .string("month-first"), check: oneOf(["month-first", "day-first"])),
        // How long a shutdown (SIGINT/SIGTERM) waits for the answers in hand on every network before it gives up on them.
        ConfigKey("general", "drain_timeout_seconds", .float, .float(10), check: inRange(0.5...300)),
    ]
    static let storage: [ConfigKey] = [
        ConfigKey("storage", "data_dir", .string, .string("")),
    ]
    static let llm: [ConfigKey] = [
        ConfigKey("llm", "base_url", .string, .string(""), check: isEmptyOrHTTPURL),
        ConfigKey("llm", "api_key", .string, .string(""), secret: true),
        ConfigKey("llm", "completions_model", .string, .string("gpt-4o-mini")),
        ConfigKey("llm", "assistant_model", .string, .string("gpt-4o")),
        ConfigKey("llm", "embeddings_model", .string, .string("text-embedding-3-small")),
        ConfigKey("llm", "timeout_seconds", .float, .float(30), check: positive),
        ConfigKey("llm", "max_retries", .integer, .integer(2), check: inRange(0...10)),
        ConfigKey("llm", "assistant_first_messages", .integer, .integer(3), check: inRange(0...100)),
        ConfigKey("llm", "thread_keep_last", .integer, .integer(20), check: inRange(2...500)),
        ConfigKey("llm", "max_prompt_tokens", .integer, .integer(8_000), check: inRange(1_000...1_000_000)),
    ]
    static let matrix: [ConfigKey] = [
        ConfigKey("matrix", "homeserver_url", .string, .string(""), check: isEmptyOrHTTPURL),
        ConfigKey("matrix", "user_id", .string, .string("")),
        ConfigKey("matrix", "access_token", .string, .string(""), secret: true),
        ConfigKey("matrix", "password", .string, .string(""), secret: true),
        ConfigKey("matrix", "allowed_inviters", .stringList, .array([])),
        ConfigKey("matrix", "admins", .stringList, .array([])),
        ConfigKey("matrix", "encryption", .boolean, .boolean(true)),
        ConfigKey("matrix", "pickle_key", .string, .string(""), secret: true),
    ]
    static let irc: [ConfigKey] = [
        ConfigKey("irc", "host", .string, .string("")),
        ConfigKey("irc", "port", .integer, .integer(6667), check: inRange(1...65535)),
        ConfigKey("irc", "tls", .boolean, .boolean(false)),
        ConfigKey("irc", "nick", .string, .string("schedbot")),
        ConfigKey("irc", "username", .string, .string("schedbot")),
        ConfigKey("irc", "realname", .string, .string("scheduler-bot")),
        ConfigKey("irc", "password", .string, .string(""), secret: true),
        ConfigKey("irc", "nickserv_password", .string, .string(""), secret: true),
        ConfigKey("irc", "channels", .stringList, .array([])),
        ConfigKey("irc", "command_prefix", .string, .string("!")),
        ConfigKey("irc", "admins", .stringList, .array([])),
        ConfigKey("irc", "alternative_nicks", .stringList, .array([])),
        ConfigKey("irc", "busy_channel_min_members", .integer, .integer(10), check: inRange(1...100_000)),
        ConfigKey("irc", "private_reply_min_lines", .integer, .integer(4), check: inRange(1...1000)),
        ConfigKey("irc", "flood_burst", .integer, .integer(4), check: inRange(1...100)),
        ConfigKey("irc", "flood_lines_per_second", .float, .float(1), check: positive),
        ConfigKey("irc", "max_pending_answers_per_user", .integer, .integer(20), check: inRange(1...1000)),
    ]
    static let learning: [ConfigKey] = [
        // The names of SchedulerCore's `Learners.names` (a test keeps the two lists equal).
        ConfigKey("learning", "learner", .string, .string("beta-shared"), check: oneOf(learnerNames)),
        ConfigKey("learning", "match_threshold", .float, .float(0.8), check: { value in
            if case .float(let f) = value, !(0.5...1).contains(f) { return "must be between 0.5 and 1" }
            return nil
        }),
        // The sentence encoder's folder (model.safetensors, vocab.txt); empty: the cache folder scripts/fetch-encoder.sh fills.
        ConfigKey("learning", "encoder_dir", .string, .string("")),
        ConfigKey("learning", "encoder_match_threshold", .float, .float(0.725), check: { value in
            if case .float(let f) = value, !(0.5...1).contains(f) { return "must be between 0.5 and 1" }
            return nil
        }),
        ConfigKey("learning", "min_schedule_count", .integer, .integer(3), check: inRange(1...1000)),
        ConfigKey("learning", "min_frequent_types", .integer, .integer(2), check: inRange(1...1000)),
        ConfigKey("learning", "sync_daily_calls_per_user", .integer, .integer(4), check: inRange(0...1000)),
        ConfigKey("learning", "sync_daily_calls_global", .integer, .integer(500), check: inRange(0...1_000_000)),
        ConfigKey("learning", "sync_max_insights", .integer, .integer(8), check: inRange(1...50)),
        // WordNet's database folder (index.noun, data.noun, ...); empty: /usr/share/wordnet (Debian's wordnet-base).
        ConfigKey("learning", "wordnet_dir", .string, .string("")),
    ]
    static let costs: [ConfigKey] = [
        ConfigKey("costs", "log_path", .string, .string("")),
        ConfigKey("costs", "user_hash_salt", .string, .string(""), secret: true),
        ConfigKey("costs", "user_daily_usd", .float, .float(0.05), check: positive),
        ConfigKey("costs", "global_daily_usd", .float, .float(20), check: positive),
        ConfigKey("costs", "user_calls_per_minute", .integer, .integer(6), check: inRange(1...10_000)),
    ]
    static let admin: [ConfigKey] = [
        ConfigKey("admin", "prompts_dir", .string, .string("")),
        ConfigKey("admin", "users", .stringList, .array([])),
    ]

    static let calendar: [ConfigKey] = [
        ConfigKey("calendar", "refresh_minutes", .integer, .integer(60), check: inRange(5...10_080)),
        ConfigKey("calendar", "horizon_days", .integer, .integer(60), check: inRange(7...366)),
        ConfigKey("calendar", "allow_private_hosts", .boolean, .boolean(false)),
        ConfigKey("calendar", "max_kilobytes", .integer, .integer(5120), check: inRange(16...102_400)),
        ConfigKey("calendar", "timeout_seconds", .integer, .integer(20), check: inRange(1...300)),
    ]
    static let http: [ConfigKey] = [
        ConfigKey("http", "listen", .string, .string(""), check: isEmptyOrHostPort),
        ConfigKey("http", "public_url", .string, .string(""), check: isEmptyOrHTTPURL),
    ]

    /// The table of model prices: any quoted model name is a key (see `ConfiguredPrice`).
    public static let pricesSection = "costs.prices"

    public static let learnerNames = ["beta-shared", "beta-pool", "seed-ema", "nine-to-five", "random"]

    public static func key(section: String, name: String) -> ConfigKey? {
        keys.first { $0.section == section && $0.name == name }
    }

    public static var sections: [String] {
        var seen: [String] = []
        for key in keys where !seen.contains(key.section) { seen.append(key.section) }
        return seen
    }

    // MARK: - Checks

    static func oneOf(_ allowed: [String]) -> @Sendable (TOMLValue) -> String? {
        { value in
            guard case .string(let s) = value, !allowed.contains(s) else { return nil }
            return "must be one of \(allowed.joined(separator: ", "))"
        }
    }

    static func inRange(_ range: ClosedRange<Int>) -> @Sendable (TOMLValue) -> String? {
        { value in
            guard case .integer(let i) = value, !range.contains(i) else { return nil }
            return "must be between \(range.lowerBound) and \(range.upperBound)"
        }
    }

    static func inRange(_ range: ClosedRange<Double>) -> @Sendable (TOMLValue) -> String? {
        { value in
            let number: Double
            switch value {
            case .float(let f): number = f
            case .integer(let i): number = Double(i)
            default: return nil
            }
            guard !range.contains(number) else { return nil }
            return "must be between \(plain(range.lowerBound)) and \(plain(range.upperBound))"
        }
    }

    /// 300 rather than 300.0.
    private static func plain(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    static let positive: @Sendable (TOMLValue) -> String? = { value in
        switch value {
        case .float(let f) where f <= 0: "must be greater than 0"
        case .integer(let i) where i <= 0: "must be greater than 0"
        default: nil
        }
    }

    static let isTimeZone: @Sendable (TOMLValue) -> String? = { value in
        guard case .string(let s) = value, TimeZone(identifier: s) == nil else { return nil }
        return "'\(s)' is not a known IANA time zone (e.g. Europe/Berlin)"
    }

    /// `host:port` (IPv6 in brackets); port 0 picks a free one (tools and tests read it from stderr).
    static let isEmptyOrHostPort: @Sendable (TOMLValue) -> String? = { value in
        guard case .string(let s) = value, !s.isEmpty else { return nil }
        guard let colon = s.lastIndex(of: ":"), colon != s.startIndex, let port = Int(s[s.index(after: colon)...]),
              (0...65535).contains(port) else { return "must be host:port, e.g. 127.0.0.1:8080" }
        return nil
    }

    static let isEmptyOrHTTPURL: @Sendable (TOMLValue) -> String? = { value in
        guard case .string(let s) = value, !s.isEmpty else { return nil }
        return s.hasPrefix("http://") || s.hasPrefix("https://") ? nil : "must start with http:// or https://"
    }
}

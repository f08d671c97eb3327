import Foundation
import Testing
@testable import BotConfig

@Suite struct TOMLParserTests {
    @Test func readsSectionsScalarsArraysAndComments() throws {
        let entries = try TOMLParser().parse("""
            # comment
            [llm]
            base_url = "http://127.0.0.1:8080/v1"  # trailing comment
            timeout_seconds = 2.5
            max_retries = 3
            [irc]
            tls = true
            channels = [
              "#team",   # first
              '#focus',
            ]
            realname = "Coach \\"the bot\\" \\u00e9"
            """)
        #expect(entries.map(\.key) == ["base_url", "timeout_seconds", "max_retries", "tls", "channels", "realname"])
        #expect(entries[1].value == .float(2.5))
        #expect(entries[2].value == .integer(3))
        #expect(entries[3].value == .boolean(true))
        #expect(entries[4].value == .array([.string("#team"), .string("#focus")]))
        #expect(entries[5].value == .string("Coach \"the bot\" é"))
        #expect(entries[4].line == 8)
    }

    @Test(arguments: [
        ("[llm\nx = 1", 1),
        ("[llm]\nbase_url = http://x", 2),
        ("[llm]\n\nname = \"unterminated", 3),
        ("[llm]\nmax_retries = 1\nmax_retries = 2", 3),
        ("[llm]\nmax_retries 2", 2),
        ("[irc]\nchannels = [\"#a\" \"#b\"]", 2),
    ])
    func reportsTheLineOfEveryMistake(text: String, line: Int) {
        #expect(throws: TOMLError.self) { try TOMLParser().parse(text) }
        do { _ = try TOMLParser().parse(text) } catch { #expect(error.line == line) }
    }
}

@Suite struct ConfigLoaderTests {
    @Test func defaultsServeWithoutAFile() throws {
        let config = try ConfigLoader(environment: [:]).load(path: nil)
        #expect(config.string("general", "timezone") == "UTC")
        #expect(config.integer("irc", "port") == 6667)
        #expect(config.list("irc", "channels") == [])
        #expect(config.isSet("irc", "port") == false)
    }

    @Test func environmentWinsOverTheFileAndListsAreCommaSeparated() throws {
        let path = try temporaryFile("""
            [llm]
            api_key = "from-file"
            [irc]
            channels = ["#a"]
            port = 7000
            """)
        let environment = ["SCHEDULER_BOT_LLM_API_KEY": "from-env", "SCHEDULER_BOT_IRC_CHANNELS": "#x, #y"]
        let config = try ConfigLoader(environment: environment).load(path: path)
        #expect(config.string("llm", "api_key") == "from-env")
        #expect(config.list("irc", "channels") == ["#x", "#y"])
        #expect(config.integer("irc", "port") == 7000)
        #expect(config.sources["irc.port"] == "\(path):5")
    }

    @Test func unknownKeysAndBadValuesAreAllReportedWithFileLineAndKey() throws {
        let path = try temporaryFile("""
            [general]
            timezone = "Mars/Olympus"
            colour = "blue"
            [irc]
            port = "six"
            [nonsense]
            x = 1
            """)
        do {
            _ = try ConfigLoader(environment: ["SCHEDULER_BOT_IRC_TLS": "maybe"]).load(path: path)
            Issue.record("a bad configuration must not load")
        } catch {
            let problems = error.problems
            #expect(problems.count == 5)
            #expect(problems.contains { $0.hasPrefix("\(path):2:") && $0.contains("timezone") && $0.contains("Mars/Olympus") })
            #expect(problems.contains { $0.hasPrefix("\(path):3:") && $0.contains("unknown key 'colour'") })
            #expect(problems.contains { $0.hasPrefix("\(path):5:") && $0.contains("port") })
            #expect(problems.contains { $0.hasPrefix("\(path):7:") && $0.contains("unknown section [nonsense]") })
            #expect(problems.contains { $0.hasPrefix("SCHEDULER_BOT_IRC_TLS") })
        }
    }

    @Test func theDrainDeadlineAndThePerPersonQueueAreReadAndBadValuesNamed() throws {
        let path = try temporaryFile("""
            [general]
            drain_timeout_seconds = 2.5
            [irc]
            max_pending_answers_per_user = 5
            """)
        let config = try ConfigLoader(environment: [:]).load(path: path)
        #expect(config.float("general", "drain_timeout_seconds") == 2.5)
        #expect(config.integer("irc", "max_pending_answers_per_user") == 5)
        let fromEnvironment = try ConfigLoader(environment: ["SCHEDULER_BOT_GENERAL_DRAIN_TIMEOUT_SECONDS": "4",
                                                             "SCHEDULER_BOT_IRC_MAX_PENDING_ANSWERS_PER_USER": "7"]).load(path: path)
        #expect(fromEnvironment.float("general", "drain_timeout_seconds") == 4)
        #expect(fromEnvironment.integer("irc", "max_pending_answers_per_user") == 7)
        let defaults = ConfigValues.defaults
        #expect(defaults.float("general", "drain_timeout_seconds") == 10)
        #expect(defaults.integer("irc", "max_pending_answers_per_user") == 20)

        let bad = try temporaryFile("""
            [general]
            drain_timeout_seconds = 0
            [irc]
            max_pending_answers_per_user = 0
            """)
        do {
            _ = try ConfigLoader(environment: ["SCHEDULER_BOT_GENERAL_DRAIN_TIMEOUT_SECONDS": "soon"]).load(path: bad)
            Issue.record("a drain of 0 s, a queue of 0 and a drain of 'soon' must not load")
        } catch {
            let problems = error.problems
            #expect(problems.contains { $0.hasPrefix("\(bad):2:") && $0.contains("drain_timeout_seconds") && $0.contains("between 0.5 and 300") })
            #expect(problems.contains { $0.hasPrefix("\(bad):4:") && $0.contains("max_pending_answers_per_user") && $0.contains("between 1 and 1000") })
            #expect(problems.contains { $0.hasPrefix("SCHEDULER_BOT_GENERAL_DRAIN_TIMEOUT_SECONDS") && $0.contains("number") })
        }
    }

    @Test func secretsNeverAppearInErrors() throws {
        let path = try temporaryFile("[llm]\napi_key = 12345678\n")
        do {
            _ = try ConfigLoader(environment: [:]).load(path: path)
            Issue.record("an integer API key is a type error")
        } catch {
            #expect(error.description.contains("api_key"))
            #expect(!error.description.contains("12345678"))
        }
    }

    @Test func theExampleFileLoadsAndDocumentsEveryKeyWithItsDefault() throws {
        let example = packageRoot() + "/bot.conf.example"
        let config = try ConfigLoader(environment: [:]).load(path: example)
        let text = try String(contentsOfFile: example, encoding: .utf8)
        for key in ConfigSchema.keys {
            #expect(config.isSet(key.section, key.name), "bot.conf.example lacks [\(key.section)] \(key.name)")
            #expect(config.values[key.path] == ConfigValues.defaults.values[key.path], "example shows a non-default \(key.path)")
        }
        #expect(text.contains("SCHEDULER_BOT_"))
    }

    private func temporaryFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "bot-\(UUID().uuidString).conf"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func packageRoot() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}

@Suite struct PriceTableConfigTests {
    func load(_ text: String) -> (ConfigValues, [String]) {
        var config = ConfigValues.defaults
        let problems = ConfigLoader(environment: [:]).apply(text: text, name: "bot.conf", to: &config)
        return (config, problems)
    }

    @Test func pricesAreReadPerModelWithQuotedNamesAndTheirLines() {
        let (config, problems) = load("""
            [costs]
            user_daily_usd = 0.1

            [costs.prices]
            "gpt-4.1" = [2, 8, 0.5]
            "llama3:70b" = [0, 0]
            mistral = [0.25, 0.75]
            """)
        #expect(problems.isEmpty)
        #expect(config.prices == [
            ConfiguredPrice(model: "gpt-4.1", inputPerMillion: 2, outputPerMillion: 8, cachedInputPerMillion: 0.5, source: "bot.conf:5"),
            ConfiguredPrice(model: "llama3:70b", inputPerMillion: 0, outputPerMillion: 0, source: "bot.conf:6"),
            ConfiguredPrice(model: "mistral", inputPerMillion: 0.25, outputPerMillion: 0.75, source: "bot.conf:7"),
        ])
        #expect(config.float("costs", "user_daily_usd") == 0.1)
    }

    @Test(arguments: [
        "\"gpt-4o\" = [1]",
        "\"gpt-4o\" = [1, 2, 3, 4]",
        "\"gpt-4o\" = [1, -2]",
        "\"gpt-4o\" = \"cheap\"",
        "\"gpt-4o\" = [\"1\", \"2\"]",
    ])
    func aBadPriceNamesItsLineAndModel(line: String) {
        let (_, problems) = load("[costs.prices]\n" + line)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("bot.conf:2: [costs.prices] \"gpt-4o\"") == true, "\(problems)")
    }

    @Test func otherTablesStayUnknown() {
        let (_, problems) = load("[costs.budgets]\nx = 1")
        #expect(problems.first?.contains("unknown section [costs.budgets]") == true)
    }
}

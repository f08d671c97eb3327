import BotConfig
import Coaching
import Conversation
import CalendarFetch
import Foundation
import Language
import LLM
import Logging
import SchedulerCore
import Storage

/// The composition root: reads the configuration and wires store, prompts and engine together.
struct App {
    let config: ConfigValues
    let logger: Logger
    /// Where the cost log goes when bot.conf does not say (replay on a temporary database keeps it beside it).
    var defaultCostLog: String?

    /// Loads the configuration or exits with every problem listed (the bot refuses to guess).
    static func load(_ options: GlobalOptions, logLevel: Logger.Level = .info) -> App {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        do throws(ConfigError) {
            let config = try ConfigLoader().load(path: options.config)
            let problems = priceProblems(config)
            guard problems.isEmpty else { throw ConfigError(problems: problems) }
            return App(config: config, logger: Logger(label: "scheduler-bot"), defaultCostLog: nil)
        } catch {
            FileHandle.standardError.write(Data("scheduler-bot: configuration problems:\n\(error.description)\n".utf8))
            exit(78) // EX_CONFIG
        }
    }

    /// `[storage] data_dir`, else $XDG_DATA_HOME/scheduler-bot, else ~/.local/share/scheduler-bot.
    var dataDirectory: String {
        let configured = config.string("storage", "data_dir")
        if !configured.isEmpty { return (configured as NSString).expandingTildeInPath }
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/scheduler-bot" }
        return NSHomeDirectory() + "/.local/share/scheduler-bot"
    }

    var databasePath: String { dataDirectory + "/scheduler-bot.sqlite" }
    /// Credentials the bot obtains itself (a Matrix login's token), kept in private files out of the database.
    var secretsDirectory: String { dataDirectory + "/secrets" }

    func openStore(at path: String) throws -> SQLiteStore {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try SQLiteStore(path: path)
    }

    /// `[admin] prompts_dir`, else ./prompts, else the prompts folder of the source tree this binary was built in.
    var promptsDirectory: String? {
        let configured = config.string("admin", "prompts_dir")
        if !configured.isEmpty { return configured }
        let candidates = [
            FileManager.default.currentDirectoryPath + "/prompts",
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("../../../prompts").standardized.path,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/task-categories.txt") }
    }

    func categoryLexicon() -> CategoryLexicon {
        guard let folder = promptsDirectory else {
            logger.warning("prompts/task-categories.txt not found; using the built-in minimal lexicon")
            return .minimal
        }
        let path = folder + "/task-categories.txt"
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return try CategoryLexicon(text: text)
        } catch let error as CategoryLexicon.ParseError {
            logger.error("\(path):\(error.line): \(error.message); using the built-in minimal lexicon")
        } catch {
            logger.error("cannot read \(path): \(error); using the built-in minimal lexicon")
        }
        return .minimal
    }

    /// The admin-editable prompt files, reloaded when they change and on SIGHUP. `waitForEncoder` blocks until
    /// the router trained on the sentence encoder is in force (replay and benchmarks); otherwise the bot answers
    /// at once on hashed features and switches over when the examples are embedded.
    func prompts(waitForEncoder: Bool = false) -> any PromptLibrary {
        guard let folder = promptsDirectory else {
            logger.warning("no prompts folder found; pattern replies and message classification are off")
            return FixedPrompts.empty
        }
        let library = ReloadingPrompts(folder: folder, logger: logger, embedding: sentenceEmbedding(),
                                       cacheFile: EmbeddingCacheFile(path: encoderDirectory + "/embedding-cache.bin"))
        library.reloadOnHangup()
        if waitForEncoder { library.waitUntilTrained() }
        return library
    }

    func engineSettings(waitForEncoder: Bool = false) throws -> EngineSettings {
        let prompts = prompts(waitForEncoder: waitForEncoder)
        return EngineSettings(defaultTimeZone: config.string("general", "timezone"),
                              dateOrder: DateOrder(rawValue: config.string("general", "date_order")) ?? .monthFirst,
                              categories: categoryLexicon(),
                              learner: Learners.named(config.string("learning", "learner")) ?? Learners.standard,
                              prompts: prompts,
                              chat: try chatSettings())
    }

    func engine(store: any SchedulerStore, waitForEncoder: Bool = false) throws -> Engine {
        var settings = try engineSettings(waitForEncoder: waitForEncoder)
        settings.adminUserIDs = Set(config.list("admin", "users"))
        settings.matcher = taskTypeMatcher()
        settings.smartSync = smartSyncSettings()
        settings.smartSync.matcher = insightMatcher()
        settings.calendar = calendarSettings()
        return Engine(store: store, settings: settings, logger: logger)
    }

    /// `[llm]` and `[costs]` mapped onto the LLM module; offline when no endpoint is configured.
    var llmSettings: LLMSettings {
        let key = config.string("llm", "api_key")
        let costLog = config.string("costs", "log_path")
        return LLMSettings(baseURL: config.string("llm", "base_url"),
                           apiKey: key.isEmpty ? nil : APIKey(key),
                           completionsModel: config.string("llm", "completions_model"),
                           assistantModel: config.string("llm", "assistant_model"),
                           embeddingsModel: config.string("llm", "embeddings_model"),
                           timeoutSeconds: config.float("llm", "timeout_seconds"),
                           maxRetries: config.integer("llm", "max_retries"),
                           offlineRepliesPath: (promptsDirectory ?? "prompts") + "/offline-replies.txt",
                           costLogPath: costLog.isEmpty ? defaultCostLog ?? dataDirectory + "/costs.jsonl" : costLog,
                           userHashSalt: config.string("costs", "user_hash_salt"),
                           prices: App.prices(config))
    }

    func chatSettings() throws -> ChatSettings {
        let llm = llmSettings
        let metered = llm.makeMeteredLLM(provider: provider(llm), logger: logger)
        let limits = BudgetLimits(userCallsPerMinute: config.integer("costs", "user_calls_per_minute"),
                                  userDailyUSD: config.float("costs", "user_daily_usd"),
                                  globalDailyUSD: config.float("costs", "global_daily_usd"))
        return ChatSettings(llm: metered, completionsModel: llm.completionsModel, assistantModel: llm.assistantModel,
                            policy: RoutePolicy(assistantForFirstMessages: config.integer("llm", "assistant_first_messages"), limits: limits),
                            pruner: ThreadPruner(keepLast: config.integer("llm", "thread_keep_last")),
                            completionsSystemPrompt: promptText("completions-system.txt") ?? ChatSettings.defaultCompletionsPrompt,
                            assistantSystemPrompt: promptText("assistant-system.txt") ?? ChatSettings.defaultAssistantPrompt,
                            plans: PlanSettings(systemPrompt: promptText("plan-system.txt") ?? PlanSettings.defaultPrompt,
                                                catalog: planCatalog()),
                            maxPromptTokens: config.integer("llm", "max_prompt_tokens"))
    }

    /// The configured provider; a broken offline replies file is reported and replaced by one built-in reply,
    /// so the bot still runs.
    private func provider(_ llm: LLMSettings) -> any LLMProvider {
        do {
            return try llm.makeProvider(logger: logger)
        } catch {
            logger.error("\(error); offline replies fall back to a built-in answer")
            return OfflineProvider(book: .builtIn)
        }
    }

    /// prompts/task-concepts.txt: the synonyms that make "team sync" the same task as "standup".
    func conceptLexicon() -> ConceptLexicon {
        guard let text = promptText("task-concepts.txt") else { return .minimal }
        do {
            return try ConceptLexicon(text: text)
        } catch {
            logger.error("\(promptsDirectory ?? "prompts")/\(error); using the built-in concepts")
            return .minimal
        }
    }

    func planCatalog() -> PlanCatalog {
        guard let text = promptText("plan-categories.txt") else { return PlanCatalog() }
        do {
            return try PlanCatalog(text: text)
        } catch {
            logger.error("\(promptsDirectory ?? "prompts")/plan-categories.txt:\(error.line): \(error.message); plans use no categories")
            return PlanCatalog()
        }
    }

    private func promptText(_ name: String) -> String? {
        guard let folder = promptsDirectory,
              let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Prints a line and flushes at once, so a driving program sees each answer immediately.
@Sendable func printFlushed(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

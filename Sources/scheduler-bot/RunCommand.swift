import ArgumentParser
import Conversation
import Dispatch
import Foundation
import HTTP
import IRC
import Logging
import Matrix
import Storage
import WebFace

/// `scheduler-bot run`: every chat network configured in bot.conf, sharing one engine and one database.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the bot on the chat networks configured in bot.conf.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let app = App.load(global)
        let matrixConfigured = !app.config.string("matrix", "homeserver_url").isEmpty
        let ircConfigured = !app.config.string("irc", "host").isEmpty
        guard matrixConfigured || ircConfigured else {
            printFlushed("""
                No chat network is configured. Copy bot.conf.example to bot.conf, fill in [matrix] and/or [irc], \
                and run: scheduler-bot run --config bot.conf
                (To chat in this terminal instead, run scheduler-bot with no arguments.)
                """)
            throw ExitCode(78)
        }
        let store = try app.openStore(at: app.databasePath)
        let engine = try app.engine(store: store)
        var adapters: [ChatAdapter] = []
        if matrixConfigured { adapters.append(try .matrix(app, engine: engine, store: store)) }
        if let irc = app.ircSettings() { adapters.append(try .irc(irc, engine: engine)) }
        let listener = try await app.startWebListener(engine: engine, probes: app.networkProbes)
        var failure: (any Error)?
        do {
            // Past the networks' own drain, the QUIT and the HTTP listener's stop: only a hung call is still going.
            try await ChatAdapter.runAll(adapters, shutdownDeadline: app.drainTimeout + .seconds(20))
        } catch {
            failure = error
        }
        // After the chat networks drained: requests in flight get their answer before the process exits.
        await listener?.stop()
        if let failure {
            FileHandle.standardError.write(Data("scheduler-bot: \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension App {
    /// `[general] drain_timeout_seconds`: how long a shutdown waits for each network's answers in hand.
    var drainTimeout: Duration { .milliseconds(Int((config.float("general", "drain_timeout_seconds") * 1000).rounded())) }
}

/// One chat front end, as `run` sees it: a name and a loop that returns when cancelled and throws
/// when it cannot go on (e.g. rejected credentials).
struct ChatAdapter: Sendable {
    let name: String
    let run: @Sendable () async throws -> Void

    static func matrix(_ app: App, engine: Engine, store: SQLiteStore) throws -> ChatAdapter {
        let config = app.config
        var settings = MatrixSettings(
            homeserverURL: config.string("matrix", "homeserver_url"),
            userID: config.string("matrix", "user_id"),
            accessToken: config.string("matrix", "access_token"),
            password: config.string("matrix", "password"),
            allowedInviters: config.list("matrix", "allowed_inviters"),
            admins: Set(config.list("matrix", "admins") + config.list("admin", "users")))
        let tokenFile = AccessTokenFile(directory: app.secretsDirectory, userID: settings.userID)
        try tokenFile.adoptDatabaseToken(from: store, userID: settings.userID)
        settings.tokenFile = tokenFile
        settings.encryption = config.boolean("matrix", "encryption")
        settings.drainTimeout = app.drainTimeout
        settings.pickleKey = config.string("matrix", "pickle_key").isEmpty ? nil : config.string("matrix", "pickle_key")
        // TEST ONLY (fault tests): kill the process at a chosen point of handling a message.
        settings.testCrashPoint = ProcessInfo.processInfo.environment["SCHEDULER_BOT_TEST_CRASH_AT"].flatMap(CrashPoint.init(rawValue:))
        // TEST ONLY: how soon an undecryptable message gets its notice (minutes in production).
        if let seconds = ProcessInfo.processInfo.environment["SCHEDULER_BOT_TEST_UNDECRYPTABLE_NOTICE_SECONDS"].flatMap(Double.init) {
            settings.undecryptableNoticeDelay = seconds
        }
        let adapter = MatrixAdapter(settings: settings, engine: engine, http: CurlHTTPClient(maxResponseBytes: 32 << 20),
                                    logger: Logger(label: "scheduler-bot.matrix"), cryptoStore: store)
        return ChatAdapter(name: "matrix") { try await adapter.run() }
    }

    static func irc(_ settings: IRCSettings, engine: Engine) throws -> ChatAdapter {
        do {
            try settings.validate()
        } catch {
            throw ValidationError("[irc] \(error)")
        }
        let adapter = IRCAdapter(settings: settings, handler: engine, logger: Logger(label: "scheduler-bot.irc"))
        return ChatAdapter(name: "irc") { try await adapter.run() }
    }

    /// Runs every adapter concurrently until SIGINT/SIGTERM (each stops reading, finishes the answers in hand
    /// within its deadline and says goodbye) or until one fails, which stops the others. A second signal
    /// exits at once, for an operator who will not wait for the drain, and so does a drain that outlasts
    /// `shutdownDeadline` (a model call that hangs): what was not committed is answered after the restart.
    static func runAll(_ adapters: [ChatAdapter], shutdownDeadline: Duration = .seconds(30)) async throws {
        let running = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for adapter in adapters {
                    group.addTask {
                        do { try await adapter.run() } catch { throw AdapterFailure(name: adapter.name, underlying: error) }
                    }
                }
                try await group.waitForAll()
            }
        }
        let signalsSeen = SignalCount()
        let signalSources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN) // let the dispatch source, not the default handler, see the signal
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard signalsSeen.increment() > 1 else {
                    running.cancel()
                    let seconds = Double(shutdownDeadline.components.seconds) + Double(shutdownDeadline.components.attoseconds) / 1e18
                    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                        FileHandle.standardError.write(Data("scheduler-bot: still stopping after \(Int(seconds)) s; exiting\n".utf8))
                        exit(128 + number)
                    }
                    return
                }
                FileHandle.standardError.write(Data("scheduler-bot: second signal; exiting without finishing the answers in hand\n".utf8))
                exit(128 + number)
            }
            source.resume()
            return source
        }
        defer { signalSources.forEach { $0.cancel() } }
        try await running.value
    }
}

/// Signals received so far, counted on the signal sources' queue.
private final class SignalCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int { lock.withLock { count += 1; return count } }
}

struct AdapterFailure: Error, CustomStringConvertible {
    let name: String
    let underlying: any Error
    var description: String { "\(name): \(underlying)" }
}

import Coaching
import Conversation
import Foundation
import Storage

/// bench: the non-LLM path at scale. Builds a population in a temporary WAL SQLite file, then replays a
/// message mix through the real engine (no chat server, no model) and times every message, commit included.
public struct ScaleBenchmark: Sendable {
    public struct Options: Sendable {
        public var users: Int
        public var eventsPerUser: Int
        public var messages: Int
        public var seed: UInt64
        /// Messages replayed before timing starts (caches warm, code paged in).
        public var warmUp: Int
        /// Timed runs of the slot finder (ten times as many learning updates); the median is reported.
        public var coreRepetitions: Int
        /// Folder for the temporary database (deleted at the end).
        public var folder: URL

        public init(users: Int = 10_000, eventsPerUser: Int = 250, messages: Int = 20_000, seed: UInt64 = 42,
                    warmUp: Int = 500, coreRepetitions: Int = 2000, folder: URL = FileManager.default.temporaryDirectory) {
            self.users = users
            self.eventsPerUser = eventsPerUser
            self.messages = messages
            self.seed = seed
            self.warmUp = warmUp
            self.coreRepetitions = coreRepetitions
            self.folder = folder
        }
    }

    let prompts: any PromptLibrary
    let matcher: TaskTypeMatcher

    /// `matcher` is the bot's own task-name matcher (with the sentence encoder when it is there), so the command
    /// path is timed as it runs.
    public init(prompts: any PromptLibrary, matcher: TaskTypeMatcher = TaskTypeMatcher()) {
        self.prompts = prompts
        self.matcher = matcher
    }

    public func run(_ options: Options) async throws -> ScaleReport {
        let baselineRSS = ProcessMemory.residentBytes() ?? 0
        let database = TemporaryDatabase(folder: options.folder)
        defer { database.remove() }
        let population = Population(users: options.users, pastEventsPerUser: options.eventsPerUser)
        let load = try timed { try population.load(into: SQLiteStore(path: database.path)) }
        var report = ScaleReport(users: options.users, taskTypesPerUser: population.taskTypesPerUser, eventsPerUser: population.eventsPerUser, loadSeconds: load.seconds)
        report.databaseBytes = database.bytesOnDisk()
        report.loadedRSS = ProcessMemory.residentBytes() ?? 0
        report.baselineRSS = baselineRSS

        // A fresh store and engine, as a restarted bot would open them: the first message pays every cold cost.
        let mix = MessageMix(count: options.messages + options.warmUp + 1, population: population, seed: options.seed)
        let first = try await timedAsync {
            var settings = EngineSettings(prompts: prompts)
            settings.matcher = matcher
            let engine = Engine(store: try SQLiteStore(path: database.path), settings: settings)
            _ = await engine.handle(mix.messages[0].inbound)
            return engine
        }
        report.startupMicroseconds = first.seconds * 1e6
        let engine = first.value
        for message in mix.messages.dropFirst().prefix(options.warmUp) { _ = await engine.handle(message.inbound) }
        try await replay(mix.messages.dropFirst(1 + options.warmUp), through: engine, into: &report)
        report.steadyRSS = ProcessMemory.residentBytes() ?? 0
        report.slotFinderMicroseconds = CoreTimings.slotFinder(repetitions: options.coreRepetitions)
        report.learningUpdateMicroseconds = CoreTimings.learningUpdate(repetitions: options.coreRepetitions * 10)
        report.scoringWeekMicroseconds = CoreTimings.scoringWeek(repetitions: options.coreRepetitions)
        return report
    }

    private func replay(_ messages: ArraySlice<MessageMix.Message>, through engine: Engine, into report: inout ScaleReport) async throws {
        var samples: [MessageMix.Kind: [Double]] = [:]
        var cpuSamples: [MessageMix.Kind: [Double]] = [:]
        var effective: [MessageMix.Kind: Int] = [:]
        let clock = ContinuousClock()
        let started = clock.now
        let startedCPU = ProcessClock.cpuMicroseconds()
        for message in messages {
            let before = clock.now
            let beforeCPU = ProcessClock.cpuMicroseconds()
            let response = await engine.handle(message.inbound)
            cpuSamples[message.kind, default: []].append(ProcessClock.cpuMicroseconds() - beforeCPU)
            samples[message.kind, default: []].append((clock.now - before).microseconds)
            if ScaleBenchmark.didItsJob(message.kind, response) { effective[message.kind, default: 0] += 1 }
        }
        report.replaySeconds = (clock.now - started).microseconds / 1e6
        report.replayCPUSeconds = (ProcessClock.cpuMicroseconds() - startedCPU) / 1e6
        report.messages = messages.count
        report.kinds = MessageMix.Kind.allCases.compactMap { kind in
            guard let kindSamples = samples[kind] else { return nil }
            return ScaleReport.KindLine(kind: kind.rawValue, latency: LatencySummary(microseconds: kindSamples),
                                        cpu: LatencySummary(microseconds: cpuSamples[kind] ?? []), effective: effective[kind] ?? 0)
        }
        report.schedule = LatencySummary(microseconds: (samples[.schedule] ?? []) + (samples[.scheduleAt] ?? []))
    }

    /// Whether a reply did what its kind is for, so a silently failing path cannot look fast.
    static func didItsJob(_ kind: MessageMix.Kind, _ response: Response) -> Bool {
        switch kind {
        case .schedule, .done, .cancel: response.event != nil
        case .scheduleAt: response.intent == .schedule && !response.replies.isEmpty
        case .agenda: response.intent == .agenda && !response.replies.isEmpty
        case .greeting: response.route == .pattern
        }
    }
}

extension MessageMix.Message {
    var inbound: InboundMessage { InboundMessage(network: .replay, userID: user, text: text, receivedAt: at) }
}

func timed<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
    let clock = ContinuousClock()
    let started = clock.now
    let value = try body()
    return (value, (clock.now - started).microseconds / 1e6)
}

func timedAsync<T>(_ body: () async throws -> T) async rethrows -> (value: T, seconds: Double) {
    let clock = ContinuousClock()
    let started = clock.now
    let value = try await body()
    return (value, (clock.now - started).microseconds / 1e6)
}

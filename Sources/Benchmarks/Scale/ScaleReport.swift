import Foundation
import SchedulerCore

/// What one scale run measured.
public struct ScaleReport: Sendable {
    public struct KindLine: Sendable, Equatable {
        public var kind: String
        public var latency: LatencySummary
        /// Process CPU time per message: the cost without the wait for a core on a shared machine.
        public var cpu: LatencySummary
        /// Messages whose reply did the kind's job (an event placed, an outcome recorded, an agenda shown...).
        public var effective: Int
    }

    public var users: Int
    public var taskTypesPerUser: Int
    public var eventsPerUser: Int
    public var loadSeconds: Double
    public var databaseBytes = 0
    public var baselineRSS = 0
    public var loadedRSS = 0
    public var steadyRSS = 0
    /// Opening the store and engine and answering the first message.
    public var startupMicroseconds = 0.0
    public var messages = 0
    public var replaySeconds = 0.0
    public var replayCPUSeconds = 0.0
    public var kinds: [KindLine] = []
    /// Both schedule kinds together (with and without a time).
    public var schedule = LatencySummary(microseconds: [])
    public var slotFinderMicroseconds = 0.0
    /// One update of the default learner, and the week it scores one placement with.
    public var learningUpdateMicroseconds = 0.0
    public var scoringWeekMicroseconds = 0.0

    init(users: Int, taskTypesPerUser: Int, eventsPerUser: Int, loadSeconds: Double) {
        self.users = users
        self.taskTypesPerUser = taskTypesPerUser
        self.eventsPerUser = eventsPerUser
        self.loadSeconds = loadSeconds
    }

    public var throughput: Double { replaySeconds > 0 ? Double(messages) / replaySeconds : 0 }
    /// Messages per second of CPU: the throughput of one core that is not shared.
    public var throughputPerCPUSecond: Double { replayCPUSeconds > 0 ? Double(messages) / replayCPUSeconds : 0 }
    public var rowsLoaded: Int { users * (1 + taskTypesPerUser + eventsPerUser) }
    public var databaseBytesPerUser: Double { Double(databaseBytes) / Double(max(1, users)) }
    /// Growth of resident memory over the process's start, spread over the population.
    public var residentBytesPerUser: Double { Double(max(0, steadyRSS - baselineRSS)) / Double(max(1, users)) }
    public var done: LatencySummary { kinds.first { $0.kind == MessageMix.Kind.done.rawValue }?.latency ?? LatencySummary(microseconds: []) }

    /// The machine-readable summary; always the last line of the output.
    public var summaryLine: String {
        String(format: "p99_schedule_us=%.0f p99_done_us=%.0f throughput_msgs_per_s=%.0f", schedule.p99, done.p99, throughput)
    }
}

extension ScaleReport {
    public var table: String {
        let mib = 1024.0 * 1024
        var lines = [
            "population: \(users) users, \(taskTypesPerUser) task types each, \(eventsPerUser) events per user",
            String(format: "load: %.1f s (%.0f rows/s, batched transactions)", loadSeconds, Double(rowsLoaded) / max(loadSeconds, 1e-9)),
            String(format: "database: %.1f MiB, %.1f KiB per user", Double(databaseBytes) / mib, databaseBytesPerUser / 1024),
            String(format: "start-up to first message: %.1f ms (open store, engine, first reply)", startupMicroseconds / 1000),
            "",
            String(format: "replay: %d messages in %.2f s on one task: %.0f msgs/s (%.2f s CPU: %.0f msgs per CPU-second)",
                   messages, replaySeconds, throughput, replayCPUSeconds, throughputPerCPUSecond),
            "kind           count    did-job    p50 us     p99 us     max us   cpu p50 us  cpu p99 us",
        ]
        for line in kinds {
            lines.append(line.kind.padding(toLength: 12, withPad: " ", startingAt: 0)
                         + String(format: "%8d %9d %10.0f %10.0f %10.0f %12.0f %11.0f", line.latency.count, line.effective,
                                  line.latency.p50, line.latency.p99, line.latency.max, line.cpu.p50, line.cpu.p99))
        }
        lines.append("schedule (both)".padding(toLength: 15, withPad: " ", startingAt: 0)
                     + String(format: "%5d           %10.0f %10.0f %10.0f", schedule.count, schedule.p50, schedule.p99, schedule.max))
        lines += [
            "",
            String(format: "slot finder, full week at 15-min steps: %.1f us", slotFinderMicroseconds),
            "learning update (local hours + \(Learners.defaultName)): " + String(format: "%.2f us", learningUpdateMicroseconds),
            String(format: "learner's scoring week for one placement: %.2f us", scoringWeekMicroseconds),
            String(format: "resident memory: %.1f MiB at start, %.1f MiB after load, %.1f MiB steady; %.0f bytes per user",
                   Double(baselineRSS) / mib, Double(loadedRSS) / mib, Double(steadyRSS) / mib, residentBytesPerUser),
            summaryLine,
        ]
        return lines.joined(separator: "\n")
    }

    public var json: String {
        var fields = [
            "\"users\":\(users)", "\"events_per_user\":\(eventsPerUser)", "\"load_s\":\(loadSeconds)",
            "\"database_bytes\":\(databaseBytes)", "\"database_bytes_per_user\":\(databaseBytesPerUser)",
            "\"startup_us\":\(startupMicroseconds)", "\"messages\":\(messages)", "\"replay_s\":\(replaySeconds)",
            "\"throughput_msgs_per_s\":\(throughput)", "\"replay_cpu_s\":\(replayCPUSeconds)",
            "\"msgs_per_cpu_s\":\(throughputPerCPUSecond)",
        ]
        fields.append("\"kinds\":[" + kinds.map {
            "{\"kind\":\"\($0.kind)\",\"count\":\($0.latency.count),\"effective\":\($0.effective),\"p50_us\":\($0.latency.p50),\"p99_us\":\($0.latency.p99),\"max_us\":\($0.latency.max),\"cpu_p50_us\":\($0.cpu.p50),\"cpu_p99_us\":\($0.cpu.p99)}"
        }.joined(separator: ",") + "]")
        fields += [
            "\"p99_schedule_us\":\(schedule.p99)", "\"p99_done_us\":\(done.p99)",
            "\"slot_finder_us\":\(slotFinderMicroseconds)", "\"learning_update_us\":\(learningUpdateMicroseconds)",
            "\"scoring_week_us\":\(scoringWeekMicroseconds)",
            "\"rss_baseline_bytes\":\(baselineRSS)", "\"rss_loaded_bytes\":\(loadedRSS)", "\"rss_steady_bytes\":\(steadyRSS)",
            "\"rss_bytes_per_user\":\(residentBytesPerUser)",
        ]
        return "{" + fields.joined(separator: ",") + "}\n" + summaryLine
    }
}

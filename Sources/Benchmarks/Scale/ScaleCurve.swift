import Foundation

/// How the cost of a message grows with a user's history: one scale run per events-per-user step.
public struct ScaleCurve: Sendable {
    public static let defaultSteps = [10, 100, 1000, 10_000]

    public var reports: [ScaleReport]

    public init(benchmark: ScaleBenchmark, options: ScaleBenchmark.Options, steps: [Int] = ScaleCurve.defaultSteps) async throws {
        var reports: [ScaleReport] = []
        for events in steps {
            var step = options
            step.eventsPerUser = events
            reports.append(try await benchmark.run(step))
        }
        self.reports = reports
    }

    public var table: String {
        let kinds = MessageMix.Kind.allCases.map(\.rawValue)
        var lines = ["cost per message by events per user (\(reports.first?.users ?? 0) users; p50/p99 in us)",
                     "events  msgs/s  msgs/cpu-s  " + kinds.map { $0.padding(toLength: 13, withPad: " ", startingAt: 0) }.joined()]
        for report in reports {
            var line = String(format: "%6d %7.0f %11.0f  ", report.eventsPerUser, report.throughput, report.throughputPerCPUSecond)
            for kind in kinds {
                let latency = report.kinds.first { $0.kind == kind }?.latency
                let cell = latency.map { String(format: "%.0f/%.0f", $0.p50, $0.p99) } ?? "-"
                line += cell.padding(toLength: 13, withPad: " ", startingAt: 0)
            }
            lines.append(line)
        }
        if let last = reports.last { lines.append(last.summaryLine) }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        "[" + reports.map { $0.json.split(separator: "\n").first.map(String.init) ?? "{}" }.joined(separator: ",") + "]\n"
            + (reports.last?.summaryLine ?? "")
    }
}

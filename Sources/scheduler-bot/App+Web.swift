import Conversation
import Foundation
import Metrics
import Prometheus
import WebFace

extension App {
    /// One Prometheus registry for the process; swift-metrics can be bootstrapped once only.
    nonisolated(unsafe) private static var registry: PrometheusCollectorRegistry?
    private static let bootstrapLock = NSLock()

    static func prometheusRegistry() -> PrometheusCollectorRegistry {
        bootstrapLock.lock()
        defer { bootstrapLock.unlock() }
        if let registry { return registry }
        let made = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: made))
        registry = made
        return made
    }

    /// The networks `run` serves, as health probes.
    var networkProbes: [NetworkProbe] {
        var probes: [NetworkProbe] = []
        let homeserver = config.string("matrix", "homeserver_url")
        if !homeserver.isEmpty { probes.append(NetworkProbe(name: "matrix", target: .matrix(homeserver: homeserver))) }
        let ircHost = config.string("irc", "host")
        if !ircHost.isEmpty { probes.append(NetworkProbe(name: "irc", target: .irc(host: ircHost, port: config.integer("irc", "port")))) }
        return probes
    }

    /// Starts the listener when `[http] listen` is set; nil when it is not.
    /// `scriptedClock`: feeds follow the messages' clock (replay), not the wall clock.
    func startWebListener(engine: Engine, probes: [NetworkProbe], scriptedClock: Bool = false) async throws -> WebListener? {
        let listen = config.string("http", "listen")
        guard !listen.isEmpty else { return nil }
        let registry = App.prometheusRegistry()
        let routes = WebRoutes(feeds: engine, health: {
            var problems: [String] = []
            if let store = await engine.storeProblem() { problems.append(store) }
            for probe in probes { if let problem = await probe.problem() { problems.append(problem) } }
            return problems
        }, metrics: { registry.emitToBuffer() }, clock: { scriptedClock ? nil : Date() })
        let listener = try WebListener(listen: listen, routes: routes, logger: logger)
        let port = try await listener.start()
        // Tools that asked for port 0 learn the real one here (stderr, so replay's stdout stays JSON only).
        FileHandle.standardError.write(Data("scheduler-bot: HTTP listener on \(listen.split(separator: ":").dropLast().joined(separator: ":")):\(port)\n".utf8))
        return listener
    }
}

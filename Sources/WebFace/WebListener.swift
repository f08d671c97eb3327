import FlyingFox
import FlyingSocks
import Foundation
import Logging

/// The bot's HTTP listener (FlyingFox): /healthz, /metrics and /ics/<token>.ics, answered by `WebRoutes`.
public actor WebListener {
    public enum ListenError: Error, CustomStringConvertible {
        case badAddress(String)
        public var description: String {
            switch self {
            case .badAddress(let text): "[http] listen = \"\(text)\" is not host:port with a numeric IPv4 or IPv6 address (e.g. 127.0.0.1:8080)"
            }
        }
    }

    private let server: HTTPServer
    private var task: Task<Void, any Error>?
    private let logger: Logger

    /// `listen` is `127.0.0.1:8080`, `0.0.0.0:8080` or `[::1]:8080`; port 0 picks a free one (tests).
    public init(listen: String, routes: WebRoutes, logger: Logger = Logger(label: "scheduler-bot.http")) throws {
        self.logger = logger
        guard let colon = listen.lastIndex(of: ":"), let port = UInt16(listen[listen.index(after: colon)...]) else {
            throw ListenError.badAddress(listen)
        }
        var host = String(listen[..<colon])
        if host == "localhost" { host = "127.0.0.1" }
        let handler = RoutesHandler(routes: routes)
        do {
            if host.hasPrefix("["), host.hasSuffix("]") {
                server = HTTPServer(address: try sockaddr_in6.inet6(ip6: String(host.dropFirst().dropLast()), port: port),
                                    timeout: 15, logger: .disabled, handler: handler)
            } else {
                server = HTTPServer(address: try sockaddr_in.inet(ip4: host, port: port), timeout: 15, logger: .disabled, handler: handler)
            }
        } catch {
            throw ListenError.badAddress(listen)
        }
    }

    /// Starts listening; returns the bound port.
    @discardableResult
    public func start() async throws -> Int {
        let server = self.server
        let running = Task { try await server.run() }
        task = running
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            // The server's own failure (address in use, say) says more than the wait's timeout.
            running.cancel()
            if case .failure(let failure) = await running.result { throw failure }
            throw error
        }
        let port: Int
        switch await server.listeningAddress {
        case .ip4(_, let bound): port = Int(bound)
        case .ip6(_, let bound): port = Int(bound)
        default: port = 0
        }
        logger.info("HTTP listener ready", metadata: ["port": "\(port)"])
        return port
    }

    public func stop() async {
        await server.stop(timeout: 2)
        task?.cancel()
        task = nil
    }
}

struct RoutesHandler: HTTPHandler {
    let routes: WebRoutes

    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        var headers: [String: String] = [:]
        for (name, values) in zip(request.headers.keys, request.headers.values) {
            headers[name.rawValue.lowercased()] = values.joined(separator: ", ")
        }
        let answer = await routes.answer(method: request.method.rawValue, path: request.path, headers: headers)
        var fields = FlyingFox.HTTPHeaders()
        for (name, value) in answer.headers { fields.addValue(value, for: HTTPHeader(name)) }
        return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: WebListener.phrase(answer.status)),
                                      headers: fields, body: Data(answer.body))
    }
}

extension WebListener {
    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

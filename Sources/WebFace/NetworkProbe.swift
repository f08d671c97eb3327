import CalendarFetch
import FlyingSocks
import Foundation
import HTTP

/// Whether a configured chat network can be reached: the Matrix homeserver answers its versions endpoint, the
/// IRC server accepts a TCP connection. Results are kept a few seconds so a busy monitor costs the servers little.
public actor NetworkProbe {
    public enum Target: Sendable {
        case matrix(homeserver: String)
        case irc(host: String, port: Int)
    }

    public let name: String
    let target: Target
    private var cached: (at: ContinuousClock.Instant, problem: String?)?

    public init(name: String, target: Target) {
        self.name = name
        self.target = target
    }

    /// Nil when up, else why not.
    public func problem() async -> String? {
        if let cached, cached.at.duration(to: .now) < .seconds(10) { return cached.problem }
        let problem = await check()
        cached = (.now, problem)
        return problem
    }

    private func check() async -> String? {
        switch target {
        case .matrix(let homeserver):
            let url = homeserver.trimmingCharacters(in: ["/"]) + "/_matrix/client/versions"
            do {
                let response = try await CurlHTTPClient(maxResponseBytes: 1 << 16)
                    .send(HTTPRequest(url: url, timeout: .seconds(3), connectTimeout: .seconds(2)))
                return response.status == 200 ? nil : "\(name): homeserver answered HTTP \(response.status)"
            } catch {
                return "\(name): homeserver unreachable (\(error))"
            }
        case .irc(let host, let port):
            do {
                let addresses = try AddressPolicy.resolve(host, port: port)
                guard let address = addresses.first else { return "\(name): \(host) does not resolve" }
                let socket: AsyncSocket
                if address.contains(":") {
                    socket = try await AsyncSocket.connected(to: sockaddr_in6.inet6(ip6: address, port: UInt16(port)), timeout: 3)
                } else {
                    socket = try await AsyncSocket.connected(to: sockaddr_in.inet(ip4: address, port: UInt16(port)), timeout: 3)
                }
                try? socket.close()
                return nil
            } catch {
                return "\(name): \(host):\(port) refuses connections"
            }
        }
    }
}

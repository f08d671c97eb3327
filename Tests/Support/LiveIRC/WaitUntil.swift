/// Waits until `condition` holds, looking every 20 ms; throws naming `what` after `timeout`.
public func waitUntil(_ what: String, timeout: Duration = .seconds(30), _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { throw RawIRCClient.Timeout(waitingFor: what, seen: []) }
        try await Task.sleep(for: .milliseconds(20))
    }
}

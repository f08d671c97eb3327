import Testing

/// Every test against a real Synapse lives under this suite, one at a time: they share two cores
/// with the homeserver, and latency figures are only meaningful without neighbours.
@Suite(.serialized, .timeLimit(.minutes(5))) struct LiveSynapse {}

/// The bot's log lines `sync_to_send_ms=…`: time from a /sync answer to the first send request.
func syncToSendMilliseconds(in log: String) -> [Double] {
    log.split(separator: "\n").compactMap { line in
        guard let range = line.range(of: "sync_to_send_ms=") else { return nil }
        return Double(line[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }
}

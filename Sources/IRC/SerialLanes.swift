import Foundation

/// Work per key (a person), one item at a time in the order it was submitted; different keys run side by side.
/// Each lane holds at most `limit` items, so one person flooding the bot cannot queue work without bound.
///
/// The work runs in unstructured tasks, so cancelling whoever submitted it (a shutdown) does not stop it:
/// `waitForAll()` is how a shutdown lets the answers in hand finish.
actor SerialLanes<Key: Hashable & Sendable> {
    private struct Lane {
        var tail: Task<Void, Never>
        var depth: Int
    }

    private let limit: Int
    private var lanes: [Key: Lane] = [:]

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Queues `work` behind the key's earlier work; false (and nothing queued) when the lane is full.
    func submit(_ key: Key, _ work: @escaping @Sendable () async -> Void) -> Bool {
        let previous = lanes[key]
        if let previous, previous.depth >= limit { return false }
        let tail = Task {
            await previous?.tail.value
            await work()
            finished(key)
        }
        lanes[key] = Lane(tail: tail, depth: (previous?.depth ?? 0) + 1)
        return true
    }

    /// Items queued or running, over all keys.
    var pending: Int { lanes.values.reduce(0) { $0 + $1.depth } }

    /// Returns once every lane is empty, including work submitted while waiting.
    func waitForAll() async {
        while let lane = lanes.values.first { await lane.tail.value }
    }

    private func finished(_ key: Key) {
        guard var lane = lanes[key] else { return }
        lane.depth -= 1
        lanes[key] = lane.depth == 0 ? nil : lane
    }
}

import Foundation

/// Waits for `work` until `deadline`; true when it finished in time. Work still running at the deadline goes on
/// unobserved, and waiting does not end early when the caller is cancelled (a shutdown calls this to drain).
public func finishes(by deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () async -> Void) async -> Bool {
    let outcome = FirstOutcome()
    return await withCheckedContinuation { continuation in
        outcome.set(continuation)
        Task {
            await work()
            outcome.resolve(true)
        }
        Task {
            try? await Task.sleep(until: deadline)
            outcome.resolve(false)
        }
    }
}

/// Resumes a continuation with whichever outcome comes first, even one that came before the continuation did.
final class FirstOutcome: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Bool, Never>?
    private var early: Bool?
    private var isResolved = false

    func set(_ continuation: CheckedContinuation<Bool, Never>) {
        let value: Bool? = lock.withLock {
            guard let early else {
                self.continuation = continuation
                return nil
            }
            return early
        }
        if let value { continuation.resume(returning: value) }
    }

    func resolve(_ value: Bool) {
        let waiting: CheckedContinuation<Bool, Never>? = lock.withLock {
            guard !isResolved else { return nil }
            isResolved = true
            guard let continuation else {
                early = value
                return nil
            }
            self.continuation = nil
            return continuation
        }
        waiting?.resume(returning: value)
    }
}

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

/// One shutdown's deadline, shared by everything that drains in it: until `start()` (a shutdown was asked for)
/// waiting is unbounded, from then on it ends `timeout` later, for every wait at once.
public final class Drain: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private let timeout: Duration
    private var deadline: ContinuousClock.Instant?
    private var unarmed: [Int: FirstOutcome] = [:]
    private var nextID = 0

    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Starts the clock; later calls keep the first deadline.
    public func start() {
        lock.lock()
        guard deadline == nil else {
            lock.unlock()
            return
        }
        let deadline = ContinuousClock.now + timeout
        self.deadline = deadline
        let outcomes = unarmed.values
        unarmed = [:]
        lock.unlock()
        for outcome in outcomes { Self.arm(outcome, at: deadline) }
    }

    public var hasStarted: Bool { lock.withLock { deadline != nil } }

    /// Waits for `work`; true when it finished before the drain's deadline. Work still running then goes on
    /// unobserved, and the wait does not end early when the caller is cancelled.
    public func waitFor(_ work: Task<Void, Never>) async -> Bool {
        let outcome = FirstOutcome()
        let id = register(outcome)
        let finished = await withCheckedContinuation { continuation in
            outcome.set(continuation)
            Task {
                await work.value
                outcome.resolve(true)
            }
        }
        forget(id)
        return finished
    }

    /// Arms `outcome` now when the drain has started, else when it starts.
    private func register(_ outcome: FirstOutcome) -> Int {
        lock.lock()
        guard let deadline else {
            nextID += 1
            unarmed[nextID] = outcome
            defer { lock.unlock() }
            return nextID
        }
        lock.unlock()
        Self.arm(outcome, at: deadline)
        return 0
    }

    private func forget(_ id: Int) {
        lock.lock()
        unarmed[id] = nil
        lock.unlock()
    }

    private static func arm(_ outcome: FirstOutcome, at deadline: ContinuousClock.Instant) {
        Task {
            try? await Task.sleep(until: deadline)
            outcome.resolve(false)
        }
    }
}

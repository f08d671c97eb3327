import Synchronization

/// Set from any thread when the awaiting task is cancelled; read by the curl worker thread.
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func cancel() { flag.store(true, ordering: .relaxed) }
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Delivers exactly one result to the awaiting task, whichever comes first: the worker
/// finishing, or the task being cancelled (possibly before the continuation exists).
final class TransferOutcome: Sendable {
    private enum State {
        case waiting
        case awaiting(CheckedContinuation<HTTPResponse, any Error>)
        case cancelledEarly
        case delivered
    }

    let cancellation = CancellationFlag()
    private let state = Mutex<State>(.waiting)

    /// Returns false when the result was already decided (cancelled early) and resumed here.
    func install(_ continuation: CheckedContinuation<HTTPResponse, any Error>) -> Bool {
        let cancelledEarly = state.withLock { state -> Bool in
            if case .cancelledEarly = state {
                state = .delivered
                return true
            }
            state = .awaiting(continuation)
            return false
        }
        if cancelledEarly { continuation.resume(throwing: HTTPClientError.cancelled) }
        return !cancelledEarly
    }

    func finish(with result: Result<HTTPResponse, HTTPClientError>) {
        let continuation = state.withLock { state -> CheckedContinuation<HTTPResponse, any Error>? in
            switch state {
            case .awaiting(let continuation):
                state = .delivered
                return continuation
            case .waiting:
                state = .cancelledEarly
                return nil
            case .cancelledEarly, .delivered:
                return nil
            }
        }
        continuation?.resume(with: result.mapError { $0 as any Error })
    }
}

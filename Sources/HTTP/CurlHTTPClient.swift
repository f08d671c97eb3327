import Foundation

/// `HTTPClient` on libcurl. Each request runs the blocking `curl_easy_perform` on its own
/// thread, so 30 s long-polls never occupy the (two-thread) cooperative pool and any number
/// of requests can be in flight at once.
public struct CurlHTTPClient: HTTPClient {
    /// Bodies beyond this many bytes are cut off with `responseTooLarge`, so a hostile server
    /// cannot exhaust memory.
    public var maxResponseBytes: Int
    public var userAgent: String

    public init(maxResponseBytes: Int = 8 << 20, userAgent: String = "scheduler-bot") {
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if Task.isCancelled { throw HTTPClientError.cancelled }
        let transfer = CurlTransfer(request: request, maxResponseBytes: maxResponseBytes, userAgent: userAgent)
        let outcome = TransferOutcome()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard outcome.install(continuation) else { return }
                let worker = Thread {
                    outcome.finish(with: transfer.perform(cancellation: outcome.cancellation))
                }
                worker.name = "curl-transfer"
                worker.start()
            }
        } onCancel: {
            // Resume the caller now; the worker notices the flag at libcurl's next progress
            // callback (at most about a second later) and aborts the transfer.
            outcome.cancellation.cancel()
            outcome.finish(with: .failure(.cancelled))
        }
    }
}

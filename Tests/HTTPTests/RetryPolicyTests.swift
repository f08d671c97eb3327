import LLM
import Testing

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 4, baseDelay: .milliseconds(100), maxDelay: .seconds(1))

    @Test func backoffDoublesUpToTheCap() {
        let full = (1...4).map { policy.delay(beforeRetry: $0, retryAfter: nil, jitter: 1) }
        #expect(full == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800)])
        let capped = RetryPolicy(maxRetries: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        #expect(capped.delay(beforeRetry: 8, retryAfter: nil, jitter: 1) == .seconds(1))
    }

    @Test(arguments: [0.0, 0.25, 0.5, 0.99, 1.0])
    func jitterStaysWithinHalfToFullBackoff(jitter: Double) throws {
        let wait = try #require(policy.delay(beforeRetry: 3, retryAfter: nil, jitter: jitter))
        #expect(wait >= .milliseconds(200) && wait <= .milliseconds(400))
    }

    @Test func retryAfterIsAFloor() {
        #expect(policy.delay(beforeRetry: 1, retryAfter: .milliseconds(700), jitter: 0) == .milliseconds(700))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .milliseconds(10), jitter: 1) == .milliseconds(100))
    }

    @Test func givesUpPastTheBounds() {
        #expect(policy.delay(beforeRetry: 5, retryAfter: nil, jitter: 0.5) == nil)
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(2), jitter: 0.5) == nil)
        #expect(RetryPolicy(maxRetries: 0).delay(beforeRetry: 1, retryAfter: nil, jitter: 0.5) == nil)
    }
}

import Testing
@testable import IRC

@Suite("Flood control token bucket")
struct TokenBucketTests {
    let start = ContinuousClock.now

    @Test func allowsTheBurstThenWaitsForRefill() {
        var bucket = TokenBucket(capacity: 4, refillPerSecond: 1, now: start)
        for _ in 0..<4 { #expect(bucket.take(now: start) == .zero) }
        let wait = bucket.take(now: start)
        #expect(wait == .seconds(1))
        #expect(bucket.take(now: start + .milliseconds(500)) == .milliseconds(500))
        #expect(bucket.take(now: start + .seconds(1)) == .zero)
    }

    @Test func sustainedRateMatchesTheRefillRate() {
        var bucket = TokenBucket(capacity: 2, refillPerSecond: 4, now: start)
        var now = start
        var sent = 0
        while now <= start + .seconds(10) {
            let wait = bucket.take(now: now)
            if wait == .zero { sent += 1 } else { now += wait }
        }
        #expect(sent == 2 + 40)  // the burst plus 4 per second for 10 seconds
    }

    @Test func neverHoldsMoreThanItsCapacity() {
        var bucket = TokenBucket(capacity: 3, refillPerSecond: 10, now: start)
        #expect(bucket.available(now: start + .seconds(3600)) == 3)
    }

    @Test func aClockGoingBackwardsDoesNotMintTokens() {
        var bucket = TokenBucket(capacity: 1, refillPerSecond: 1, now: start + .seconds(5))
        #expect(bucket.take(now: start + .seconds(5)) == .zero)
        #expect(bucket.take(now: start) > .zero)
    }
}

@Suite("Reconnect backoff")
struct ReconnectBackoffTests {
    @Test func doublesUpToTheCapAndResets() {
        var backoff = ReconnectBackoff(minimum: .seconds(1), maximum: .seconds(10))
        #expect((0..<6).map { _ in backoff.nextDelay() } == [1, 2, 4, 8, 10, 10].map { Duration.seconds($0) })
        backoff.reset()
        #expect(backoff.nextDelay() == .seconds(1))
    }
}

import CostLog
import Foundation
import Testing

@Suite struct CostStoreTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func record(_ outcome: CallOutcome, cost: Double, at offset: TimeInterval, user: String = "u1", route: CostRoute = .assistant) -> CostRecord {
        CostRecord(time: now.addingTimeInterval(offset), user: user, route: route, messageType: "advice", model: "gpt-4o",
                   usage: TokenUsage(promptTokens: 120, completionTokens: 30, cachedTokens: 20, estimated: false),
                   costUSD: cost, latencyMs: 840, outcome: outcome,
                   baseline: TokenUsage(promptTokens: 900, completionTokens: 30, estimated: true), worstCaseUSD: 0.01)
    }

    @Test(arguments: StoreKind.allCases) func theStoreKeepsTheCostLogsOwnRecords(on kind: StoreKind) throws {
        let store = try kind.makeStore()
        let records = [
            record(.ok, cost: 0.002, at: 0),
            record(.budgetDeferred, cost: 0, at: 1, route: .deferred),
            record(.timeout, cost: 0.001, at: 2, user: "u2"),
            record(.ok, cost: 0.003, at: 3, route: .other("from-a-later-version")),
        ]
        for row in records { try store.write { try $0.record(row) } }
        #expect(try store.read { try $0.calls(since: now) } == records)
        #expect(try store.read { try $0.calls(since: now.addingTimeInterval(2)) } == Array(records.suffix(2)))
        #expect(try store.read { try $0.spend(user: "u1", since: now) } == 0.005)
        #expect(try store.read { try $0.spend(user: nil, since: now) } == 0.006)
        // A deferred message never reached a model; a timeout did.
        #expect(try store.read { try $0.modelCalls(user: "u1", since: now) } == 2)
        #expect(try store.read { try $0.modelCalls(user: "u2", since: now) } == 1)
    }
}

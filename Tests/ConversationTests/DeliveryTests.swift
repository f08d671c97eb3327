import Conversation
import Foundation
import Storage
import Testing

@Suite struct DeliveryTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let syncToken = AdapterStateKey(.matrix, AdapterStateKind("sync_token", lifetime: 86_400))

    @Test(arguments: StoreFidelity.allCases)
    func aRedeliveredMessageIsNotHandledTwiceAndItsAnswerWaitsUntilConfirmed(on fidelity: StoreFidelity) async throws {
        let engine = Engine(store: try fidelity.makeStore())
        let message = InboundMessage(network: .matrix, userID: "@a:x", roomID: "!r", text: "hello", receivedAt: now,
                                     delivery: Delivery(externalID: "$e1", state: [AdapterStateEntry(syncToken, "s1", writtenAt: Date())]))
        let first = await engine.handle(message)
        #expect(!first.isDuplicate)
        #expect(!first.replies.isEmpty)
        let second = await engine.handle(message)
        #expect(second.isDuplicate)
        #expect(second.replies.isEmpty)
        #expect(await engine.adapterState(syncToken) == "s1")

        #expect(await engine.undeliveredAnswers(on: .irc).isEmpty)
        let pending = await engine.undeliveredAnswers(on: .matrix)
        #expect(pending.map(\.externalID) == ["$e1"])
        #expect(pending.first?.response == first)
        await engine.confirmDelivered(externalID: "$e1", at: now)
        #expect(await engine.undeliveredAnswers(on: .matrix).isEmpty)
    }

    @Test func messagesWithoutDeliveryAreAlwaysHandled() async throws {
        let engine = Engine(store: try SQLiteStore())
        let message = InboundMessage(network: .console, userID: "local", text: "hello", receivedAt: now)
        #expect(!(await engine.handle(message)).isDuplicate)
        #expect(!(await engine.handle(message)).isDuplicate)
        #expect(await engine.undeliveredAnswers(on: .matrix).isEmpty)
    }
}

@Suite struct AdapterStatePruningTests {
    @Test func aNetworksClockRoundPrunesItsExpiredAdapterState() async throws {
        let store = try SQLiteStore()
        let engine = Engine(store: store)
        let now = Date()
        let kind = AdapterStateKind("verdict_event", lifetime: 3600)
        let expired = AdapterStateKey(.matrix, kind, "$old")
        let current = AdapterStateKey(.matrix, kind, "$new")
        let otherNetwork = AdapterStateKey(.irc, kind, "old")
        await engine.setAdapterState(AdapterStateEntry(expired, "1", writtenAt: now.addingTimeInterval(-7200)))
        await engine.setAdapterState(AdapterStateEntry(current, "2", writtenAt: now))
        await engine.setAdapterState(AdapterStateEntry(otherNetwork, "3", writtenAt: now.addingTimeInterval(-7200)))
        #expect(await engine.adapterState(expired) == nil)
        #expect(try store.read { try $0.adapterState(expired, at: .distantPast) } == "1")

        _ = await engine.tick(.matrix, now: now)
        #expect(try store.read { try $0.adapterState(expired, at: .distantPast) } == nil)
        #expect(await engine.adapterState(current) == "2")
        #expect(try store.read { try $0.adapterState(otherNetwork, at: .distantPast) } == "3")
    }
}

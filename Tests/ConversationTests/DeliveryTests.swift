import Conversation
import Foundation
import Storage
import Testing

@Suite struct DeliveryTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test(arguments: StoreFidelity.allCases)
    func aRedeliveredMessageIsNotHandledTwiceAndItsAnswerWaitsUntilConfirmed(on fidelity: StoreFidelity) async throws {
        let engine = Engine(store: try fidelity.makeStore())
        let message = InboundMessage(network: .matrix, userID: "@a:x", roomID: "!r", text: "hello", receivedAt: now,
                                     delivery: Delivery(externalID: "$e1", state: ["matrix.next_batch": "s1"]))
        let first = await engine.handle(message)
        #expect(!first.isDuplicate)
        #expect(!first.replies.isEmpty)
        let second = await engine.handle(message)
        #expect(second.isDuplicate)
        #expect(second.replies.isEmpty)
        #expect(await engine.adapterState("matrix.next_batch") == "s1")

        let pending = await engine.undeliveredAnswers()
        #expect(pending.map(\.externalID) == ["$e1"])
        #expect(pending.first?.response == first)
        await engine.confirmDelivered(externalID: "$e1", at: now)
        #expect(await engine.undeliveredAnswers().isEmpty)
    }

    @Test func messagesWithoutDeliveryAreAlwaysHandled() async throws {
        let engine = Engine(store: try SQLiteStore())
        let message = InboundMessage(network: .console, userID: "local", text: "hello", receivedAt: now)
        #expect(!(await engine.handle(message)).isDuplicate)
        #expect(!(await engine.handle(message)).isDuplicate)
        #expect(await engine.undeliveredAnswers().isEmpty)
    }
}

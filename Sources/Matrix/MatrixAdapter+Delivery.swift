import Conversation
import Foundation
import Logging
import SharedValues
import StoreProtocols

extension MatrixAdapter {
    /// Hands one message to the engine and sends its answer. The answer is recorded by the engine
    /// before anything is sent, and confirmed after, so a crash in between resends it on restart.
    func handle(_ work: PendingWork, nextBatch: String?, receivedAt: ContinuousClock.Instant) async {
        crashIfTesting(at: .beforeHandle)
        guard let (text, target, verdict) = await inbound(for: work) else { return }
        var state: [AdapterStateEntry] = []
        if let nextBatch { state.append(StateKey.nextBatch.entry(nextBatch)) }
        if target.eventID != work.externalID || target.threadRootID != nil {
            state.append(StateKey.answerTarget(work.externalID).entry(AnswerTarget(target).encoded))
        }
        let message = InboundMessage(network: .matrix, userID: target.sender, roomID: work.roomID, text: text, receivedAt: Date(),
                                     isAdmin: settings.admins.contains(target.sender),
                                     delivery: Delivery(externalID: work.externalID, state: state), verdict: verdict)
        let typing = showTypingIfSlow(in: work.roomID)
        let response = await engine.handle(message)
        await stopTyping(typing, in: work.roomID)
        guard !response.isDuplicate else { return }
        crashIfTesting(at: .afterCommit)
        let latency = ContinuousClock.now - receivedAt
        logger.info("answering", metadata: [
            "event_id": "\(work.externalID)", "intent": "\(response.intent.rawValue)",
            "sync_to_send_ms": "\(String(format: "%.2f", Double(latency.components.attoseconds) / 1e15 + Double(latency.components.seconds) * 1000))",
        ])
        await send(response, externalID: work.externalID, target: target, reactOnSource: isMessage(work))
    }

    /// What the engine should read: the message itself, or for a reaction on one of the bot's messages about
    /// an event, a verdict on that event (other reactions are not meant for the bot).
    private func inbound(for work: PendingWork) async -> (String, UserMessage, EventVerdict?)? {
        switch work.kind {
        case .message(let message):
            return (message.text, message, nil)
        case .quickAnswer(let answer):
            guard let stored = await engine.adapterState(StateKey.scheduleMessage(answer.targetEventID)),
                  let eventID = Int64(stored) else { return nil }
            let target = UserMessage(eventID: answer.targetEventID, sender: answer.sender, text: "", threadRootID: nil)
            let outcome: EventVerdict.Outcome = answer.verdict == .done ? .done : .skipped
            return (answer.verdict.rawValue, target, EventVerdict(eventID: eventID, outcome: outcome))
        }
    }

    private func isMessage(_ work: PendingWork) -> Bool {
        if case .message = work.kind { return true }
        return false
    }

    /// Sends every reply (and the reaction) of a recorded answer; the transaction ids come from the
    /// source event, so resending after a crash is deduplicated by the homeserver.
    func send(_ response: Response, externalID: String, target: UserMessage, reactOnSource: Bool) async {
        guard let roomID = response.roomID else { return }
        do {
            if !response.replies.isEmpty {
                let sentID = try await sendEvent(NoticeContent.answer(response.replies, to: target), type: "m.room.message", in: roomID,
                                                 txnID: TransactionID.reply(to: externalID, index: 0))
                if let eventID = response.verdictEventID, let sentID {
                    await engine.setAdapterState(StateKey.scheduleMessage(sentID).entry(String(eventID)))
                }
            }
            if let reaction = response.reaction, reactOnSource {
                _ = try await sendEvent(NoticeContent.reaction(reaction, on: externalID), type: "m.reaction", in: roomID,
                                        txnID: TransactionID.reaction(to: externalID))
            }
        } catch let error as MatrixError where error.isRetryable || error.isUnauthorized {
            logger.warning("could not send an answer yet; it stays recorded and will be resent",
                           metadata: ["event_id": "\(externalID)", "error": "\(error)"])
            hasUndelivered = true
            return
        } catch {
            // Not in the room any more, or the event was refused: resending would fail the same way.
            logger.error("the homeserver refused an answer; dropping it", metadata: ["event_id": "\(externalID)", "error": "\(error)"])
        }
        crashIfTesting(at: .afterSend)
        await engine.confirmDelivered(externalID: externalID, at: Date())
    }

    func sendEvent(_ content: JSON, type: String, in roomID: String, txnID: String) async throws -> String? {
        let (type, content) = try await sealed(content, type: type, in: roomID)
        let path = "/_matrix/client/v3/rooms/\(MatrixAPI.pathEscape(roomID))/send/\(type)/\(MatrixAPI.pathEscape(txnID))"
        let api = api
        let answer = try await sendCaller.run("send") { try await api.call(.put, path, body: content) }
        return answer["event_id"]?.string
    }

    /// Answers recorded but never confirmed (a crash or an outage between commit and send).
    func sendUndeliveredAnswers() async {
        hasUndelivered = false
        for pending in await engine.undeliveredAnswers(on: .matrix) {
            if Task.isCancelled { return }
            let stored = await engine.adapterState(StateKey.answerTarget(pending.externalID))
            let target = stored.flatMap(AnswerTarget.init(encoded:))?.message(sender: pending.response.userID)
                ?? UserMessage(eventID: pending.externalID, sender: pending.response.userID, text: "", threadRootID: nil)
            logger.info("resending a recorded answer", metadata: ["event_id": "\(pending.externalID)"])
            await send(pending.response, externalID: pending.externalID, target: target,
                       reactOnSource: target.eventID == pending.externalID)
        }
    }

    private func crashIfTesting(at point: CrashPoint) {
        guard settings.testCrashPoint == point else { return }
        logger.critical("TEST ONLY: SCHEDULER_BOT_TEST_CRASH_AT=\(point.rawValue), killing the process")
        kill(getpid(), SIGKILL)
    }
}

/// Where an answer goes when it is not simply a reply to the message it answers, kept with the
/// message's effects so a resend after a crash lands in the same place.
struct AnswerTarget: Codable {
    var eventID: String
    var threadRootID: String?

    init(_ message: UserMessage) {
        eventID = message.eventID
        threadRootID = message.threadRootID
    }

    init?(encoded: String) {
        guard let value = try? JSONDecoder().decode(Self.self, from: Data(encoded.utf8)) else { return nil }
        self = value
    }

    var encoded: String {
        (try? String(decoding: JSONEncoder().encode(self), as: UTF8.self)) ?? "{}"
    }

    func message(sender: String) -> UserMessage {
        UserMessage(eventID: eventID, sender: sender, text: "", threadRootID: threadRootID)
    }
}

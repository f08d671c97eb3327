import Conversation
import Foundation

extension MatrixAdapter {
    /// Asks the engine for due reminders and follow-ups every `tickInterval` and posts them as notices
    /// in the room each user last wrote from. A follow-up's event id is remembered so a 👍/👎 reaction on it
    /// answers for that event.
    func runProactiveLoop() async {
        while !Task.isCancelled {
            // Shielded from cancellation: the engine marks what it returns as sent, so a shutdown posts it all.
            await Task { await self.postDueMessages() }.value
            try? await Task.sleep(for: settings.tickInterval)
        }
    }

    private func postDueMessages() async {
        for message in await engine.tick(.matrix, now: Date()) {
            await post(message)
        }
    }

    private func post(_ message: ProactiveMessage) async {
        guard let roomID = message.roomID else { return }
        let txnID = TransactionID.proactive(user: message.userID, text: message.text, at: Date())
        do {
            let sent = try await sendEvent(NoticeContent.plain(message.text), type: "m.room.message", in: roomID, txnID: txnID)
            if let sent, let eventID = message.verdictEventID {
                await engine.setAdapterState(StateKey.scheduleMessage(sent).entry(String(eventID)))
            }
        } catch {
            logger.warning("could not post a proactive message", metadata: ["room_id": "\(roomID)", "error": "\(error)"])
        }
    }
}

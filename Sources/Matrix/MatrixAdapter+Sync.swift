import Conversation
import Foundation

/// One piece of work found in a sync batch: a message or quick answer to hand to the engine.
struct PendingWork: Sendable {
    enum Kind: Sendable { case message(UserMessage), quickAnswer(QuickAnswer) }
    var roomID: String
    var kind: Kind

    var externalID: String {
        switch kind {
        case .message(let message): message.eventID
        case .quickAnswer(let answer): answer.eventID
        }
    }
}

extension MatrixAdapter {
    /// Handles one sync batch. The batch's `next_batch` is committed with its last message, or on
    /// its own when nothing needed answering, so a crash anywhere replays the batch and the engine
    /// drops what it already handled.
    func process(_ batch: SyncResponse, receivedAt: ContinuousClock.Instant) async {
        await acceptOrDeclineInvites(batch)
        let arrivedSessions = await encryption?.receive(batch.keys) ?? []
        await noteRooms(batch)
        var work: [PendingWork] = []
        for (roomID, room) in batch.joined {
            var someoneLeft = false
            for event in Self.eventsAfterOwnJoin(room.timeline, botUserID: botUserID) {
                guard let event = await readable(event, in: roomID) else { continue }
                switch TimelineClassifier.classify(event, botUserID: botUserID) {
                case .message(let message): work.append(PendingWork(roomID: roomID, kind: .message(message)))
                case .quickAnswer(let answer): work.append(PendingWork(roomID: roomID, kind: .quickAnswer(answer)))
                case .memberLeft: someoneLeft = true
                case .encrypted, .ignored: break
                }
            }
            if someoneLeft { await leaveIfEmpty(roomID) }
        }
        for (roomID, event) in await nowReadable(sessions: arrivedSessions) {
            switch TimelineClassifier.classify(event, botUserID: botUserID) {
            case .message(let message): work.append(PendingWork(roomID: roomID, kind: .message(message)))
            case .quickAnswer(let answer): work.append(PendingWork(roomID: roomID, kind: .quickAnswer(answer)))
            default: break
            }
        }
        // Room keys and kept events are on disk before any message of this batch moves the sync token.
        await commitEncryption(applied: batch.nextBatch)
        for (index, item) in work.enumerated() {
            if Task.isCancelled { return } // the rest of the batch is replayed on the next start
            let isLast = index == work.count - 1
            // Shielded from cancellation: a shutdown finishes the message in hand, within the drain's deadline.
            let inHand = Task { await self.handle(item, nextBatch: isLast ? batch.nextBatch : nil, receivedAt: receivedAt) }
            guard await drain.waitFor(inHand) else {
                logger.warning("shutting down with an answer unfinished; it is answered or resent after the next start",
                               metadata: ["event_id": "\(item.externalID)"])
                return
            }
        }
        await askToResendUnreadable()
        await engine.setAdapterState(StateKey.nextBatch.entry(batch.nextBatch))
    }

    /// On the sync after the bot joins, the timeline may reach back before the join; those
    /// messages were not addressed to the bot and are skipped.
    static func eventsAfterOwnJoin(_ timeline: [RoomEvent], botUserID: String) -> ArraySlice<RoomEvent> {
        let join = timeline.lastIndex { event in
            event.stateKey == botUserID && event.membership == "join" && event.previousMembership != "join"
        }
        guard let join else { return timeline[...] }
        return timeline[(join + 1)...]
    }

    static func isEncrypted(_ room: SyncResponse.JoinedRoom) -> Bool {
        (room.state + room.timeline).contains { $0.type == "m.room.encryption" || $0.type == "m.room.encrypted" }
    }
}

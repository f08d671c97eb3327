import Conversation
import Foundation
import Logging

extension MatrixAdapter {
    /// Joins rooms whose inviter is allowed and declines the others, so invites never pile up.
    func acceptOrDeclineInvites(_ batch: SyncResponse) async {
        for (roomID, invite) in batch.invites {
            let inviter = invite?.sender ?? "unknown"
            let room = MatrixAPI.pathEscape(roomID)
            let allowed = inviters.allows(inviter)
            let path = allowed ? "/_matrix/client/v3/join/\(room)" : "/_matrix/client/v3/rooms/\(room)/leave"
            do {
                let api = api
                _ = try await patientCaller.run(allowed ? "join" : "decline invite") { try await api.call(.post, path, body: [:]) }
                logger.info(allowed ? "joined a room" : "declined an invite from someone not in allowed_inviters",
                            metadata: ["room_id": "\(roomID)", "inviter": "\(inviter)"])
            } catch is CancellationError {
                return
            } catch {
                logger.warning("could not answer an invite", metadata: ["room_id": "\(roomID)", "error": "\(error)"])
            }
        }
    }

    /// A room where the bot is alone serves nobody; leaving keeps the sync small.
    func leaveIfEmpty(_ roomID: String) async {
        let room = MatrixAPI.pathEscape(roomID)
        let api = api
        do {
            let members = try await patientCaller.run("joined members") {
                try await api.call(.get, "/_matrix/client/v3/rooms/\(room)/joined_members")
            }
            let others = (members["joined"]?.object ?? [:]).keys.filter { $0 != botUserID }
            guard others.isEmpty else { return }
            _ = try await patientCaller.run("leave") { try await api.call(.post, "/_matrix/client/v3/rooms/\(room)/leave", body: [:]) }
            logger.info("left a room that became empty", metadata: ["room_id": "\(roomID)"])
        } catch {
            logger.warning("could not check or leave a room", metadata: ["room_id": "\(roomID)", "error": "\(error)"])
        }
    }

    /// Says once per room, in a plain notice, that encrypted messages are unreadable and what to do.
    func warnAboutEncryption(in roomID: String) async {
        let key = StateKey.encryptionNotice(roomID)
        guard await engine.adapterState(key) == nil else { return }
        let text = """
            This room is end-to-end encrypted, and I cannot read encrypted messages yet, so I won't see what you write here. \
            To talk to me, start a new room (or direct message) with encryption turned off and invite \(botUserID). \
            In Element: Start chat / New room, then switch off "Enable end-to-end encryption" before creating it.
            """
        do {
            _ = try await sendEvent(NoticeContent.plain(text), type: "m.room.message", in: roomID,
                                    txnID: TransactionID.encryptionNotice(in: roomID))
            await engine.setAdapterState(key.entry("sent"))
            logger.info("told an encrypted room that the bot cannot read it", metadata: ["room_id": "\(roomID)"])
        } catch {
            logger.warning("could not send the encryption notice", metadata: ["room_id": "\(roomID)", "error": "\(error)"])
        }
    }

    /// Starts a timer that shows "typing" only if the engine is still working when it fires.
    func showTypingIfSlow(in roomID: String) -> Task<Bool, Never> {
        let path = "/_matrix/client/v3/rooms/\(MatrixAPI.pathEscape(roomID))/typing/\(MatrixAPI.pathEscape(botUserID))"
        let (api, delay) = (api, settings.typingDelay)
        return Task {
            guard (try? await Task.sleep(for: delay)) != nil else { return false }
            _ = try? await api.call(.put, path, body: ["typing": true, "timeout": 30000], timeout: .seconds(5))
            return true
        }
    }

    func stopTyping(_ timer: Task<Bool, Never>, in roomID: String) async {
        timer.cancel()
        guard await timer.value else { return }
        let path = "/_matrix/client/v3/rooms/\(MatrixAPI.pathEscape(roomID))/typing/\(MatrixAPI.pathEscape(botUserID))"
        _ = try? await api.call(.put, path, body: ["typing": false], timeout: .seconds(5))
    }
}

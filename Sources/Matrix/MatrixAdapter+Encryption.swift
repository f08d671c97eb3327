import SharedValues
import Conversation
import Foundation
import MatrixCrypto
import StoreProtocols

/// The adapter's two encryption hooks (decrypt what arrives, encrypt what leaves) and the set-up
/// around them. With `[matrix] encryption = false` none of this runs and encrypted rooms get a notice.
extension MatrixAdapter {
    /// Opens the crypto store for this login's device, or refuses to start with a clear reason.
    func startEncryption() async throws {
        guard settings.encryption else { return }
        guard let pickleKey = settings.pickleKey.flatMap(PickleKey.init) else { throw EncryptionSetupError.missingPickleKey }
        guard let cryptoStore else { throw EncryptionSetupError.noStore }
        do {
            encryption = try await openEncryption(pickleKey: pickleKey, store: cryptoStore)
        } catch EncryptionSetupError.lostStore(let deviceID)
                    where (settings.accessToken ?? "").isEmpty && !(settings.password ?? "").isEmpty {
            // A fresh device with fresh keys: never the old device id with new keys.
            logger.warning("the crypto store of this device is gone; logging in as a new device", metadata: ["old_device_id": "\(deviceID)"])
            api.accessToken = try await logIn(password: settings.password ?? "")
            encryption = try await openEncryption(pickleKey: pickleKey, store: cryptoStore)
        }
    }

    private func openEncryption(pickleKey: PickleKey, store: any MatrixCryptoStore) async throws -> RoomEncryption {
        let api = api
        let whoami = try await patientCaller.run("whoami") { try await api.call(.get, "/_matrix/client/v3/account/whoami") }
        guard let deviceID = whoami["device_id"]?.string else { throw EncryptionSetupError.noDeviceID }
        return try await RoomEncryption.start(userID: botUserID, deviceID: deviceID, pickleKey: pickleKey, store: store, api: api,
                                              caller: patientCaller, logger: logger,
                                              undecryptableNoticeDelay: settings.undecryptableNoticeDelay)
    }

    /// After a restart: device lists that changed between the store's last applied token and the
    /// sync token the adapter resumes from (they differ only when a crypto commit was lost).
    func catchUpDeviceLists(resumingFrom since: String?) async {
        guard let encryption, let since else { return }
        do {
            try await encryption.catchUpDeviceLists(to: since)
        } catch {
            logger.warning("could not ask which device lists changed while the bot was away", metadata: ["error": "\(error)"])
        }
    }

    /// Encryption state and membership of the rooms in a batch; without encryption, the notice.
    func noteRooms(_ batch: SyncResponse) async {
        for (roomID, room) in batch.joined {
            if let encryption {
                await encryption.observe(roomID: roomID, events: room.state + room.timeline, gap: room.limited)
            } else if Self.isEncrypted(room) {
                await warnAboutEncryption(in: roomID)
            }
        }
    }

    /// The event as the engine should see it: decrypted when it was encrypted (nil while its key is
    /// missing, or when it fails a check); anything else unchanged.
    func readable(_ event: RoomEvent, in roomID: String) async -> RoomEvent? {
        guard let encryption, event.type == "m.room.encrypted", event.sender != botUserID else { return event }
        return await encryption.decrypt(event, in: roomID)
    }

    /// Events kept because their keys were missing, now decryptable after this batch's room keys.
    func nowReadable(sessions: Set<String>) async -> [(roomID: String, event: RoomEvent)] {
        guard let encryption, !sessions.isEmpty else { return [] }
        return await encryption.retryUndecrypted(sessions: sessions)
    }

    /// Persists the batch's crypto changes (room keys, kept events) before its sync token can move;
    /// `applied` is the token whose device-list changes are now in the store.
    func commitEncryption(applied syncToken: String? = nil) async {
        guard let encryption else { return }
        if let syncToken { await encryption.noteDeviceListsApplied(through: syncToken) }
        do {
            try await encryption.commit()
        } catch {
            logger.error("could not save the encryption state", metadata: ["error": "\(error)"])
        }
    }

    /// One notice per message that stayed unreadable, asking to send it again.
    func askToResendUnreadable() async {
        guard let encryption else { return }
        let overdue = await encryption.overdueUndecrypted()
        guard !overdue.isEmpty else { return }
        await commitEncryption()
        for item in overdue {
            let text = "I could not decrypt a message you sent here (my keys for it never arrived). Please send it again."
            do {
                _ = try await sendEvent(NoticeContent.plain(text), type: "m.room.message", in: item.roomID,
                                        txnID: TransactionID.undecryptableNotice(for: item.eventID))
                logger.info("asked to resend an undecryptable message", metadata: ["event_id": "\(item.eventID)"])
            } catch {
                logger.warning("could not ask to resend an undecryptable message", metadata: ["event_id": "\(item.eventID)", "error": "\(error)"])
            }
        }
    }

    /// In an encrypted room the event leaves as `m.room.encrypted`; elsewhere unchanged.
    func sealed(_ content: JSON, type: String, in roomID: String) async throws -> (type: String, content: JSON) {
        guard let encryption, try await encryption.isEncrypted(roomID) else { return (type, content) }
        return ("m.room.encrypted", try await encryption.encrypt(content, type: type, in: roomID))
    }
}

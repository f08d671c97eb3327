import SharedValues
/// The parts of a `/sync` answer the bot acts on. `rooms` and its sections are often missing
/// (nothing changed), so every level is optional.
public struct SyncResponse: Sendable {
    public struct JoinedRoom: Sendable {
        public var timeline: [RoomEvent]
        public var state: [RoomEvent]
        public var joinedMemberCount: Int?
        /// The timeline skipped events (a gap): membership changes may be among them.
        public var limited = false
    }

    public var nextBatch: String
    public var joined: [(roomID: String, room: JoinedRoom)]
    /// Rooms the bot is invited to, with the invite event (whose sender is the inviter).
    public var invites: [(roomID: String, invite: RoomEvent?)]
    /// End-to-end encryption: to-device events (room keys over Olm), device list changes, key counts.
    public var keys: SyncKeys

    public init(json: JSON) throws {
        guard let nextBatch = json["next_batch"]?.string else { throw MatrixError.malformedResponse("sync answer without next_batch") }
        self.nextBatch = nextBatch
        let rooms = json["rooms"]
        // Sorted so a batch is always processed in the same order, which makes redelivery deterministic.
        joined = (rooms?["join"]?.object ?? [:]).sorted { $0.key < $1.key }.map { roomID, room in
            (roomID, JoinedRoom(timeline: Self.events(room["timeline"]), state: Self.events(room["state"]),
                                joinedMemberCount: room["summary"]?["m.joined_member_count"]?.int,
                                limited: room["timeline"]?["limited"] == true))
        }
        invites = (rooms?["invite"]?.object ?? [:]).sorted { $0.key < $1.key }.map { roomID, room in
            let inviteState = Self.events(room["invite_state"])
            return (roomID, inviteState.last { $0.membership == "invite" })
        }
        keys = SyncKeys(json: json)
    }

    static func events(_ block: JSON?) -> [RoomEvent] {
        (block?["events"]?.array ?? []).compactMap(RoomEvent.init(json:))
    }
}

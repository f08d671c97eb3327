import SharedValues
/// One event from a sync response, read leniently: an event missing its type or sender is dropped
/// on its own instead of failing the whole batch.
public struct RoomEvent: Sendable, Hashable {
    public var type: String
    public var sender: String
    public var eventID: String?
    public var stateKey: String?
    public var content: JSON
    public var unsigned: JSON?

    public init(type: String, sender: String, eventID: String? = nil, stateKey: String? = nil,
                content: JSON = [:], unsigned: JSON? = nil) {
        self.type = type
        self.sender = sender
        self.eventID = eventID
        self.stateKey = stateKey
        self.content = content
        self.unsigned = unsigned
    }

    public init?(json: JSON) {
        guard let type = json["type"]?.string, let sender = json["sender"]?.string else { return nil }
        self.init(type: type, sender: sender, eventID: json["event_id"]?.string, stateKey: json["state_key"]?.string,
                  content: json["content"] ?? [:], unsigned: json["unsigned"])
    }

    /// `m.relates_to` of the content, when there is one.
    var relation: JSON? { content["m.relates_to"] }

    var membership: String? { type == "m.room.member" ? content["membership"]?.string : nil }
    var previousMembership: String? { unsigned?["prev_content"]?["membership"]?.string }
}

import SharedValues
/// The end-to-end encryption parts of a `/sync` answer (`#e2e-extensions-to-sync`).
public struct SyncKeys: Sendable {
    public var toDevice: [RoomEvent]
    public var changedUsers: [String]
    public var leftUsers: [String]
    /// `device_one_time_keys_count` (nil when the server left it out: nothing to replenish from).
    public var oneTimeKeyCounts: [String: Int]?
    /// `device_unused_fallback_key_types` (nil when absent: the server does not support fallback keys).
    public var unusedFallbackKeyTypes: [String]?

    init(json: JSON) {
        toDevice = SyncResponse.events(json["to_device"])
        changedUsers = (json["device_lists"]?["changed"]?.array ?? []).compactMap(\.string)
        leftUsers = (json["device_lists"]?["left"]?.array ?? []).compactMap(\.string)
        oneTimeKeyCounts = json["device_one_time_keys_count"]?.object?.compactMapValues(\.int)
        unusedFallbackKeyTypes = json["device_unused_fallback_key_types"]?.array?.compactMap(\.string)
    }
}

import SharedValues
/// The `/sync` filter: only what the bot acts on (messages, reactions, membership, encryption state),
/// none of the presence, typing, receipts or account data that would wake the long-poll for nothing.
enum SyncFilter {
    static let timelineTypes: [JSON] = ["m.room.message", "m.reaction", "m.room.member", "m.room.encryption", "m.room.encrypted",
                                        "m.room.history_visibility"]

    static let definition: JSON = [
        "presence": ["types": []],
        "account_data": ["types": []],
        "room": [
            "timeline": ["types": .array(timelineTypes), "limit": 50],
            "state": ["types": ["m.room.member", "m.room.encryption"], "lazy_load_members": true],
            "ephemeral": ["types": []],
            "account_data": ["types": []],
        ],
    ]
}

import Conversation
import SharedValues

/// Builds the content of the bot's `m.notice` replies: plain `body` for every client, HTML
/// `formatted_body` for rich ones, and the relation that puts the answer next to the question.
public enum NoticeContent {
    public static func reply(_ reply: Reply, to source: UserMessage?) -> JSON {
        answer([reply], to: source)
    }

    /// One answer is one event: its lines joined in one notice (one notification on the user's phone),
    /// each reply's HTML separated by a line break.
    public static func answer(_ replies: [Reply], to source: UserMessage?) -> JSON {
        var fields: [String: JSON] = [
            "msgtype": "m.notice",
            "body": .string(replies.map(\.text).joined(separator: "\n")),
            "format": "org.matrix.custom.html",
            // The phrasebook words the answer in HTML too; the adapter only wraps it in an event.
            "formatted_body": .string(replies.html),
        ]
        if let source { fields["m.relates_to"] = relation(to: source) }
        return .object(fields)
    }

    /// A notice with no HTML (the encryption warning must read the same in every client).
    public static func plain(_ text: String) -> JSON {
        ["msgtype": "m.notice", "body": .string(text)]
    }

    /// In a thread the answer joins the thread (with a reply fallback for clients without threads);
    /// elsewhere it is a plain reply to the user's message.
    static func relation(to source: UserMessage) -> JSON {
        let inReplyTo: JSON = ["event_id": .string(source.eventID)]
        guard let root = source.threadRootID else { return ["m.in_reply_to": inReplyTo] }
        return ["rel_type": "m.thread", "event_id": .string(root), "is_falling_back": true, "m.in_reply_to": inReplyTo]
    }

    public static func reaction(_ key: String, on eventID: String) -> JSON {
        ["m.relates_to": ["rel_type": "m.annotation", "event_id": .string(eventID), "key": .string(key)]]
    }
}

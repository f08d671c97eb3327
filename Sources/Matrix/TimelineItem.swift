import Foundation

/// What the bot makes of one timeline event. Deciding this is pure, so every skip rule is unit-tested.
public enum TimelineItem: Sendable, Equatable {
    /// A person's text message to answer.
    case message(UserMessage)
    /// A 👍/✅ or 👎/❌ annotation on some event: a quick "done" or "skip".
    case quickAnswer(QuickAnswer)
    /// An `m.room.encrypted` event: unreadable until end-to-end encryption is supported.
    case encrypted
    /// Someone (not the bot) left or was kicked: the room may now be empty.
    case memberLeft
    case ignored(IgnoreReason)
}

public enum IgnoreReason: String, Sendable, Equatable {
    case ownEvent, notice, edit, notText, emptyText, otherType, noEventID, unknownReaction
}

public struct UserMessage: Sendable, Equatable {
    public var eventID: String
    public var sender: String
    public var text: String
    /// The thread root when the user wrote in a thread, so the answer goes to the same thread.
    public var threadRootID: String?
}

public struct QuickAnswer: Sendable, Equatable {
    public enum Verdict: String, Sendable { case done, skip }
    public var eventID: String
    public var sender: String
    public var targetEventID: String
    public var verdict: Verdict
}

public enum TimelineClassifier {
    public static func classify(_ event: RoomEvent, botUserID: String) -> TimelineItem {
        if event.sender == botUserID { return .ignored(.ownEvent) }
        switch event.type {
        case "m.room.message": return message(event)
        case "m.reaction": return reaction(event)
        case "m.room.encrypted": return .encrypted
        case "m.room.member":
            let left = event.membership == "leave" || event.membership == "ban"
            return left && event.stateKey != botUserID ? .memberLeft : .ignored(.otherType)
        default: return .ignored(.otherType)
        }
    }

    private static func message(_ event: RoomEvent) -> TimelineItem {
        guard let eventID = event.eventID else { return .ignored(.noEventID) }
        // Edits repeat a message the bot already answered; acting twice would double the effect.
        if event.relation?["rel_type"]?.string == "m.replace" { return .ignored(.edit) }
        switch event.content["msgtype"]?.string {
        case "m.text": break
        case "m.notice": return .ignored(.notice) // other bots talk in notices; answering them loops
        default: return .ignored(.notText)
        }
        let text = ReplyFallback.strip(event.content["body"]?.string ?? "")
        guard !text.isEmpty else { return .ignored(.emptyText) }
        let thread = event.relation?["rel_type"]?.string == "m.thread" ? event.relation?["event_id"]?.string : nil
        return .message(UserMessage(eventID: eventID, sender: event.sender, text: text, threadRootID: thread))
    }

    private static func reaction(_ event: RoomEvent) -> TimelineItem {
        guard let eventID = event.eventID else { return .ignored(.noEventID) }
        guard let relation = event.relation, relation["rel_type"]?.string == "m.annotation",
              let target = relation["event_id"]?.string,
              let verdict = verdict(for: relation["key"]?.string ?? "") else { return .ignored(.unknownReaction) }
        return .quickAnswer(QuickAnswer(eventID: eventID, sender: event.sender, targetEventID: target, verdict: verdict))
    }

    /// Clients differ on the emoji variation selector (U+FE0F) and skin tones, so both are dropped before comparing.
    static func verdict(for key: String) -> QuickAnswer.Verdict? {
        let base = String(String.UnicodeScalarView(key.unicodeScalars.filter {
            $0.value != 0xFE0F && !(0x1F3FB...0x1F3FF).contains($0.value)
        }))
        switch base {
        case "👍", "✅", "✔", "☑": return .done
        case "👎", "❌", "✖": return .skip
        default: return nil
        }
    }
}

/// Older clients put a quote of the replied-to message ("> <@alice:x> text") before the reply;
/// the engine must see only what the user wrote.
enum ReplyFallback {
    static func strip(_ body: String) -> String {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.hasPrefix("> ") == true else { return body.trimmingCharacters(in: .whitespacesAndNewlines) }
        while let first = lines.first, first.hasPrefix(">") { lines.removeFirst() }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
import Language
import SchedulerCore
import StoreProtocols

/// Everything about handling one message: who, when, the open transaction, and the response being built.
struct Turn {
    let message: InboundMessage
    let text: MessageText
    let session: any StoreSession
    var user: UserProfile
    var isNewUser: Bool
    var intent: IntentKind = .unknown
    var route: Route = .command
    var replies: [Reply] = []
    var event: EventSummary?
    var reaction: String?
    /// Set when the answer needs a model call, made after this transaction commits.
    var modelTask: ModelTask?
    /// Events this message created, moved or resolved (their reminder and follow-up rows follow them).
    var changedEvents: [Event] = []
    /// The change this message made, which `undo` can take back.
    var change: LastChange?
    /// Model calls avoided by this message, logged once the transaction has committed.
    var skippedCalls: [SkippedCall] = []
    /// What kind of chat the message was (a pattern section, a classifier type), for the cost log.
    var messageType: String?

    init(message: InboundMessage, text: MessageText, session: any StoreSession, settings: EngineSettings) throws {
        self.message = message
        self.text = text
        self.session = session
        self.dateOrder = settings.dateOrder
        if let existing = try session.user(message.userID) {
            user = existing
            isNewUser = false
        } else {
            user = UserProfile(id: message.userID, createdAt: message.receivedAt, timeZoneIdentifier: settings.defaultTimeZone)
            isNewUser = true
            try session.save(user)
        }
        storedUser = user
    }

    /// The profile as the store has it, so a message that changes nothing about the user writes nothing.
    private let storedUser: UserProfile

    let dateOrder: DateOrder
    var now: Date { message.receivedAt }
    var week: LocalWeek { LocalWeek(timeZone: user.timeZone) }
    var timeContext: TimeContext { TimeContext(now: now, timeZone: user.timeZone, dateOrder: dateOrder) }
    var format: TimeFormat { TimeFormat(timeZone: user.timeZone) }

    /// Every event change of a message goes through here, so the proactive rows know to follow.
    mutating func save(_ event: inout Event) throws {
        try session.save(&event)
        changedEvents.append(event)
    }

    /// The words for this user's outcomes, in their zone.
    var phrasebook: Phrasebook { Phrasebook(format: format, now: now) }

    mutating func say(_ replies: [Reply]) {
        self.replies += replies
    }

    func finish() throws {
        // Most messages (agenda, greetings, scheduling) leave the profile as it was: skip the identical upsert.
        guard user != storedUser else { return }
        try session.save(user)
    }

    var response: Response {
        Response(userID: message.userID, roomID: message.roomID, replies: replies, intent: intent,
                 route: route, event: event, reaction: reaction)
    }
}

/// The user's text made safe to read: control characters dropped, length capped.
struct MessageText {
    let value: String
    let wasCut: Bool
    /// Characters of the cleaned message before the cap.
    let fullLength: Int

    static func clean(_ raw: String, limit: Int) -> MessageText {
        let kept = raw.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || !$0.properties.generalCategory.isControl }
        var text = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines)
        let length = text.count
        let cut = length > limit
        if cut { text = String(text.prefix(limit)) }
        return MessageText(value: text, wasCut: cut, fullLength: length)
    }

    /// What the thread keeps and a model reads: never more than the bot itself read, and a note
    /// when that was only the start of the message.
    var forModel: String {
        wasCut ? value + "\n[message cut: only the first \(value.count) of \(fullLength) characters were read]" : value
    }

    /// Any other text (an answer) bounded the same way before it is kept in a thread.
    static func bounded(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "\n[cut: only the first \(limit) characters were kept]"
    }
}

private extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control }
}

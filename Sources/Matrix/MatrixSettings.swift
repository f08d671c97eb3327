import Foundation
import StoreProtocols

/// What the Matrix front end needs from bot.conf (`[matrix]`), already validated by BotConfig.
public struct MatrixSettings: Sendable {
    public var homeserverURL: String
    /// The bot's own id; when empty, the homeserver's answer to `whoami` is used.
    public var userID: String
    /// From the config or environment; preferred over a password.
    public var accessToken: String?
    /// Used once to log in when there is no token; the token it yields is kept in `tokenFile`.
    public var password: String?
    /// Where the token of a password login is kept between runs; without one, each start logs in again.
    public var tokenFile: AccessTokenFile?
    public var allowedInviters: [String]
    public var admins: Set<String>
    /// How long the homeserver may hold a `/sync` open (`timeout=30000` by default).
    public var syncTimeout: Duration = .seconds(30)
    /// How often the engine is asked for due reminders and follow-ups.
    public var tickInterval: Duration = .seconds(30)
    /// Typing is shown only when an answer takes longer than this, so quick command answers cost
    /// no extra requests while slow (LLM) answers still show the bot is working.
    public var typingDelay: Duration = .milliseconds(400)
    /// End-to-end encryption in encrypted rooms; off: those rooms get a notice that the bot cannot read them.
    /// `[matrix] encryption` turns it on by default; code that builds settings by hand opts in (it needs a store).
    public var encryption = false
    /// Encrypts the crypto store's pickles; required when `encryption` is on. Never stored or logged.
    public var pickleKey: String?
    /// A message still undecryptable after this long gets one notice asking to send it again.
    public var undecryptableNoticeDelay: TimeInterval = 120
    /// On shutdown: how long the message in hand (its answer and sends) and the reminders being posted may take;
    /// what is still going then is given up, and answered or resent after the next start.
    public var drainTimeout: Duration = .seconds(10)
    /// TEST ONLY: kill the process with SIGKILL at this point of handling a message (fault tests).
    public var testCrashPoint: CrashPoint?

    public init(homeserverURL: String, userID: String, accessToken: String? = nil, password: String? = nil,
                allowedInviters: [String] = [], admins: Set<String> = []) {
        self.homeserverURL = homeserverURL
        self.userID = userID
        self.accessToken = accessToken
        self.password = password
        self.allowedInviters = allowedInviters
        self.admins = admins
    }
}

/// TEST ONLY: where `SCHEDULER_BOT_TEST_CRASH_AT` kills the bot, to prove exactly-once delivery.
public enum CrashPoint: String, Sendable {
    /// After the message was read from /sync, before the engine saw it.
    case beforeHandle = "before-handle"
    /// After the engine committed the effects and the answer, before anything was sent.
    case afterCommit = "after-commit"
    /// After the replies were sent, before the delivery was confirmed in the database.
    case afterSend = "after-send"
}

/// The adapter state the Matrix front end keeps in the engine's database, by kind, each with how long it stays useful.
enum StateKey {
    private static let day: TimeInterval = 86_400
    /// Where `/sync` resumes. A bot away longer than this starts afresh instead of answering month-old messages.
    static let syncToken = AdapterStateKind("sync_token", lifetime: 30 * day)
    /// The engine's id of the event a bot message was about, so a 👍 on that message is a verdict on that event.
    /// A reaction on a message older than this no longer marks anything.
    static let verdictEvent = AdapterStateKind("verdict_event", lifetime: 30 * day)
    /// Where the answer to a message goes when that is not simply "reply to it" (threads, reactions); needed
    /// only until the answer is sent, and a resend without it still replies to the message.
    static let answerTarget = AdapterStateKind("answer_target", lifetime: 14 * day)
    /// The "I cannot read encrypted rooms" notice, sent once per room for good.
    static let encryptionNotice = AdapterStateKind("encryption_notice", lifetime: nil)

    static let nextBatch = AdapterStateKey(.matrix, syncToken)
    static func encryptionNotice(_ roomID: String) -> AdapterStateKey { AdapterStateKey(.matrix, encryptionNotice, roomID) }
    static func scheduleMessage(_ eventID: String) -> AdapterStateKey { AdapterStateKey(.matrix, verdictEvent, eventID) }
    static func answerTarget(_ externalID: String) -> AdapterStateKey { AdapterStateKey(.matrix, answerTarget, externalID) }
}

extension AdapterStateKey {
    /// This value, written now.
    func entry(_ value: String?, at instant: Date = Date()) -> AdapterStateEntry {
        AdapterStateEntry(self, value, writtenAt: instant)
    }
}

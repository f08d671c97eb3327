import Foundation
/// Transaction ids for `PUT /send/{type}/{txnId}` derived from what caused the send, so a retry
/// (even after a crash and restart, with the same access token) is deduplicated by the homeserver.
public enum TransactionID {
    /// The `index`-th reply to the event `sourceEventID`.
    public static func reply(to sourceEventID: String, index: Int) -> String {
        "sb.reply.\(escape(sourceEventID)).\(index)"
    }

    /// The reaction the bot puts on the event `sourceEventID`.
    public static func reaction(to sourceEventID: String) -> String {
        "sb.react.\(escape(sourceEventID))"
    }

    /// A message the bot sends on its own (a reminder, a follow-up): unique per send, reused by its retries.
    public static func proactive(user: String, text: String, at instant: Date) -> String {
        "sb.nudge.\(Int64(instant.timeIntervalSince1970 * 1000)).\(escape(user)).\(text.utf8.count)"
    }

    /// The one-off notice about encryption in `roomID`.
    public static func encryptionNotice(in roomID: String) -> String {
        "sb.e2ee.\(escape(roomID))"
    }

    /// The one request to resend a message that stayed undecryptable.
    public static func undecryptableNotice(for eventID: String) -> String {
        "sb.utd.\(escape(eventID))"
    }

    /// Keeps only path-safe characters; anything else becomes `~XX` per UTF-8 byte, which keeps
    /// the mapping one-to-one (`~` itself is escaped).
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                out.unicodeScalars.append(scalar)
            } else {
                out += "~" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

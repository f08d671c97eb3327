import Foundation
import StoreProtocols

extension Engine: DurableConversationHandling {
    public func undeliveredAnswers(on network: Network) async -> [PendingAnswer] {
        do {
            let rows = try store.read { try $0.undeliveredAnswers(on: network, limit: 1000) }
            return rows.compactMap { row in
                guard let response = try? AnswerCoding.decode(row.answer) else {
                    logger.error("dropping an unreadable recorded answer", metadata: ["external_id": "\(row.externalID)"])
                    return nil
                }
                return PendingAnswer(externalID: row.externalID, response: response)
            }
        } catch {
            logger.error("could not read undelivered answers", metadata: ["error": "\(error)"])
            return []
        }
    }

    public func confirmDelivered(externalID: String, at instant: Date) async {
        do {
            try store.write { try $0.markDelivered(externalID: externalID, at: instant) }
        } catch {
            logger.error("could not confirm a delivery", metadata: ["error": "\(error)"])
        }
    }

    public func adapterState(_ key: AdapterStateKey) async -> String? {
        try? store.read { try $0.adapterState(key, at: Date()) }
    }

    public func setAdapterState(_ entry: AdapterStateEntry) async {
        do {
            try store.write { try $0.save(entry) }
        } catch {
            logger.error("could not save adapter state", metadata: ["kind": "\(entry.key.kind.name)", "error": "\(error)"])
        }
    }
}

extension Response {
    static func duplicate(of message: InboundMessage) -> Response {
        var response = Response(userID: message.userID, roomID: message.roomID, replies: [], intent: .unknown, route: .none)
        response.isDuplicate = true
        return response
    }
}

/// Recorded answers are stored as JSON so they survive restarts and can be re-sent unchanged.
enum AnswerCoding {
    static func encode(_ response: Response) throws -> String {
        String(decoding: try JSONEncoder().encode(response), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> Response {
        try JSONDecoder().decode(Response.self, from: Data(text.utf8))
    }
}

import Foundation
import StoreProtocols

extension InMemorySession {
    func calendarSource(of userID: String) throws -> CalendarSource? { tables.calendarSources[userID] }

    func replaceCalendar(_ source: CalendarSource, busy: [ImportedBusy]) throws {
        try updateCalendarSource(source)
        tables.busy[source.userID] = busy.filter { $0.end > $0.start }
    }

    func updateCalendarSource(_ source: CalendarSource) throws {
        try requireWrite(for: source.userID)
        tables.calendarSources[source.userID] = source
    }

    func removeCalendar(of userID: String) throws {
        try requireWrite()
        tables.busy[userID] = nil
        tables.calendarSources[userID] = nil
    }

    func calendarSourcesDue(at instant: Date, limit: Int) throws -> [CalendarSource] {
        let due = tables.calendarSources.values.filter { $0.nextFetchAt <= instant }
            .sorted { $0.nextFetchAt != $1.nextFetchAt ? $0.nextFetchAt < $1.nextFetchAt : $0.userID < $1.userID }
        return Array(due.prefix(max(0, limit)))
    }

    /// Imported blocks may be long (all-day, multi-day): an overlap query looks back a week (the SQL's index range).
    static let longestImportedBlock: TimeInterval = 7 * 86_400

    func importedBusy(of userID: String, overlapping interval: DateInterval) throws -> [ImportedBusy] {
        let lookBack = interval.start.addingTimeInterval(-InMemorySession.longestImportedBlock)
        // A stable sort: blocks of the same start keep the order they were imported in.
        return (tables.busy[userID] ?? []).enumerated()
            .filter { $0.element.start < interval.end && $0.element.start >= lookBack && $0.element.end > interval.start }
            .sorted { $0.element.start != $1.element.start ? $0.element.start < $1.element.start : $0.offset < $1.offset }
            .map(\.element)
    }

    func feedToken(of userID: String) throws -> String? {
        tables.feedTokens.first { $0.userID == userID && $0.revokedAt == nil }?.token
    }

    func issueFeedToken(_ token: String, for userID: String, at instant: Date) throws {
        try requireWrite(for: userID)
        guard !tables.feedTokens.contains(where: { $0.token == token }) else {
            throw InMemoryStoreError.uniqueConstraint("calendar_feed_token(token)")
        }
        for index in tables.feedTokens.indices where tables.feedTokens[index].userID == userID && tables.feedTokens[index].revokedAt == nil {
            tables.feedTokens[index].revokedAt = instant
        }
        tables.feedTokens.append(FeedToken(token: token, userID: userID, createdAt: instant))
    }

    func feedUser(forToken token: String) throws -> String? {
        tables.feedTokens.first { $0.token == token && $0.revokedAt == nil }?.userID
    }

    func feedEvents(of userID: String, overlapping interval: DateInterval) throws -> [FeedEventRow] {
        tables.events.values.filter { $0.event.userID == userID && InMemorySession.meets($0.event, interval) }
            .sorted { InMemorySession.byStart($0.event, $1.event) }
            .map { stored in
                let event = stored.event
                return FeedEventRow(id: event.id ?? 0, title: event.title, start: event.start, end: event.end,
                                    status: event.status.rawValue, sequence: stored.sequence,
                                    modifiedAt: stored.modifiedAt ?? event.createdAt)
            }
    }
}

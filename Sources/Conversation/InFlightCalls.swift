/// Model calls decided but not yet logged, with their worst-case cost. The engine counts them as
/// made and their money as spent while they are awaited, so messages handled meanwhile (the engine
/// is re-entrant across the call) cannot spend the same remaining budget twice.
struct InFlightCalls: Sendable {
    struct Ticket: Hashable, Sendable {
        fileprivate let number: Int
    }

    private var calls: [Int: (userID: String, worstCaseUSD: Double)] = [:]
    private var nextNumber = 0

    mutating func reserve(userID: String, worstCaseUSD: Double) -> Ticket {
        nextNumber += 1
        calls[nextNumber] = (userID, worstCaseUSD)
        return Ticket(number: nextNumber)
    }

    mutating func release(_ ticket: Ticket) {
        calls[ticket.number] = nil
    }

    func count(userID: String) -> Int {
        calls.values.count { $0.userID == userID }
    }

    func worstCaseUSD(userID: String) -> Double {
        calls.values.filter { $0.userID == userID }.reduce(0) { $0 + $1.worstCaseUSD }
    }

    var worstCaseUSD: Double {
        calls.values.reduce(0) { $0 + $1.worstCaseUSD }
    }
}

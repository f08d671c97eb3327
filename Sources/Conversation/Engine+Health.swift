import Foundation

extension Engine {
    /// Nil when the store answers a read, else why it does not (for the operators' /healthz).
    public func storeProblem() async -> String? {
        do {
            _ = try store.read { try $0.value(forKey: "health-probe") }
            return nil
        } catch {
            return "store: \(error)"
        }
    }
}

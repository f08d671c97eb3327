/// When a user is willing to have things scheduled, per weekday, in local minutes since midnight.
public struct Availability: Equatable, Sendable, Codable {
    public struct Window: Equatable, Sendable, Codable {
        public var startMinute: Int
        public var endMinute: Int

        public init?(startMinute: Int, endMinute: Int) {
            guard 0 <= startMinute, startMinute < endMinute, endMinute <= 24 * 60 else { return nil }
            self.startMinute = startMinute
            self.endMinute = endMinute
        }
    }

    /// Index 0 = Sunday. An empty list means the day is off.
    public private(set) var windows: [[Window]]

    public init(windows: [[Window]]) {
        precondition(windows.count == 7)
        self.windows = windows.map { $0.sorted { $0.startMinute < $1.startMinute } }
    }

    /// 08:00-20:00 every day.
    public static let standard: Availability = {
        let day = Window(startMinute: 8 * 60, endMinute: 20 * 60)!
        return Availability(windows: Array(repeating: [day], count: 7))
    }()

    public mutating func set(weekdays: Set<Int>, to window: Window?) {
        for day in weekdays where (0..<7).contains(day) {
            windows[day] = window.map { [$0] } ?? []
        }
    }

    public func windows(on weekday: Int) -> [Window] { windows[weekday] }

    public func contains(weekday: Int, startMinute: Int, endMinute: Int) -> Bool {
        windows[weekday].contains { $0.startMinute <= startMinute && endMinute <= $0.endMinute }
    }
}

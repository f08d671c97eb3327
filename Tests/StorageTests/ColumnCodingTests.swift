import Foundation
import SchedulerCore
import Testing
@testable import Storage

/// The grid blob is a stored format: its bytes must never change, whatever the encoder's implementation.
@Suite struct ColumnCodingTests {
    @Test func gridBlobsAre168LittleEndianDoublesInSlotOrder() throws {
        let values = (0..<WeekSlot.count).map { Double($0) / 167 }
        let grid = try #require(WeekGrid(values: values))
        let blob = ColumnCoding.blob(grid)
        #expect(blob.count == 1344)
        var expected = Data()
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { expected.append(contentsOf: $0) } }
        #expect(blob == expected)
        #expect(ColumnCoding.grid(blob) == grid)
    }
}

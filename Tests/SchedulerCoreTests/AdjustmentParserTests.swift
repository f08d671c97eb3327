import Foundation
import Testing
@testable import SchedulerCore

@Suite struct AdjustmentParserTests {
    let parser = AdjustmentParser()

    func rejects(_ answer: String) -> AdjustmentError? {
        if case .failure(let error) = parser.parse(answer) { return error }
        return nil
    }

    func item(day: String = "\"all\"", hours: String = "[8, 9]", modifier: String = "1.2", reason: String = "\"r\"") -> String {
        #"{"day_pattern": \#(day), "hour_range": \#(hours), "modifier": \#(modifier), "reason": \#(reason)}"#
    }

    @Test func readsTheSeedsExampleAsAnArrayOrAnObject() throws {
        let answer = """
            [{"day_pattern": "all", "hour_range": [8, 9, 10, 11], "modifier": 1.3, "reason": "loves mornings"},
             {"day_pattern": "friday", "hour_range": [14, 15, 16, 17], "modifier": 0.6, "reason": "crashes Friday afternoons"},
             {"day_pattern": "Tuesday", "hour_range": [9, 10, 11], "modifier": 1.4, "reason": "sweet spot"}]
            """
        let adjustments = try parser.parse(answer).get()
        #expect(adjustments.map(\.dayPattern) == [.all, .friday, .tuesday])
        #expect(adjustments[1].hourRange == [14, 15, 16, 17] && adjustments[1].modifier == 0.6)
        #expect(try parser.parse(#"{"adjustments": [\#(item())]}"#).get().count == 1)
        #expect(try parser.parse("```json\n[\(item())]\n```").get().count == 1)
        #expect(try parser.parse("[]").get().isEmpty)
    }

    @Test func refusesAnythingThatIsNotJSON() {
        #expect(rejects("Sure! Mornings are great for coding.") == .notJSON)
        #expect(rejects("") == .notJSON)
        #expect(rejects("[{\"day_pattern\": \"all\",") == .notJSON)
        #expect(rejects("'; DROP TABLE task_type; --") == .notJSON)
    }

    @Test func refusesValuesOutsideTheirRanges() {
        #expect(rejects("[\(item(modifier: "9"))]") == .modifierOutOfRange(9))
        #expect(rejects("[\(item(modifier: "0.49"))]") == .modifierOutOfRange(0.49))
        #expect(rejects("[\(item(modifier: "-1"))]") == .modifierOutOfRange(-1))
        #expect(rejects("[\(item(modifier: "1e308"))]") == .modifierOutOfRange(1e308))
        #expect(rejects("[\(item(day: "\"funday\""))]") == .unknownDay("funday"))
        #expect(rejects("[\(item(hours: "[25]"))]") == .badHour("25.0"))
        #expect(rejects("[\(item(hours: "[-1]"))]") == .badHour("-1.0"))
        #expect(rejects("[\(item(hours: "[9.5]"))]") == .badHour("9.5"))
        #expect(rejects("[\(item(hours: "[]"))]") == .wrongShape("hour_range is empty"))
        #expect(rejects("[\(item(hours: "[" + (0..<30).map { String($0 % 24) }.joined(separator: ",") + "]"))]") == .tooManyHours(30))
        #expect(rejects("[\(item(hours: "[9, 9]"))]") == .duplicateHour(9))
    }

    @Test func refusesWrongTypesAndNestedGarbage() {
        #expect(rejects("[\(item(hours: "[true]"))]") == .badHour("true"))
        #expect(rejects("[\(item(hours: "[\"9\"]"))]") == .badHour("\"9\""))
        #expect(rejects("[\(item(hours: "[[9]]"))]") == .badHour("an array"))
        #expect(rejects("[\(item(hours: "\"8-11\""))]") == .wrongShape("hour_range is not an array"))
        #expect(rejects("[\(item(modifier: "\"1.2\""))]") == .wrongShape("modifier is not a number"))
        #expect(rejects("[\(item(modifier: "true"))]") == .wrongShape("modifier is not a number"))
        #expect(rejects("[\(item(day: "{\"$ne\": 1}"))]") == .unknownDay("(not a string)"))
        #expect(rejects("[\(item(reason: "null"))]") == .badReason)
        #expect(rejects("[\(item(reason: "\"" + String(repeating: "x", count: 500) + "\""))]") == .badReason)
        #expect(rejects("[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]") == .wrongShape("an adjustment is not an object"))
        #expect(rejects(String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)) != nil)
        #expect(rejects("{\"adjustments\": [], \"also\": 1}") == .wrongShape("expected an array or {\"adjustments\": [...]}"))
        #expect(rejects("42") == .wrongShape("expected an array or {\"adjustments\": [...]}"))
        #expect(rejects("[\(item().dropLast()), \"apply_to_all_users\": true}]") == .unknownKey("apply_to_all_users"))
        #expect(rejects(#"[{"day_pattern": "all", "hour_range": [9], "modifier": 1.1}]"#) == .missingKey("reason"))
    }

    @Test func refusesTooManyAdjustmentsDuplicatesAndHugeAnswers() {
        let thirteen = (0..<13).map { item(hours: "[\($0)]") }.joined(separator: ",")
        #expect(rejects("[\(thirteen)]") == .tooMany(13))
        #expect(rejects("[\(item(hours: "[9, 8]")), \(item(hours: "[8, 9]"))]") == .duplicateAdjustment(1))
        let huge = "[" + Array(repeating: item(), count: 2000).joined(separator: ",") + "]"
        #expect(rejects(huge) == .tooLong(huge.count))
    }

    @Test func theOfflineInterpretersOutputPassesTheSameValidation() {
        let adjustments = OfflineInterpreter().interpret(["User loves morning coding sessions", "Friday afternoons are when user crashes"])
        #expect(AdjustmentValidator().validate(adjustments) == .success(adjustments))
        #expect(AdjustmentValidator().validate([SyncAdjustment(dayPattern: .all, hourRange: [9], modifier: .nan, reason: "")]) != .success([]))
    }
}

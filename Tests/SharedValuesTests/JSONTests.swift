import SharedValues
import Testing

@Suite struct JSONTests {
    @Test func membersKeepTheirOrderThroughParseAndText() throws {
        let text = #"{"zeta":1,"alpha":[true,false,null],"mid":{"b":"x","a":-2.5e3}}"#
        let value = try JSON.parse(text)
        #expect(value.text == #"{"zeta":1,"alpha":[true,false,null],"mid":{"b":"x","a":-2500.0}}"#)
        #expect(value["mid"]?["a"]?.double == -2500)
        #expect(value["zeta"] == .integer(1) && value["zeta"]?.bool == nil, "a number is never a boolean")
    }

    @Test func stringsRoundTripWithEscapesAndSurrogatePairs() throws {
        let value = try JSON.parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00\u0001""#)
        #expect(value.string == "a\"b\\c/d\né😀\u{1}")
        #expect(value.text == #""a\"b\\c/d\né😀\u0001""#)
        #expect(try JSON.parse(value.text) == value)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"\u{1}\"", "[1] x", "{\"a\":1,}", "NaN", "1e999"])
    func malformedTextIsRefused(_ text: String) {
        #expect(throws: JSON.ParseError.self) { try JSON.parse(text) }
    }

    @Test func nestingBeyondTheLimitIsRefusedWithoutCrashing() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSON.ParseError.self) { try JSON.parse(deep) }
    }

    @Test func numbersAreWrittenAsTheyMean() {
        #expect(JSON.numeric(3).text == "3" && JSON.numeric(0.125).text == "0.125")
        #expect(JSON.number(1).text == "1.0", "a fraction stays a fraction")
        #expect(JSON.number(.infinity).text == "null")
        #expect(JSON.integer(2) == JSON.number(2.0))
    }

    @Test func aDictionaryBecomesAnObjectSortedByKey() {
        #expect(JSON.object(["b": 1, "a": 2] as [String: JSON]).text == #"{"a":2,"b":1}"#)
        let literal: JSON = ["b": 1, "a": 2]
        #expect(literal.text == #"{"b":1,"a":2}"#, "a literal keeps the order written")
    }

    @Test func aRepeatedKeyKeepsItsLastValue() throws {
        let value = try JSON.parse(#"{"a":1,"a":2}"#)
        #expect(value["a"] == 2 && value.object?["a"] == 2)
    }
}

@Suite struct StableHashTests {
    @Test func isFNV1a64() {
        #expect(StableHash.value("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
        var streamed = StableHash()
        streamed.mix("fo")
        streamed.mix(Array("o".utf8))
        #expect(streamed.value == StableHash.value("foo"))
    }
}

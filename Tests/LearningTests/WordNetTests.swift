@testable import Coaching
import EncoderTestSupport
import Foundation
import Testing

/// WordNet read in place, and the word-by-word reading of task names built on it.
@Suite(.enabled(if: WordNetFiles.present, "WordNet not found; run scripts/install-system-deps.sh (wordnet-base)"))
struct WordNetTests {
    static func comparison(_ rules: NameComparison.Rules = NameComparison.Rules()) throws -> NameComparison {
        NameComparison(thesaurus: Thesaurus(wordNet: try #require(WordNetFiles.shared)), lexicon: try TaskMatchingTests.shippedLexicon(), rules: rules)
    }

    @Test func aLemmaIsFoundInTheSortedIndexWithItsSensesInOrder() throws {
        let wordNet = try #require(WordNetFiles.shared)
        let thesis = wordNet.senses(of: "thesis", .noun)
        #expect(thesis.count == 2)
        #expect(thesis.compactMap(wordNet.synset).map(\.lemmas) == [["thesis"], ["dissertation", "thesis"]])
        #expect(wordNet.senses(of: "table_tennis", .noun).count == 1)
        // The first and last lemmas of the index, and words that are not there.
        #expect(!wordNet.senses(of: "zymurgy", .noun).isEmpty)
        #expect(wordNet.senses(of: "qqqzzz", .noun).isEmpty)
        #expect(wordNet.senses(of: "", .noun).isEmpty)
        #expect(wordNet.senses(of: "  1", .noun).isEmpty)
    }

    @Test func baseFormsFollowMorphyWithIrregularFormsAndDoubledConsonants() throws {
        let wordNet = try #require(WordNetFiles.shared)
        #expect(wordNet.baseForms(of: "geese", .noun).contains("goose"))
        #expect(wordNet.baseForms(of: "hoovering", .verb) == ["hoover"])
        #expect(wordNet.baseForms(of: "running", .verb).contains("run"))
        #expect(wordNet.baseForms(of: "ran", .verb).contains("run"))
        #expect(wordNet.baseForms(of: "qqqzzzing", .verb).isEmpty)
    }

    @Test func synonymsAndDerivedWordsAreRelatedAndSiblingsAreNot() throws {
        let thesaurus = Thesaurus(wordNet: try #require(WordNetFiles.shared))
        #expect(Thesaurus.related(thesaurus.reading("ring"), thesaurus.reading("call")))
        #expect(Thesaurus.related(thesaurus.reading("nan"), thesaurus.reading("grandma")))
        #expect(!Thesaurus.related(thesaurus.reading("spanish"), thesaurus.reading("french")))
        #expect(Thesaurus.siblings(thesaurus.reading("spanish"), thesaurus.reading("french")))
        #expect(!Thesaurus.siblings(thesaurus.reading("grocery"), thesaurus.reading("dentist")))
    }

    @Test func namesThatMeanTheSameTaskAreTheSameKind() throws {
        let comparison = try WordNetTests.comparison()
        #expect(comparison.verdict("ring nan", "call grandma") == .sameKind)
        #expect(comparison.verdict("Thesis", "dissertation") == .sameKind)
        #expect(comparison.verdict("bball", "basketball") == .sameKind)
        #expect(comparison.verdict("physio appt", "physiotherapy") == .sameKind)
        #expect(comparison.verdict("run around the park", "run") == .sameKind)
        #expect(comparison.verdict("vacuum", "hoovering") == .sameKind)
        // A compound one name writes as one word.
        #expect(comparison.verdict("leet code", "leetcode") == .sameKind)
        #expect(comparison.verdict("on call", "oncall") == .sameKind)
    }

    @Test func kindsOfOneThingAndDictionaryWordsASlipApartAreOtherKinds() throws {
        let comparison = try WordNetTests.comparison()
        #expect(comparison.verdict("spanish class", "french class") == .otherKind)
        #expect(comparison.verdict("meditation", "medication") == .otherKind)
        #expect(comparison.verdict("german lesson", "french lessons") == .otherKind)
        // A typo that is not a word is still a typo.
        #expect(comparison.verdict("meditaiton", "meditation") != .otherKind)
    }

    @Test func wordNetHasNoSayWhereItKnowsNothingOrWhereComplementsDiffer() throws {
        let comparison = try WordNetTests.comparison()
        #expect(comparison.verdict("qqq project", "zzz report") == .undecided)
        #expect(comparison.verdict("piano lessons for emma", "piano lessons for jack") == .undecided)
        #expect(comparison.verdict("deep work", "the") == .undecided)
        let noVetoes = try WordNetTests.comparison(NameComparison.Rules(siblings: false, confusables: false))
        #expect(noVetoes.verdict("spanish class", "french class") != .otherKind)
    }

    @Test func aShortFormIsAnAbbreviationOnlyWhenItIsNotAWordItself() {
        #expect(NameComparison.abbreviates("hw", "home_work", known: false))
        #expect(NameComparison.abbreviates("bball", "basketball", known: false))
        #expect(NameComparison.abbreviates("physio", "physiotherapy", known: false))
        #expect(!NameComparison.abbreviates("hw", "homework", known: false))
        #expect(!NameComparison.abbreviates("tea", "teaching", known: true))
        #expect(!NameComparison.abbreviates("bxl", "basketball", known: false))
    }

    @Test func theMatcherTakesWordNetsVerdictOverTheEmbedding() throws {
        let comparison = try WordNetTests.comparison()
        let matcher = TaskTypeMatcher(embedding: HashedNGramEmbedding(lexicon: try TaskMatchingTests.shippedLexicon()))
        #expect(matcher.matches("spanish class", "french class"))
        #expect(!matcher.matches("ring nan", "call grandma"))
        let reading = matcher.withNameComparison(comparison)
        #expect(!reading.matches("spanish class", "french class"))
        #expect(reading.bestMatch(for: "ring nan", amongNames: ["gym", "call grandma", "groceries"])?.index == 1)
    }
}

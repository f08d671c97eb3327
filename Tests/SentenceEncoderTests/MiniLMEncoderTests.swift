import EncoderTestSupport
import Foundation
import Synchronization
import Testing
@testable import SentenceEncoder

/// Parity with the reference (sentence-transformers' quick start for all-MiniLM-L6-v2). Needs the weights that
/// `make test` fetches; skipped, and says so, when they are absent.
@Suite(.enabled(if: EncoderFiles.present, "encoder weights not found; run scripts/fetch-encoder.sh"))
struct MiniLMEncoderTests {
    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    @Test(arguments: MatrixKernel.allCases)
    func reproducesThePublishedSimilarities(kernel: MatrixKernel) throws {
        let encoder = try MiniLMEncoder(modelPath: EncoderFiles.model, vocabularyPath: EncoderFiles.vocabulary, kernel: kernel)
        let vectors = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."].map(encoder.embed)
        #expect(vectors.allSatisfy { $0.count == 384 })
        #expect(abs(Self.cosine(vectors[0], vectors[0]) - 1) < 1e-5, "unit length")
        let similarities = [Self.cosine(vectors[0], vectors[1]), Self.cosine(vectors[0], vectors[2]), Self.cosine(vectors[1], vectors[2])]
        print("MiniLM similarities (\(kernel.rawValue) kernel): \(similarities.map { String(format: "%.4f", $0) })")
        for (measured, published) in zip(similarities, [0.6660, 0.1046, 0.1411]) {
            #expect(abs(measured - published) < 0.00006, "\(measured) vs \(published)")
        }
    }

    /// The fast kernel and the portable one agree per dimension, on short and long texts (one token to the cap).
    @Test func bothKernelsGiveTheSameVectors() throws {
        let fast = try MiniLMEncoder(modelPath: EncoderFiles.model, vocabularyPath: EncoderFiles.vocabulary, kernel: .openBLAS)
        let portable = try MiniLMEncoder(modelPath: EncoderFiles.model, vocabularyPath: EncoderFiles.vocabulary, kernel: .portable)
        let texts = ["", "gm", "hold me accountable this week, I keep skipping the gym",
                     String(repeating: "why do I always put off the hard tasks until the evening? ", count: 30)]
        for text in texts {
            let a = fast.embed(text), b = portable.embed(text)
            let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-5, "\(text.prefix(20)): largest difference \(worst)")
        }
    }

    /// The bot embeds route examples on every core at once: concurrent products must not share buffers.
    @Test func concurrentCallsGiveTheSerialVectors() throws {
        let encoder = try MiniLMEncoder(modelPath: EncoderFiles.model, vocabularyPath: EncoderFiles.vocabulary)
        let texts = (0..<16).map { "message number \($0): can you help me plan the week around my thesis?" }
        let serial = texts.map(encoder.embed)
        let parallel = Mutex([[Float]](repeating: [], count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            let vector = encoder.embed(texts[index])
            parallel.withLock { $0[index] = vector }
        }
        #expect(parallel.withLock { $0 } == serial)
    }

    @Test func tokenisesAsTheReferenceDoes() throws {
        let vocabulary = try String(contentsOfFile: EncoderFiles.vocabulary, encoding: .utf8)
        let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary)
        // The reference ids for the quick-start sentence, and a word split into pieces.
        #expect(tokenizer.encode("The weather is lovely today.") == [101, 1996, 4633, 2003, 8403, 2651, 1012, 102])
        let pieces = tokenizer.encode("procrastinating")
        #expect(pieces.count > 3 && pieces.first == 101 && pieces.last == 102)
        #expect(tokenizer.encode("Café") == tokenizer.encode("cafe"), "accents stripped after NFD")
        #expect(tokenizer.encode("ok👍") == [101, tokenizer.unknownID, 102], "an emoji glued to a word makes it unknown")
        #expect(tokenizer.encode(String(repeating: "word ", count: 400)).count == 256, "at most 256 tokens")
    }

    @Test func loadsFastAndRepeatsItselfExactly() throws {
        let started = Date()
        let encoder = try MiniLMEncoder(modelPath: EncoderFiles.model, vocabularyPath: EncoderFiles.vocabulary)
        print("MiniLM load: \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        #expect(encoder.embed("hold me accountable") == encoder.embed("hold me accountable"))
        #expect(encoder.identifier.hasPrefix("all-MiniLM-L6-v2/384d/"))
    }
}

@Suite struct WordPieceTokenizerTests {
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "hello", "world", "!", ",", "un", "##believ", "##able", "cafe", "你", "好"]
        .joined(separator: "\n")

    @Test func splitsOnPunctuationWhitespaceAndCJKAndMatchesLongestPieces() throws {
        let tokenizer = try WordPieceTokenizer(vocabulary: Self.vocabulary)
        #expect(tokenizer.encode("Hello, WORLD!") == [2, 4, 7, 5, 6, 3])
        #expect(tokenizer.encode("unbelievable") == [2, 8, 9, 10, 3])
        #expect(tokenizer.encode("café") == [2, 11, 3])
        #expect(tokenizer.encode("你好") == [2, 12, 13, 3])
        #expect(tokenizer.encode("hel\u{200B}lo") == [2, 4, 3], "a zero-width space is deleted, not a split")
        #expect(tokenizer.encode("unbelievably") == [2, 1, 3], "a word with an unknown piece is unknown as a whole")
    }

    @Test func aVocabularyWithoutSpecialTokensIsRejected() {
        #expect(throws: WordPieceTokenizer.LoadError.self) { try WordPieceTokenizer(vocabulary: "hello\nworld") }
    }
}

@Suite struct SafetensorsFileTests {
    func write(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "st-\(UUID().uuidString).safetensors"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func file(header: String, payload: [Float]) throws -> String {
        var header = Array(header.utf8)
        while (8 + header.count) % 4 != 0 { header.append(UInt8(ascii: " ")) }
        var bytes = withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init) + header
        for value in payload { bytes += withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) }
        return try write(bytes)
    }

    @Test func readsAFloatTensorAndChecksItsShape() throws {
        let path = try file(header: #"{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"__metadata__":{"format":"pt"}}"#,
                            payload: [1, 2, 3, 4])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try SafetensorsFile(path: path)
        #expect(Array(try file.floats("w", shape: [2, 2])) == [1, 2, 3, 4])
        #expect(throws: SafetensorsFile.LoadError.self) { try file.floats("w", shape: [4]) }
        #expect(throws: SafetensorsFile.LoadError.self) { try file.floats("missing", shape: [1]) }
    }

    @Test func brokenFilesAreReportedWithTheirPath() throws {
        let short = try write([1, 2, 3])
        let lying = try file(header: #"{"w":{"dtype":"F32","shape":[8],"data_offsets":[0,32]}}"#, payload: [1])
        defer { for path in [short, lying] { try? FileManager.default.removeItem(atPath: path) } }
        for path in [short, lying, "/nonexistent/model.safetensors"] {
            #expect { try SafetensorsFile(path: path) } throws: { error in
                (error as? SafetensorsFile.LoadError)?.description.hasPrefix(path) == true
            }
        }
    }
}

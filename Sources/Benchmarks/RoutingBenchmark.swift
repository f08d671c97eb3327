import Coaching
import Foundation

/// What routing a chat message costs: the classifier on hashed features alone and with the sentence encoder
/// (texts never seen before, so the embedding cache cannot help, and repeated texts, where it does), by length,
/// on one thread. Also the start-up: loading the encoder and training the router both ways.
public struct RoutingBenchmark: Sendable {
    public struct Line: Sendable {
        public var name: String
        public var tokens: Double
        public var wall: LatencySummary
        public var cpu: LatencySummary
    }

    public struct Report: Sendable {
        public var lines: [Line]
        public var encoderLoadMs: Double
        public var hashedTrainingMs: Double
        public var encoderTrainingMs: Double?
        public var examples: Int

        public var table: String {
            var out = ["routing cost per chat message (one thread)                 tokens   p50 us    p99 us  cpu p50   cpu p99"]
            for line in lines {
                out.append(line.name.padding(toLength: 56, withPad: " ", startingAt: 0)
                           + String(format: "%8.1f %8.0f %9.0f %8.0f %9.0f", line.tokens, line.wall.p50, line.wall.p99, line.cpu.p50, line.cpu.p99))
            }
            out.append(String(format: "start-up: encoder load %.0f ms; router on %d examples: hashed %.0f ms", encoderLoadMs, examples, hashedTrainingMs)
                       + (encoderTrainingMs.map { String(format: ", with the encoder %.0f ms (every example embedded, all cores)", $0) } ?? ", no encoder"))
            return out.joined(separator: "\n")
        }
    }

    let examples: RouteExamples
    let encoder: (@Sendable () -> SentenceEmbedding?)
    let lexicon: ConceptLexicon
    let wordNet: WordNet?

    /// `encoder` loads a fresh encoder (so its cache starts empty and its load is timed); nil when there is none.
    /// `lexicon` is the task-name lexicon the bot's matcher uses on the command path.
    /// `wordNet`, when given, reads task names word by word in the matcher as the bot's does.
    public init(examples: RouteExamples, lexicon: ConceptLexicon = .minimal, wordNet: WordNet? = nil,
                encoder: @escaping @Sendable () -> SentenceEmbedding?) {
        self.wordNet = wordNet
        self.examples = examples
        self.lexicon = lexicon
        self.encoder = encoder
    }

    public func run(messagesPerGroup: Int = 200) -> Report {
        var clock = ContinuousClock.now
        let hashed = RouteClassifier(examples: examples)
        let hashedMs = (ContinuousClock.now - clock).microseconds / 1000
        let groups = RoutingBenchmark.groups(from: examples, count: messagesPerGroup)
        var lines: [Line] = groups.map { measure("hashed features, \($0.name)", $0.texts, hashed) }
        clock = ContinuousClock.now
        guard let embedding = encoder() else {
            return Report(lines: lines, encoderLoadMs: 0, hashedTrainingMs: hashedMs, encoderTrainingMs: nil, examples: examples.examples.count)
        }
        let loadMs = (ContinuousClock.now - clock).microseconds / 1000
        clock = ContinuousClock.now
        let full = RouteClassifier(examples: examples, embedding: embedding)
        let fullMs = (ContinuousClock.now - clock).microseconds / 1000
        for group in groups {
            var line = measure("hashed + encoder, unseen, \(group.name)", group.texts, full)
            line.tokens = group.texts.map { Double(embedding.encoder.tokenizer.encode($0).count) }.reduce(0, +) / Double(group.texts.count)
            lines.append(line)
        }
        lines.append(measure("hashed + encoder, repeated text (cache hit)", groups[0].texts, full))
        lines += taskMatching(embedding)
        return Report(lines: lines, encoderLoadMs: loadMs, hashedTrainingMs: hashedMs, encoderTrainingMs: fullMs, examples: examples.examples.count)
    }

    func measure(_ name: String, _ texts: [String], _ router: RouteClassifier) -> Line {
        var wall: [Double] = [], cpu: [Double] = []
        for text in texts {
            let startCPU = ThreadClock.cpuMicroseconds()
            let start = ContinuousClock.now
            _ = router.classify(text)
            wall.append((ContinuousClock.now - start).microseconds)
            cpu.append(ThreadClock.cpuMicroseconds() - startCPU)
        }
        return Line(name: name, tokens: 0, wall: LatencySummary(microseconds: wall), cpu: LatencySummary(microseconds: cpu))
    }

    /// `schedule <name>` for a name that is not one of the user's 20 task types exactly: the matcher's cost on
    /// the command path, for a new kind of task and for a paraphrase of an existing one (one encoder call for the
    /// new name either way). The user's names are embedded once first, as a running bot has them cached.
    func taskMatching(_ embedding: SentenceEmbedding) -> [Line] {
        let plain = TaskTypeMatcher.withEncoder(embedding, lexicon: lexicon)
        var lines = taskMatching(embedding, plain, "")
        if let wordNet {
            lines += taskMatching(embedding, plain.withNameComparison(NameComparison(thesaurus: Thesaurus(wordNet: wordNet), lexicon: lexicon)), " + WordNet")
        }
        return lines
    }

    func taskMatching(_ embedding: SentenceEmbedding, _ matcher: TaskTypeMatcher, _ suffix: String) -> [Line] {
        let names = Population.taskNames
        for name in names { _ = matcher.bestMatch(for: name, amongNames: names) }
        func timed(_ label: String, _ queries: [String]) -> Line {
            var wall: [Double] = [], cpu: [Double] = []
            let before = embedding.cachedCount
            for query in queries {
                let startCPU = ThreadClock.cpuMicroseconds()
                let start = ContinuousClock.now
                _ = matcher.bestMatch(for: query, amongNames: names)
                wall.append((ContinuousClock.now - start).microseconds)
                cpu.append(ThreadClock.cpuMicroseconds() - startCPU)
            }
            let encoded = embedding.cachedCount - before
            return Line(name: "task match among 20\(suffix), \(label) (\(encoded)/\(queries.count) enc.)", tokens: 0,
                        wall: LatencySummary(microseconds: wall), cpu: LatencySummary(microseconds: cpu))
        }
        return [timed("new kind of task", RoutingBenchmark.newTaskNames), timed("paraphrase", RoutingBenchmark.paraphrasedTaskNames)]
    }

    static let newTaskNames = [
        "dentist appointment", "call grandma", "tax return", "water the plants", "laundry", "car service", "piano lesson",
        "book club", "haircut", "pay rent", "vet visit", "meal prep", "swimming", "date night", "clean the garage",
        "doctor checkup", "passport renewal", "school pickup", "bike repair", "choir practice",
    ]

    static let paraphrasedTaskNames = [
        "daily standup", "workout", "inbox zero", "reading time", "pr review", "blog post", "jogging", "weekly planning",
        "spanish lesson", "design critique", "morning yoga", "budgeting", "guitar practice", "1:1", "grocery shopping",
        "meditate", "interview practice", "coding session", "hobby project", "research reading",
    ]

    /// Messages no example equals (a counter word is appended), grouped by length as chat comes.
    static func groups(from examples: RouteExamples, count: Int) -> [(name: String, texts: [String])] {
        let texts = examples.examples.map(\.text)
        func words(_ text: String) -> Int { text.split(separator: " ").count }
        let short = texts.filter { words($0) <= 4 }, medium = texts.filter { (5...12).contains(words($0)) }
        let long = medium.indices.map { medium[$0] + ", and " + medium[(($0 * 7) + 3) % medium.count].lowercased() }
        func unseen(_ pool: [String]) -> [String] { (0..<count).map { "\(pool[$0 % pool.count]) \(RoutingBenchmark.fillers[$0 % fillers.count])\($0)" } }
        return [("short (1-4 words)", unseen(short)), ("medium (5-12 words)", unseen(medium)), ("long (two sentences)", unseen(long))]
    }

    static let fillers = ["today", "now", "again", "please", "really"]
}

/// CPU time of the calling thread: the cost of one message even on a machine other processes keep busy.
enum ThreadClock {
    static func cpuMicroseconds() -> Double {
        var spec = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec) == 0 else { return 0 }
        return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
    }
}

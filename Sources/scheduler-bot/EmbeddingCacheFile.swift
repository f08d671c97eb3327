import Coaching
import Foundation

/// The sentence encoder's vectors for texts it has seen (the route examples above all), kept in the encoder's
/// folder so a restart does not embed them again: embedding every example takes seconds, reading them milliseconds.
///
/// Layout: a line naming the encoder, then per entry a little-endian UInt32 byte count, the UTF-8 text and the
/// Float32 vector. A file written by another encoder, or damaged, is ignored and rewritten.
struct EmbeddingCacheFile {
    let path: String

    func load(into embedding: SentenceEmbedding) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let header = Array((embedding.embeddingID + "\n").utf8)
        guard data.count >= header.count, Array(data.prefix(header.count)) == header else { return }
        let width = embedding.encoder.dimensions * 4
        var entries: [(text: String, vector: [Float])] = []
        var offset = header.count
        let bytes = [UInt8](data)
        while offset + 4 <= bytes.count {
            let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
            offset += 4
            guard length >= 0, offset + length + width <= bytes.count else { return }
            let text = String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
            offset += length
            let vector = bytes[offset..<(offset + width)].withUnsafeBytes { raw in
                (0..<embedding.encoder.dimensions).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
            }
            offset += width
            entries.append((text, vector))
        }
        embedding.preload(entries)
    }

    /// Writes the cache atomically; a folder the bot may not write to just means no cache.
    func save(_ embedding: SentenceEmbedding) {
        var bytes = Array((embedding.embeddingID + "\n").utf8)
        for (text, vector) in embedding.snapshot() {
            let utf8 = Array(text.utf8)
            let length = UInt32(utf8.count)
            bytes += [UInt8(length & 0xFF), UInt8((length >> 8) & 0xFF), UInt8((length >> 16) & 0xFF), UInt8(length >> 24)]
            bytes += utf8
            for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        }
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

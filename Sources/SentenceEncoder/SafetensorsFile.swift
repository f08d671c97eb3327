import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A safetensors file mapped into memory: an 8-byte little-endian header length, a JSON header
/// (`{"name": {"dtype", "shape", "data_offsets"}}`), then the raw little-endian tensors.
///
/// Mapping instead of reading means only the pages actually used are loaded (most of the word
/// embedding table is never touched by English chat). The mapping lives as long as this object.
public final class SafetensorsFile: @unchecked Sendable {
    // Unchecked: the mapping is read-only and never changes after init; deinit unmaps it.
    public struct Tensor: Sendable {
        public var dtype: String
        public var shape: [Int]
        public var start: Int
        public var end: Int
    }

    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    public let path: String
    public let tensors: [String: Tensor]
    public let byteCount: Int
    private let base: UnsafeMutableRawPointer
    private let dataStart: Int

    public init(path: String) throws(LoadError) {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw LoadError(path: path, message: "cannot open (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 8 else { throw LoadError(path: path, message: "too short to be safetensors") }
        byteCount = Int(status.st_size)
        guard let mapped = mmap(nil, byteCount, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw LoadError(path: path, message: "cannot map into memory (\(String(cString: strerror(errno))))")
        }
        base = mapped
        let headerLength = Int(UInt64(littleEndian: mapped.loadUnaligned(as: UInt64.self)))
        guard headerLength > 0, 8 + headerLength <= byteCount else {
            munmap(mapped, byteCount)
            throw LoadError(path: path, message: "header length \(headerLength) does not fit the file")
        }
        dataStart = 8 + headerLength
        do {
            tensors = try SafetensorsFile.parseHeader(Data(bytes: mapped + 8, count: headerLength), dataBytes: byteCount - dataStart)
        } catch {
            munmap(mapped, byteCount)
            throw LoadError(path: path, message: error.message)
        }
    }

    deinit { munmap(base, byteCount) }

    /// A float32 tensor's values, checked against the expected shape.
    public func floats(_ name: String, shape expected: [Int]) throws(LoadError) -> UnsafeBufferPointer<Float> {
        guard let tensor = tensors[name] else { throw LoadError(path: path, message: "no tensor named \(name)") }
        guard tensor.dtype == "F32" else { throw LoadError(path: path, message: "\(name) is \(tensor.dtype); only F32 is supported") }
        guard tensor.shape == expected else { throw LoadError(path: path, message: "\(name) has shape \(tensor.shape), expected \(expected)") }
        let pointer = base + dataStart + tensor.start
        guard Int(bitPattern: pointer) % MemoryLayout<Float>.alignment == 0 else {
            throw LoadError(path: path, message: "\(name) is not aligned to 4 bytes")
        }
        return UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: Float.self), count: (tensor.end - tensor.start) / 4)
    }

    struct HeaderError: Error { var message: String }

    static func parseHeader(_ data: Data, dataBytes: Int) throws(HeaderError) -> [String: Tensor] {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch { throw HeaderError(message: "header is not JSON") }
        guard let entries = object as? [String: Any] else { throw HeaderError(message: "header is not a JSON object") }
        var tensors: [String: Tensor] = [:]
        for (name, value) in entries where name != "__metadata__" {
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = (fields["shape"] as? [NSNumber])?.map(\.intValue),
                  let offsets = (fields["data_offsets"] as? [NSNumber])?.map(\.intValue), offsets.count == 2 else {
                throw HeaderError(message: "tensor \(name) lacks dtype, shape or data_offsets")
            }
            let width = ["F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4][dtype] ?? 1
            let expectedBytes = shape.reduce(1, *) * width
            guard offsets[0] >= 0, offsets[1] <= dataBytes, offsets[1] - offsets[0] == expectedBytes else {
                throw HeaderError(message: "tensor \(name) has offsets \(offsets) that do not match its shape \(shape)")
            }
            tensors[name] = Tensor(dtype: dtype, shape: shape, start: offsets[0], end: offsets[1])
        }
        return tensors
    }
}

import FuzzSupport
import HanziKit

// Every charset decodes any bytes strictly (a thrown error, never a crash) and substituting;
// what decodes strictly encodes back to the same bytes for the charsets that round-trip.
let charsets: [Charset] = [.gbk, .gb18030, .big5, .big5HKSCS, .windows1252, .latin1, .shiftJIS, .utf16LE, .utf16]

@_cdecl("FuzzDecode_main")
func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    for charset in charsets {
        _ = try? charset.decode(bytes, mode: .substitute)
        if let text = try? charset.decode(bytes, mode: .strict), charset == .gb18030 || charset == .latin1 {
            let back = try? charset.encode(text, mode: .strict)
            precondition(back == Array(bytes), "\(charset) did not round-trip")
        }
    }
    _ = CharsetDetector.detect(bytes)
    return 0
}

import FuzzSupport
import HanziKit

// Conversion never crashes on any bytes, and on valid UTF-8 gives valid UTF-8.
let converters = ["s2t", "t2s", "s2twp", "tw2sp", "hk2s", "t2jp"].map { try! Converter(ConversionConfig.Name(rawValue: $0)) }

@_cdecl("FuzzConvert_main")
func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let valid = UTF8Validation.firstInvalidOffset(UnsafeRawBufferPointer(bytes)) == nil
    for converter in converters {
        var output: [UInt8] = []
        converter.convert(utf8: bytes, into: &output)
        if valid { precondition(UTF8Validation.firstInvalidOffset(output) == nil, "invalid UTF-8 out of valid input") }
    }
    return 0
}

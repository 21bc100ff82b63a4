import FuzzSupport
import HanziKit

// Repair never crashes, and repairing its own output changes nothing more. `hanzi clean`'s
// pipeline (repair, then s2t) gives the same text on its fast path and its explaining path,
// and every change it reports points at bytes of the input.
let repairer = try! Repairer()
let cleaner = Cleaner(repairer: repairer, converter: try! Converter(.s2t))

@_cdecl("FuzzRepair_main")
func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let once = repairer.repair(text)
    let twice = repairer.repair(once.text)
    precondition(twice.text == once.text, "repair is not idempotent")
    var fast: [UInt8] = [], explained: [UInt8] = []
    var scratch = Cleaner.Scratch()
    cleaner.clean(utf8: bytes, into: &fast, scratch: &scratch)
    let changes = cleaner.clean(utf8: bytes, explainingInto: &explained)
    precondition(fast == explained, "clean's two paths disagree")
    precondition(changes.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= size }, "change outside the input")
    return 0
}

import FuzzSupport
import HanziKit

// Repair never crashes, and repairing its own output changes nothing more.
nonisolated(unsafe) let repairer = try! Repairer()

@_cdecl("FuzzRepair_main")
func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    let once = repairer.repair(text)
    let twice = repairer.repair(once.text)
    precondition(twice.text == once.text, "repair is not idempotent")
    return 0
}

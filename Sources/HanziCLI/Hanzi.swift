import ArgumentParser
import HanziKit

@main
struct Hanzi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hanzi",
        abstract: "Chinese text toolkit: Simplified/Traditional conversion, word segmentation, repair of garbled text.",
        discussion: """
            Dictionaries are embedded in the binary. --dictionaries DIR (or HANZI_DICTIONARIES) \
            points to a directory laid out like the project's Dictionaries/ folder instead.

            Exit codes: 0 ok, 1 --check found something, 3 input error (unreadable or invalid \
            input), 4 dictionary error; usage errors keep the argument parser's code (64).

            Examples:
              hanzi clean --encoding auto -c s2twp scraped.txt -o article.txt
              echo 鼠标里面的硅二极管坏了 | hanzi convert -c s2twp
              hanzi segment --mode search --format jsonl corpus.txt
              echo '他说：鈥滀綘濂解€�' | hanzi repair --explain
            """,
        version: HanziKitVersion.string,
        subcommands: [CleanCommand.self, ConvertCommand.self, DetectCommand.self, DictCommand.self, RepairCommand.self, SegmentCommand.self, IndexCommand.self]
    )
}

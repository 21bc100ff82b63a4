"""Run a `hanzi` command over a corpus as a Spark RDD.pipe stage.

Each partition of the input is streamed through one `hanzi` process (stdin to stdout, one
output line per input line), so any `hanzi` command that keeps lines one-to-one — `segment`,
`convert`, `repair`, `clean` — scales out unchanged. Lines are split on "\\n" only, as hanzi
does (Hadoop's default reader would also split on "\\r"), and the parts are written in input
order, so concatenating them gives exactly what a local run gives.

Usage: hanzi_pipe.py --hanzi PATH --input FILE --output DIR [--partitions N] -- segment --mode search
"""
import argparse
import os
import shlex
import sys

from pyspark import SparkConf, SparkContext


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hanzi", required=True, help="path of the hanzi binary (must exist on every worker)")
    parser.add_argument("--input", required=True, help="input text file (UTF-8)")
    parser.add_argument("--output", required=True, help="output directory (Spark writes part-NNNNN files)")
    parser.add_argument("--partitions", type=int, default=4, help="about how many pieces to cut the input into")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="hanzi subcommand and options, after --")
    args = parser.parse_args()
    command = [a for a in args.command if a != "--"]
    if not command:
        parser.error("give the hanzi subcommand after --, e.g. -- segment --mode search")

    conf = SparkConf().setMaster(args.master).setAppName("hanzi " + " ".join(command))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    # "\n" as the only record delimiter, like hanzi; a trailing "\r" stays in its line.
    lines = sc.newAPIHadoopFile(
        args.input,
        "org.apache.hadoop.mapreduce.lib.input.TextInputFormat",
        "org.apache.hadoop.io.LongWritable",
        "org.apache.hadoop.io.Text",
        conf={
            "textinputformat.record.delimiter": "\n",
            # Cut the file into input splits (not a shuffle), so partitions stay in file order.
            "mapreduce.input.fileinputformat.split.maxsize": str(max(1 << 20, os.path.getsize(args.input) // args.partitions + 1)),
        },
    ).map(lambda pair: pair[1])
    piped = lines.pipe(" ".join(shlex.quote(part) for part in [os.path.abspath(args.hanzi), *command]))
    piped.saveAsTextFile(args.output)
    sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Spark job of README's "Beyond one machine", run by tests/it/distributed.rs.

    python3 tests/spark/pipe.py ACTORGRAPH ARTICLES.jsonl OUT_DIR

Reads JSON Lines (one article per line), pipes every partition through
`actorgraph extract --input-format jsonl --format nquads -` and saves the
quads as Spark's part-NNNNN files in OUT_DIR, for `actorgraph load OUT_DIR`.
Spark runs in local mode on one core with a small driver and no web UI, so
that it starts quickly and prints little.
"""
import sys

from pyspark import SparkConf, SparkContext

actorgraph, articles, out = sys.argv[1:4]
conf = (
    SparkConf()
    .setMaster("local[1]")
    .setAppName("actorgraph-extract")
    .set("spark.ui.enabled", "false")
    .set("spark.driver.memory", "512m")
    .set("spark.sql.shuffle.partitions", "1")
    .set("spark.ui.showConsoleProgress", "false")
)
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
try:
    # Three partitions, so that the mapper runs three times and writes three shards.
    lines = sc.textFile(articles, minPartitions=3)
    quads = lines.pipe(f"{actorgraph} extract --input-format jsonl --format nquads -")
    quads.saveAsTextFile(out)
    print(f"partitions: {lines.getNumPartitions()}, quads: {quads.count()}")
finally:
    sc.stop()

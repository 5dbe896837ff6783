#!/usr/bin/env sh
# The benchmark in one command (see BENCHMARKS.md). Extra arguments go to the harness:
#   bench/run.sh --quick        fewer runs, to try a change
#   bench/run.sh --update-md    also rewrite the generated part of BENCHMARKS.md
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -Pbench -DskipTests package
exec java -jar bench/harness/target/rampe-bench.jar "$@"

#!/usr/bin/env bash
# Builds Rampe and starts it locally on its embedded default: DynamoDB Local in-process
# (data in .rampe/data), the HTTP API on http://127.0.0.1:8787, settings from events/.
set -euo pipefail
cd "$(dirname "$0")"
# every module: a function the runner does not depend on is loaded from its CodeUri jar
mvn -q -B -DskipTests package
exec java -jar local/runner/target/rampe-local.jar

#!/usr/bin/env bash
# Run one atheris campaign: fuzz/run.sh TARGET SECONDS   (TARGET: amount | indicator | load | report | published)
# The working corpus grows in fuzz/.work/TARGET (not committed); crashes are written to fuzz/.work/.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
seconds=${2:-1800}
declare -A script=([amount]=fuzz_amount_parse.py [indicator]=fuzz_indicator.py [load]=fuzz_load.py [report]=fuzz_read_report.py [published]=fuzz_read_published.py)
mkdir -p ".work/$target"
exec ../.venv/bin/python "${script[$target]}" -max_total_time="$seconds" -artifact_prefix=".work/$target-" \
  -print_final_stats=1 ".work/$target" "seeds/$target"

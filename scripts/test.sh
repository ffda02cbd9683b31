#!/usr/bin/env bash
# Sets up the machine for the tests (scripts/setup.sh --test), then runs every test project. Window tests need a display: without one,
# the suite runs under a private Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --test
# lavapipe and libtorch share this machine's cores with the test host; keep each to a known share.
export LP_NUM_THREADS="${LP_NUM_THREADS:-2}"
# One test project at a time (-m:1): they share two cores, and the window and training tests want theirs.
runner=(dotnet test LvaeLive.sln -c Release --no-build -m:1 --logger "console;verbosity=normal")
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
if [ -z "${DISPLAY:-}" ]; then
  # -noreset: Xvfb otherwise resets whenever its last client disconnects and refuses connections meanwhile, so a
  # window test that starts just as another test's window closed would fail to open its display now and then.
  xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "${runner[@]}" 2>&1 | tee "$log" || status=$?
else
  "${runner[@]}" 2>&1 | tee "$log" || status=$?
fi
# CI shows only the tail of this output: repeat each failed test's name and message there, before the closing line.
# A test host that crashed is repeated too, with its reason.
awk '/^ +Failed [A-Za-z]/ {show = 1; shown = 0} /^ +(Passed|Skipped) [A-Za-z]/ {show = 0}
     /^The active test run was aborted/ {show = 1; shown = 22}
     show && shown < 25 {print > "/dev/stderr"; shown++}' "$log"
# One closing line over every test project, in the form CI reads. A crashed test host ran only part of its project,
# and the tests it never reached are not counted anywhere: it counts as one failed test, never as a pass.
awk '/^ +Passed: +[0-9]+$/ {p += $2} /^ +Failed: +[0-9]+$/ {f += $2} /^ +Skipped: +[0-9]+$/ {s += $2}
     /^Test Run Aborted/ {f += 1}
     END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit "$status"


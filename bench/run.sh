#!/usr/bin/env bash
# bench/run.sh — the user-facing performance figures of papers, measured
# from outside on whole processes, medians of RUNS runs:
#
#   - `papers import DIR/*.json` of N synthetic papers into an empty
#     library: wall time, CPU time and peak RSS (/usr/bin/time -v);
#   - process start to the first full frame of the reader on that library
#     in a 160×48 tmux session, against a bare Bubble Tea v2 program
#     (bench/bare) timed the same way: the ratio is what travels between
#     machines;
#   - peak RSS of the reader after a search, opening a paper and going to
#     the last paper (G);
#   - peak RSS of `papers export --format json` of the whole library.
#
# Usage: bench/run.sh [N] [RUNS]      (defaults: 100000 papers, 5 runs)
# Needs: go, tmux, GNU time at /usr/bin/time. WORK (default
# ${TMPDIR:-/tmp}/papers-bench) keeps the synthetic files between runs.
# The machine's other load skews every figure: run it on a quiet machine,
# or compare the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-5}
WORK=${WORK:-${TMPDIR:-/tmp}/papers-bench}
. bench/lib.sh
FILES=$(find "$DATA" -name '*.json' | wc -l)

# Import: RUNS fresh libraries; the last one is kept for the reader.
: >"$WORK/import.txt"
for i in $(seq "$RUNS"); do
	rm -f "$LIB" "$LIB-wal" "$LIB-shm"
	# Relative names: at a million papers, 58,000 absolute ones exceed ARG_MAX.
	(cd "$DATA" && /usr/bin/time -v -o "$WORK/time.txt" "$WORK/papers" --db "$LIB" import *.json >/dev/null)
	wall=$(field "Elapsed (wall clock)" "$WORK/time.txt" | seconds)
	cpu=$(awk -v u="$(field "User time" "$WORK/time.txt")" -v s="$(field "System time" "$WORK/time.txt")" 'BEGIN {print u+s}')
	rss=$(field "Maximum resident set size" "$WORK/time.txt")
	echo "$wall $cpu $rss" >>"$WORK/import.txt"
	echo "import run $i: ${wall}s wall, ${cpu}s CPU, $((rss / 1024)) MiB" >&2
done
imp_wall=$(cut -d' ' -f1 "$WORK/import.txt" | median)
imp_cpu=$(cut -d' ' -f2 "$WORK/import.txt" | median)
imp_rss=$(( $(cut -d' ' -f3 "$WORK/import.txt" | median | cut -d. -f1) / 1024 ))

# First frame: the bare program and the reader, alternately.
: >"$WORK/bare.txt"
: >"$WORK/reader.txt"
for i in $(seq "$RUNS"); do
	bench/firstframe.sh papers-bench-ff BARE-READY "$WORK/bare" >>"$WORK/bare.txt"
	rm -rf "$STATE"
	bench/firstframe.sh papers-bench-ff '▲.*[0-9] papers · ' \
		env XDG_STATE_HOME="$STATE" "$WORK/papers" --db "$LIB" --no-sync --style dark >>"$WORK/reader.txt"
done
bare=$(median <"$WORK/bare.txt")
reader=$(median <"$WORK/reader.txt")
ratio=$(awk -v a="$reader" -v b="$bare" 'BEGIN {printf "%.2f", a/b}')

# The reader's peak memory: a search, a paper opened, then the last paper.
s=papers-bench-mem
tmux new-session -d -s "$s" -x 160 -y 48 "rm -rf $STATE; XDG_STATE_HOME=$STATE exec $WORK/papers --db $LIB --no-sync --style dark"
pid=$(tmux display -p -t "$s" '#{pane_pid}')
wait_for() { for _ in $(seq 300); do tmux capture-pane -p -t "$s" | grep -Eq -- "$1" && return 0; sleep 0.1; done; return 1; }
wait_for ' papers · '
tmux send-keys -t "$s" / m o d e l Enter
sleep 2
tmux send-keys -t "$s" Enter
sleep 2
tmux send-keys -t "$s" Escape
sleep 1
tmux send-keys -t "$s" G
# G is done when the list shows its last position (n/n).
wait_for ' ([0-9,]+)/\1 ' || echo "bench: G did not reach the end within 30 s" >&2
reader_rss=$(( $(awk '/VmHWM/ {print $2}' "/proc/$pid/status") / 1024 ))
tmux kill-session -t "$s"

# Export of the whole library.
/usr/bin/time -v -o "$WORK/time.txt" "$WORK/papers" --db "$LIB" export --format json >/dev/null
export_rss=$(( $(field "Maximum resident set size" "$WORK/time.txt") / 1024 ))
export_wall=$(field "Elapsed (wall clock)" "$WORK/time.txt" | seconds)

cat <<EOF
| measure ($N papers, $FILES day files; median of $RUNS) | figure |
|---|---|
| \`papers import\` into an empty library | ${imp_wall} s wall, ${imp_cpu} s CPU, ${imp_rss} MiB peak |
| first full frame, tmux 160×48: reader / bare Bubble Tea v2 | ${reader} ms / ${bare} ms = ${ratio}× |
| reader peak RSS after a search, a paper and G | ${reader_rss} MiB |
| \`papers export --format json\` of the whole library | ${export_wall} s, ${export_rss} MiB peak |
EOF

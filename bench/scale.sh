#!/usr/bin/env bash
# bench/scale.sh — the scale check of issue 15 at N papers (default
# 1,000,000), measured on whole processes where a user would feel it:
#
#   - `papers import` of N synthetic papers into an empty library, in one
#     process (/usr/bin/time -v: wall, CPU, peak RSS);
#   - process start to the first full frame on that library (tmux 160×48,
#     bench/firstframe.sh), against the bare Bubble Tea v2 program;
#   - G from the top, key to the last rows on screen, and the reader's peak
#     RSS after a search ("model"), opening a paper and G;
#   - the in-process keypress (Update + View) and search benchmarks of the
#     repository, pointed at that library: they look for their library in
#     the temp folder under a fixed name, so the library is linked there
#     under that name in a folder of its own.
#
# Usage: bench/scale.sh [N] [RUNS]   (defaults: 1000000 papers, 5 runs)
# WORK (default ${TMPDIR:-/tmp}/papers-scale) holds the files (about 5 GB
# at 1,000,000) and the library (about 4 GB): check `df` first, and
# delete WORK after.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-5}
WORK=${WORK:-${TMPDIR:-/tmp}/papers-scale}
. bench/lib.sh

# Import, once: relative names keep 58,000 file names within ARG_MAX.
if [ ! -f "$LIB.done" ]; then
	rm -f "$LIB" "$LIB-wal" "$LIB-shm"
	(cd "$DATA" && /usr/bin/time -v -o "$WORK/import-time.txt" "$WORK/papers" --db "$LIB" import *.json >/dev/null)
	touch "$LIB.done"
fi
imp_wall=$(field "Elapsed (wall clock)" "$WORK/import-time.txt" | seconds)
imp_cpu=$(awk -v u="$(field "User time" "$WORK/import-time.txt")" -v s="$(field "System time" "$WORK/import-time.txt")" 'BEGIN {print u+s}')
imp_rss=$(( $(field "Maximum resident set size" "$WORK/import-time.txt") / 1024 ))
lib_mib=$(( $(stat -c %s "$LIB") / 1048576 ))

# First frame, alternating with the bare program.
: >"$WORK/bare.txt"
: >"$WORK/reader.txt"
for _ in $(seq "$RUNS"); do
	bench/firstframe.sh papers-scale-ff BARE-READY "$WORK/bare" >>"$WORK/bare.txt"
	rm -rf "$STATE"
	bench/firstframe.sh papers-scale-ff '▲.*[0-9] papers · ' \
		env XDG_STATE_HOME="$STATE" "$WORK/papers" --db "$LIB" --no-sync --style dark >>"$WORK/reader.txt"
done
bare=$(median <"$WORK/bare.txt")
reader=$(median <"$WORK/reader.txt")

# G from the top, key to the last position on screen; then the reader's
# peak RSS after a search, a paper opened and G.
s=papers-scale-mem
tmux new-session -d -s "$s" -x 160 -y 48 "rm -rf $STATE; XDG_STATE_HOME=$STATE exec $WORK/papers --db $LIB --no-sync --style dark"
pid=$(tmux display -p -t "$s" '#{pane_pid}')
wait_for() { for _ in $(seq 600); do tmux capture-pane -p -J -t "$s" | grep -Eq -- "$1" && return 0; sleep 0.05; done; return 1; }
wait_for ' papers · '
t0=$(date +%s%N)
tmux send-keys -t "$s" G
wait_for ' ([0-9,]+)/\1 ' || echo "scale: G did not reach the end within 30 s" >&2
g_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
tmux send-keys -t "$s" g / m o d e l Enter
sleep 3
tmux send-keys -t "$s" Enter
sleep 2
tmux send-keys -t "$s" Escape
sleep 1
tmux send-keys -t "$s" G
wait_for ' ([0-9,]+)/\1 ' || echo "scale: G in the search did not reach the end within 30 s" >&2
reader_rss=$(( $(awk '/VmHWM/ {print $2}' "/proc/$pid/status") / 1024 ))
tmux kill-session -t "$s"

# The repository's in-process benchmarks, on this library.
name=$(grep -o 'papers-bench-100k-v[0-9]*\.db' tui/bench_test.go | head -1)
BT=$WORK/benchtmp
mkdir -p "$BT"
ln -sf "$LIB" "$BT/$name"
TMPDIR=$BT go test -run '^$' -bench 'Keypress100k' -benchtime 200x ./tui/ | grep -E '^Benchmark' >"$WORK/keypress.txt"
TMPDIR=$BT go test -run '^$' -bench 'Search100k' -benchtime 3x ./store/ | grep -E '^Benchmark' >"$WORK/search.txt"
rm -rf "$BT"

cat <<EOF
| measure ($N papers, $(find "$DATA" -name '*.json' | wc -l) day files) | figure |
|---|---|
| \`papers import\` into an empty library (one run) | ${imp_wall} s wall, ${imp_cpu} s CPU, ${imp_rss} MiB peak; library ${lib_mib} MiB |
| first full frame, tmux 160×48, median of $RUNS: reader / bare Bubble Tea v2 | ${reader} ms / ${bare} ms |
| \`G\` from the top, key to the last rows on screen | ${g_ms} ms |
| reader peak RSS after G, a search, a paper and G in the search | ${reader_rss} MiB |
EOF
echo
echo "Keypress (Update + View, in process):"
cat "$WORK/keypress.txt"
echo "Search (first page of 200 and exact count, in process):"
cat "$WORK/search.txt"

#!/usr/bin/env bash
# bench/newsboat.sh — papers beside newsboat on the same N papers, in one
# run, whole processes from outside, medians of RUNS runs (alternating
# the programs, so the machine's drift hits both alike):
#
#   - `papers import DIR/*.json` into an empty library against
#     `newsboat -x reload` of the same papers as RSS into an empty cache
#     (bench/rss writes them: title, abstract, authors, link, date);
#   - process start to the first full frame in a 160×48 tmux session:
#     a bare Bubble Tea v2 program, the reader, newsboat;
#   - peak RSS of each, and of each reader after going to its last paper.
#
# Usage: bench/newsboat.sh [N] [RUNS]     (defaults: 100000 papers, 5 runs)
# NB_FEEDS (default 1) is how many feeds newsboat gets the papers in: one
# feed is its fastest shape. One feed a day, as papers imports them
# (NB_FEEDS=0), took newsboat 788 s at 100,000 papers (5,858 feeds) and
# over a minute to start.
# Needs: go, tmux, GNU time, newsboat (Debian: apt-get install newsboat).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-5}
NB_FEEDS=${NB_FEEDS:-1}
WORK=${WORK:-${TMPDIR:-/tmp}/papers-bench}
command -v newsboat >/dev/null || { echo "newsboat.sh: needs newsboat" >&2; exit 2; }
. bench/lib.sh
FILES=$(find "$DATA" -name '*.json' | wc -l)
RSS=$WORK/rss$N-$NB_FEEDS
if [ ! -f "$RSS/.done" ]; then
	rm -rf "$RSS"
	go build -o "$WORK/rss" ./bench/rss
	(cd "$DATA" && "$WORK/rss" -feeds "$NB_FEEDS" -out "$RSS" *.json)
	touch "$RSS/.done"
fi
NB=$WORK/newsboat
mkdir -p "$NB"
: >"$NB/config"
CACHE=$NB/cache.db
newsboat_cmd="newsboat -u $RSS/urls -c $CACHE -C $NB/config"

# timed FILE CMD...: runs CMD under /usr/bin/time and appends
# "wall cpu rss_kib" to FILE.
timed() {
	local out=$1
	shift
	/usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null
	local wall cpu rss
	wall=$(field "Elapsed (wall clock)" "$WORK/time.txt" | seconds)
	cpu=$(awk -v u="$(field "User time" "$WORK/time.txt")" -v s="$(field "System time" "$WORK/time.txt")" 'BEGIN {print u+s}')
	rss=$(field "Maximum resident set size" "$WORK/time.txt")
	echo "$wall $cpu $rss" >>"$out"
}
# summary FILE: "W s wall, C s CPU, M MiB peak" of FILE's medians.
summary() {
	printf '%s s wall, %s s CPU, %s MiB peak' "$(cut -d' ' -f1 "$1" | median)" "$(cut -d' ' -f2 "$1" | median)" \
		$(( $(cut -d' ' -f3 "$1" | median | cut -d. -f1) / 1024 ))
}

: >"$WORK/p-import.txt"
: >"$WORK/nb-import.txt"
for i in $(seq "$RUNS"); do
	rm -f "$LIB" "$LIB-wal" "$LIB-shm"
	(cd "$DATA" && timed "$WORK/p-import.txt" "$WORK/papers" --db "$LIB" import *.json)
	rm -f "$CACHE" "$CACHE.lock"
	timed "$WORK/nb-import.txt" $newsboat_cmd -x reload
	echo "import run $i: papers $(tail -1 "$WORK/p-import.txt"), newsboat $(tail -1 "$WORK/nb-import.txt")" >&2
done

: >"$WORK/ff-bare.txt"
: >"$WORK/ff-papers.txt"
: >"$WORK/ff-nb.txt"
for i in $(seq "$RUNS"); do
	bench/firstframe.sh papers-bench-ff BARE-READY "$WORK/bare" >>"$WORK/ff-bare.txt"
	rm -rf "$STATE"
	bench/firstframe.sh papers-bench-ff '▲.*[0-9] papers · ' \
		env XDG_STATE_HOME="$STATE" "$WORK/papers" --db "$LIB" --no-sync --style dark >>"$WORK/ff-papers.txt"
	bench/firstframe.sh papers-bench-ff 'Your feeds \(.*Daily Papers' $newsboat_cmd >>"$WORK/ff-nb.txt"
done

# last_rss MARKER_FIRST KEYS MARKER_LAST CMD...: peak RSS (MiB) of CMD in
# tmux after its first frame, KEYS, and the frame that shows the last paper.
last_rss() {
	local first=$1 keys=$2 last=$3 s=papers-bench-mem
	shift 3
	tmux new-session -d -s "$s" -x 160 -y 48 "exec $*"
	local pid
	pid=$(tmux display -p -t "$s" '#{pane_pid}')
	wait_screen "$s" "$first"
	for k in $keys; do tmux send-keys -t "$s" "$k"; sleep 0.5; done
	wait_screen "$s" "$last" || echo "newsboat.sh: the last paper did not show within 30 s" >&2
	echo $(( $(awk '/VmHWM/ {print $2}' "/proc/$pid/status") / 1024 ))
	tmux kill-session -t "$s"
}
wait_screen() { for _ in $(seq 300); do tmux capture-pane -p -t "$1" | grep -Eq -- "$2" && return 0; sleep 0.1; done; return 1; }
rm -rf "$STATE"
p_rss=$(last_rss ' papers · ' G ' ([0-9,]+)/\1 ' env XDG_STATE_HOME="$STATE" "$WORK/papers" --db "$LIB" --no-sync --style dark)
# newsboat: open the (first) feed and go to its end.
nb_rss=$(last_rss 'Your feeds' "Enter End" 'Articles in feed' $newsboat_cmd)

ff() { median <"$1"; }
cat <<EOF
| $N papers ($FILES day files; newsboat: $(wc -l <"$RSS/urls") feeds); median of $RUNS | papers | newsboat $(newsboat -v | head -1 | cut -d' ' -f2) |
|---|---|---|
| import into an empty library / \`-x reload\` into an empty cache | $(summary "$WORK/p-import.txt") | $(summary "$WORK/nb-import.txt") |
| first full frame, tmux 160×48 (bare Bubble Tea v2: $(ff "$WORK/ff-bare.txt") ms) | $(ff "$WORK/ff-papers.txt") ms | $(ff "$WORK/ff-nb.txt") ms |
| peak RSS after going to the last paper | $p_rss MiB | $nb_rss MiB |
EOF

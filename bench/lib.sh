# bench/lib.sh — what bench/run.sh and bench/scale.sh share, sourced by
# both after they set N and WORK: the tools checked, papers and the bare
# program built into WORK, N synthetic papers generated once into DATA,
# and the helpers that read /usr/bin/time's output.
for tool in go tmux /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "$(basename "$0"): needs $tool" >&2; exit 2; }
done
mkdir -p "$WORK"
go build -o "$WORK/papers" ./cmd/papers
go build -o "$WORK/bare" ./bench/bare
DATA=$WORK/synth$N
if [ ! -f "$DATA/.done" ]; then
	rm -rf "$DATA"
	go run ./feed/synth/cmd/papers-synth -n "$N" -out "$DATA" >&2
	touch "$DATA/.done"
fi
LIB=$WORK/lib$N.db
# The reader's state (the session it restores: view, search, selection)
# lives in WORK, not the user's, and is cleared before each first frame:
# a session left deep in a search by the memory run would be restored,
# and timed, by the next run's first frames.
STATE=$WORK/state

# median of the numbers on stdin, one a line.
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
# field NAME FILE: the value of /usr/bin/time -v's line NAME.
field() { grep -F "$1" "$2" | sed 's/.*: //'; }
# seconds: h:mm:ss.ss or m:ss.ss on stdin as seconds.
seconds() { awk -F: '{s=0; for (i=1;i<=NF;i++) s=s*60+$i; print s}'; }

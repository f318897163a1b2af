#!/usr/bin/env bash
# firstframe.sh SESSION MARKER CMD... — milliseconds from starting CMD in
# a fresh 160×48 tmux session to the first screen that shows MARKER (an
# extended regexp, matched on the whole screen). The session is killed
# after. Polls capture-pane, so figures are good to a few milliseconds.
set -euo pipefail
session=$1 marker=$2
shift 2
t0=$(date +%s%N)
tmux new-session -d -s "$session" -x 160 -y 48 "$*"
while :; do
	if tmux capture-pane -p -J -t "$session" 2>/dev/null | tr -d '\n' | grep -Eq -- "$marker"; then
		break
	fi
	if (( ($(date +%s%N) - t0) > 10000000000 )); then
		echo "firstframe: no frame matching '$marker' within 10 s" >&2
		tmux kill-session -t "$session" 2>/dev/null || true
		exit 1
	fi
done
t1=$(date +%s%N)
tmux kill-session -t "$session" 2>/dev/null || true
echo $(( (t1 - t0) / 1000000 ))

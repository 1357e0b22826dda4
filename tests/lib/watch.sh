# shellcheck shell=bash
# Watching a QEMU run for progress, for the test scripts that source this.
# A run is stuck when its log has not grown for $stall seconds, or when it
# has gone on for $limit seconds in all: a slow host makes a test slower,
# not failed. The caller sets stall and limit.

# watch_start <log>: the run writing <log> starts now.
watch_start() {
	watch_log=$1 watch_began=$SECONDS watch_moved=$SECONDS watch_size=0
}

# watch_stuck: true, with the reason in $watch_why, when the run is stuck.
watch_stuck() {
	local now
	now=$(stat -c %s "$watch_log" 2>/dev/null || echo 0)
	((now != watch_size)) && watch_size=$now watch_moved=$SECONDS
	if ((SECONDS - watch_moved >= stall)); then
		watch_why="no output for ${stall}s"
	elif ((SECONDS - watch_began >= limit)); then
		watch_why="still running after ${limit}s"
	else
		return 1
	fi
}

# watch_until_end <pid>: wait for the run to end; a stuck one is killed.
# Sets $stopped (why it was killed, or empty) and $status (its exit status).
watch_until_end() {
	local pid=$1
	stopped=""
	while kill -0 "$pid" 2>/dev/null; do
		sleep 0.2
		if watch_stuck; then
			stopped=$watch_why
			kill "$pid"
			break
		fi
	done
	wait "$pid"
	status=$?
}

# log_excerpt <log> <n>: the last n lines of a run's log, for a failure
# report. When they all come from one VM (a heartbeat beating on while
# the VM under test went quiet), the last n lines from everyone else
# follow: they show where the rest stopped.
log_excerpt() {
	local log=$1 n=$2 last
	tr -d '\r' <"$log" | tail -n "$n"
	last=$(tr -d '\r' <"$log" | tail -n 1)
	[[ $last =~ ^\[[^]]+\]\  ]] || return 0
	tr -d '\r' <"$log" | tail -n "$n" | grep -qvF -- "${BASH_REMATCH[0]}" && return 0
	echo "---- the last lines not from ${BASH_REMATCH[0]}----"
	tr -d '\r' <"$log" | grep -vF -- "${BASH_REMATCH[0]}" | tail -n "$n"
}

#!/usr/bin/env bash
# Run README commands the way a new user's machine starts: in a brand-new
# Debian 12 root (debootstrap --variant=minbase, plus make and git only),
# holding a clone of this repository's HEAD. Whatever the commands need,
# the project's own scripts must install there, so a missing install step
# fails here instead of hiding behind a machine set up by hand.
#
#   ci/fresh-debian.sh                      # make test
#   ci/fresh-debian.sh 'make run' 'make test'   # several, in the same root
#
# Needs root (debootstrap, chroot, mounts) and the Debian archive this
# machine's apt uses. The base system is built once and kept under
# $FRESH_CACHE (default /var/tmp/bulkhead-fresh-debian); each run starts
# from a clean copy of it. Downloaded .deb files are kept there too (they
# only save downloading again: every run still installs everything).
# Exit status: the first failing command's, or 0.
set -euo pipefail

cache=${FRESH_CACHE:-/var/tmp/bulkhead-fresh-debian}
base=$cache/bookworm-minbase
debs=$cache/debs
[[ $# -gt 0 ]] || set -- "make test"

cannot() {
	echo "ci/fresh-debian.sh: cannot run: $*" >&2
	exit 2
}

[[ $(id -u) -eq 0 ]] ||
	cannot "it needs root (debootstrap, chroot, mounts). Run it as root or with sudo, or run 'make test' on this machine instead."
command -v apt-get >/dev/null ||
	cannot "it builds a Debian root with debootstrap and this machine has no apt."
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)

# The first archive named in this machine's apt sources (deb822 or
# one-line format).
archive() {
	local uri
	uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk '$1 == "URIs:" { print $2; exit }')
	[[ -n $uri ]] || uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
		awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/) { print $i; exit } }')
	[[ -n $uri ]] || cannot "no Debian archive in /etc/apt/sources.list{,.d}."
	echo "$uri"
}

build_base() {
	local tmp=$base.tmp
	if ! command -v debootstrap >/dev/null; then
		echo "ci/fresh-debian.sh: installing debootstrap"
		apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
			cannot "debootstrap is not installed and apt-get could not install it."
	fi
	echo "ci/fresh-debian.sh: building a minimal Debian 12 root (once, about a minute)"
	rm -rf "$tmp"
	mkdir -p "$cache"
	if ! debootstrap --variant=minbase --include=make,git,ca-certificates \
		bookworm "$tmp" "$(archive)" >"$cache/debootstrap.log" 2>&1; then
		tail -n 20 "$cache/debootstrap.log" >&2
		cannot "debootstrap failed (log: $cache/debootstrap.log)."
	fi
	# apt in the root reads the same archive(s) as this machine's.
	rm -f "$tmp/etc/apt/sources.list"
	cp -a /etc/apt/sources.list /etc/apt/sources.list.d "$tmp/etc/apt/" 2>/dev/null || true
	rm -rf "$tmp/var/cache/apt/archives"/*.deb "$tmp/var/lib/apt/lists"/*
	mv "$tmp" "$base"
}

[[ -d $base ]] || build_base

root=$(mktemp -d /var/tmp/bulkhead-fresh-run.XXXXXX)
trap 'rm -rf "$root"' EXIT
cp -a "$base/." "$root/"
git clone -q "$repo" "$root/root/bulkhead"
cp /etc/resolv.conf "$root/etc/" 2>/dev/null || true
mkdir -p "$debs"

# The commands run one after the other, in a mount namespace of their own:
# the mounts vanish with it, whatever happens.
script='set -e; cd /root/bulkhead'
for cmd in "$@"; do
	script+="; echo $(printf %q "ci/fresh-debian.sh: \$ $cmd"); $cmd"
done
echo "ci/fresh-debian.sh: running in a new Debian 12 root, on a clone of $(git -C "$repo" rev-parse --short HEAD)"
start=$SECONDS
set +e
unshare --mount --propagation private /bin/bash -c '
	set -e
	root=$1 debs=$2
	shift 2
	mount -t proc proc "$root/proc"
	mount --rbind /dev "$root/dev"
	mount --rbind /sys "$root/sys"
	mount --bind "$debs" "$root/var/cache/apt/archives"
	exec chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb CI=true LANG=C.UTF-8 \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		/bin/bash -c "$1"' - "$root" "$debs" "$script" </dev/null
rc=$?
set -e
echo "ci/fresh-debian.sh: exit status $rc after $((SECONDS - start)) s"
exit $rc

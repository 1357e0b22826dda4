#!/usr/bin/env bash
# Host test of scripts/mkcpio/mkcpio.c: an archive compared byte for byte
# with one checked by hand, and bad spec lines refused with a message that
# names the line. It builds its own mkcpio (with HOSTCC, default gcc) unless
# given one:
#   tests/host-tools/mkcpio-test.sh [path/to/mkcpio]
# The last line is "N passed, N failed"; the exit status is 1 on a failure.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
finish() {
	echo "$passed passed, $failed failed"
	exit $((failed > 0))
}

mkcpio=${1:-}
if [[ -z $mkcpio ]]; then
	mkcpio=$tmp/mkcpio
	if ${HOSTCC:-gcc} -std=c11 -O2 -Wall -Wextra -Werror \
		scripts/mkcpio/mkcpio.c -o "$mkcpio" 2>"$tmp/cc.log"; then
		pass "mkcpio builds without warnings"
	else
		fail "mkcpio builds without warnings"
		sed 's/^/    /' "$tmp/cc.log"
		finish
	fi
fi

# ------------------------------------------------- a known-good archive ---
printf 'hi\n' >"$tmp/hi.txt"
cat >"$tmp/good.spec" <<EOF
# one entry of each kind, in a directory of their own
dir /d 0755
file /d/f $tmp/hi.txt 0644

nod /d/console 0600 c 5 1
	slink  /d/l  f  0777
EOF

# The archive that spec must give, one piece a line. A header is the magic
# 070701 and 13 numbers: inode, mode, uid, gid, nlink, mtime, data size,
# file system major and minor, device major and minor, name size (with its
# NUL), check. Then come the name and the data, each padded with NULs to a
# multiple of 4 bytes counted from the start of the archive. Modes: 41ed =
# directory 0755, 81a4 = file 0644, 2180 = char device 0600, a1ff = symlink
# 0777. Blanks are only for reading; \0 is a NUL. Checked by hand against
# the kernel's Documentation/driver-api/early-userspace/buffer-format.rst;
# GNU cpio 2.13 lists and extracts the same bytes, and Linux boots from an
# initramfs that mkcpio wrote.
cat >"$tmp/good.expected" <<'EOF'
070701 00000001 000041ed 00000000 00000000 00000002 00000000 00000000 00000000 00000000 00000000 00000000 00000002 00000000
d\0
070701 00000002 000081a4 00000000 00000000 00000001 00000000 00000003 00000000 00000000 00000000 00000000 00000004 00000000
d/f\0\0\0
hi\n\0
070701 00000003 00002180 00000000 00000000 00000001 00000000 00000000 00000000 00000000 00000005 00000001 0000000a 00000000
d/console\0
070701 00000004 0000a1ff 00000000 00000000 00000001 00000000 00000001 00000000 00000000 00000000 00000000 00000004 00000000
d/l\0\0\0
f\0\0\0
070701 00000000 00000000 00000000 00000000 00000001 00000000 00000000 00000000 00000000 00000000 00000000 0000000b 00000000
TRAILER!!!\0\0\0\0
EOF
while read -r line; do
	printf '%b' "${line// /}"
done <"$tmp/good.expected" >"$tmp/good.cpio.expected"

if "$mkcpio" "$tmp/good.spec" >"$tmp/good.cpio" 2>"$tmp/good.err" &&
	cmp -s "$tmp/good.cpio" "$tmp/good.cpio.expected"; then
	pass "archive of dir, file, nod and slink matches the one checked by hand"
else
	fail "archive of dir, file, nod and slink matches the one checked by hand"
	sed 's/^/    /' "$tmp/good.err"
	diff <(od -c "$tmp/good.cpio.expected") <(od -c "$tmp/good.cpio") |
		sed 's/^/    /'
fi

# --------------------------------------------------------- bad spec lines ---
# refused <name> <bad line> <text the message must hold>: the bad line is
# line 3 of its spec, after a good line and a comment.
refused() {
	local name=$1 line=$2 text=$3 spec=$tmp/bad.spec err
	printf 'dir /ok 0755\n# comment\n%s\n' "$line" >"$spec"
	if "$mkcpio" "$spec" >/dev/null 2>"$tmp/bad.err"; then
		fail "refuses $name: mkcpio accepted '$line'"
		return
	fi
	err=$(<"$tmp/bad.err")
	if [[ $err == "mkcpio: $spec:3: "*"$text"* ]]; then
		pass "refuses $name"
	else
		fail "refuses $name: expected 'mkcpio: $spec:3: ...$text...', got '$err'"
	fi
}

refused "an unknown entry" "frob /x 0755" "unknown entry 'frob'"
refused "a missing field" "dir /x" "'dir' takes 2 fields (dir PATH MODE), not 1"
refused "an extra field" "slink /l t 0777 x" "'slink' takes 3 fields"
refused "many extra fields" "nod /n 0600 c 5 1 2 3 4 5" "'nod' takes 5 fields (nod PATH MODE c|b MAJOR MINOR), not 9"
refused "a mode that is not octal" "dir /x 0789" "bad mode '0789'"
refused "a mode beyond 07777" "dir /x 17777" "bad mode '17777'"
refused "a relative path" "dir x 0755" "path 'x' is not absolute"
refused "the root as an entry" "dir / 0755" "the root directory is not an entry"
refused "a device type other than c or b" "nod /n 0600 x 5 1" "bad device type 'x'"
refused "a major that is not a number" "nod /n 0600 c five 1" "bad major number 'five'"
refused "a negative minor" "nod /n 0600 b 5 -1" "bad minor number '-1'"
refused "a missing source file" "file /f $tmp/absent 0644" "cannot read '$tmp/absent'"
refused "a directory as source file" "file /f $tmp 0644" "'$tmp' is not a regular file"

if "$mkcpio" "$tmp/absent.spec" >/dev/null 2>"$tmp/bad.err" ||
	[[ $(<"$tmp/bad.err") != "mkcpio: cannot read '$tmp/absent.spec': "* ]]; then
	fail "refuses a missing spec file: got '$(<"$tmp/bad.err")'"
else
	pass "refuses a missing spec file"
fi

finish

#!/bin/sh
# Turn a Kconfig .config into a C header: CONFIG_X=y -> #define CONFIG_X 1,
# numbers and strings as they are; unset options define nothing.
# Usage: kconfig-header.sh .config > autoconf.h
set -eu
echo "/* Generated from $1 by scripts/kconfig-header.sh: do not edit. */"
sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=y$/#define \1 1/p' \
       -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\([^y].*\)$/#define \1 \2/p' "$1"

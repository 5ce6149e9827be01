#!/bin/bash
# Benchmarks: runs Chromium with every --enable-features / --disable-features it is given merged
# into one of each. Chromium keeps only the last of a repeated switch, so the app's feature lists
# (src/main/electron/chromium-switches.ts) would otherwise replace the ones Playwright passes.
enable=()
disable=()
rest=()
for arg in "$@"; do
  case "$arg" in
    --enable-features=*) enable+=("${arg#--enable-features=}") ;;
    --disable-features=*) disable+=("${arg#--disable-features=}") ;;
    *) rest+=("$arg") ;;
  esac
done
IFS=,
if [ ${#enable[@]} -gt 0 ]; then rest+=("--enable-features=${enable[*]}"); fi
if [ ${#disable[@]} -gt 0 ]; then rest+=("--disable-features=${disable[*]}"); fi
exec "${CHROMIUM_PATH:-/usr/bin/chromium}" "${rest[@]}"

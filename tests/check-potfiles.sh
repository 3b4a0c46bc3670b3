#!/bin/sh
# Every source file with a string for people to read is in po/POTFILES.in,
# so that it reaches the translators.
#
# SPDX-License-Identifier: GPL-3.0-or-later

cd "$(dirname "$0")/.." || exit 1
missing=0
for f in $(grep -l -E '[^A-Za-z_](_|N_|C_|ngettext|g_dngettext)\(|translatable="yes"' \
             src/*/*.c src/*/*.ui src/ui/gtk/*.ui 2>/dev/null); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    missing=1
  fi
done
while read -r f; do
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; missing=1; }
done < po/POTFILES.in
# xgettext cannot expand GLib's format macros: a message holding one is cut
# at it and never translated. Use %lld with a (long long) cast instead.
if grep -n -E '(_|N_|C_)\([^)]*"[[:space:]]*G_G?U?INT64_FORMAT' src/*/*.c; then
  echo "a GLib format macro inside a translatable string (above): use %lld"
  missing=1
fi
exit $missing

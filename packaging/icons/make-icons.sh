#!/usr/bin/env bash
# Makes the Windows .ico and the macOS .icns of the application icon from icons/ (the PNGs and their SVG source),
# so the packages for those systems can be built without these tools there. Needs ImageMagick's `convert` and
# python3. Run from anywhere after changing icons/; commit what it writes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
src=../../icons
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The sizes the PNGs lack, rendered from the SVG (not scaled up from a smaller PNG).
for size in 48 128 512 1024; do
    convert -background none -density 1200 "$src/goodput-workbench.svg" -resize "${size}x${size}" "PNG32:$tmp/$size.png"
done

# Windows: one .ico with the sizes Explorer and the task bar use.
convert "$src/goodput-workbench-16.png" "$src/goodput-workbench-32.png" "$tmp/48.png" \
    "$src/goodput-workbench-64.png" "$src/goodput-workbench-256.png" goodput-workbench.ico

# macOS: an .icns is a header and one (type, length, PNG) entry per size; PNG entries are read since OS X 10.7.
python3 - "$src" "$tmp" <<'PY'
import struct, sys
src, tmp = sys.argv[1], sys.argv[2]
entries = [(b"icp4", f"{src}/goodput-workbench-16.png"), (b"icp5", f"{src}/goodput-workbench-32.png"),
           (b"icp6", f"{src}/goodput-workbench-64.png"), (b"ic07", f"{tmp}/128.png"),
           (b"ic08", f"{src}/goodput-workbench-256.png"), (b"ic09", f"{tmp}/512.png"), (b"ic10", f"{tmp}/1024.png")]
body = b""
for kind, path in entries:
    data = open(path, "rb").read()
    body += kind + struct.pack(">I", len(data) + 8) + data
open("goodput-workbench.icns", "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY

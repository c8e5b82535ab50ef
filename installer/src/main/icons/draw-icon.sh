#!/usr/bin/env bash
# Draws the Siali Label application icon (our own: a white luggage-style label on a teal rounded square) with
# ImageMagick. The PNG and ICO it writes are committed; run this again only to change the design.
# Usage: installer/src/main/icons/draw-icon.sh   (needs ImageMagick's `convert`)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
size=256
convert -size ${size}x${size} xc:none \
  -fill '#1f6f78' -draw "roundrectangle 8,8 247,247 44,44" \
  -fill '#2a8f8a' -draw "roundrectangle 8,8 247,150 44,44" -draw "rectangle 8,100 247,150" \
  -fill white -stroke none \
  -draw "polygon 58,96 112,46 206,46 206,210 112,210 58,160" \
  -fill '#1f6f78' -draw "circle 100,128 100,144" \
  -fill none -stroke '#1f6f78' -strokewidth 10 -draw "line 128,100 182,100" -draw "line 128,128 182,128" \
  -draw "line 128,156 166,156" \
  -depth 8 -strip -define png:exclude-chunks=date,time siali-label.png
convert siali-label.png -define icon:auto-resize=256,128,64,48,32,16 siali-label.ico

#!/bin/sh
# Renders the PNG icons from their SVG sources. The app loads PNGs at run
# time (Debian's Qt has no SVG image plugin unless qt6-svg is installed), and
# the hicolor theme wants a PNG per size. Run after editing an SVG; the PNGs
# are committed so a build needs no SVG tool.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -eu
cd "$(dirname "$0")/icons"
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" src/db9-desktop.svg \
    -o "hicolor/${size}x${size}/apps/db9-desktop.png"
done
mkdir -p hicolor/scalable/apps
cp src/db9-desktop.svg hicolor/scalable/apps/db9-desktop.svg
# Action icons at 1x and 2x of the 24 px grid and of the 16 px menu size.
mkdir -p png/actions
for svg in actions/*.svg; do
  name=$(basename "$svg" .svg)
  for size in 16 24 32 48; do
    rsvg-convert -w "$size" -h "$size" "$svg" -o "png/actions/${name}-${size}.png"
  done
done

#!/usr/bin/env bash
# Builds a self-contained BrainFX for Linux with JDK 17's jpackage: target/installers/BrainFX, a
# folder with its own Java runtime, the workbench and command line (bin/BrainFX) and the sample
# projects. Usage: installers/linux-app-image.sh [--deb]   (--deb also makes a .deb; needs dpkg-deb and fakeroot)
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
dest="$root/target/installers"
command -v jpackage >/dev/null || { echo "linux-app-image: jpackage not found; install a JDK 17 (e.g. apt-get install openjdk-17-jdk)" >&2; exit 1; }

(cd "$root" && mvn -B -q -DskipTests install)
jars=("$root"/app/target/brainfx-app-*.jar)
jar="$(basename "${jars[0]}")"
version="${jar#brainfx-app-}"
version="${version%.jar}"
numeric="${version%%-*}"  # jpackage takes digits and dots only

# jpackage copies everything under --input into the image's lib/app folder: the jars, and the sample
# projects with their data, which the launcher finds through brainfx.home ($APPDIR is that folder).
input="$(mktemp -d)"
trap 'rm -rf "$input"' EXIT
cp "${jars[0]}" "$root"/app/target/lib/*.jar "$input"/
cp -r "$root/sample-projects" "$input"/

# The JDK modules the jars use: `jdeps --module-path app/target/lib --ignore-missing-deps --print-module-deps`
# run on each jar (run over all jars at once it fails on JFreeChart-FX's module graph), plus what is
# reached by reflection or service lookup: management beans and the flight recorder (safepoints) for the
# pulse monitor, charsets and locale data for reading recordings, and the Vector API for the networks'
# SIMD kernels (the generated kernels use it; no jar does).
modules=java.base,java.desktop,java.logging,java.management,java.prefs,java.scripting,java.sql,java.xml
modules+=,jdk.charsets,jdk.jfr,jdk.localedata,jdk.management,jdk.unsupported,jdk.unsupported.desktop,jdk.incubator.vector

rm -rf "$dest/BrainFX"
mkdir -p "$dest"
# The window's settings (see the brainfx script): a 2 GB heap, ZGC, which keeps collector pauses out of
# the window's frames, and no periodic cleanup safepoints; the packaged command line runs with them too.
options=(--name BrainFX --app-version "$numeric" --vendor BrainFX
    --description "Differentiable neuron-model fitting with live plots"
    --input "$input" --main-jar "$jar" --main-class org.brainfx.app.Main
    --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2"
    --java-options "-Xmx2g --add-modules jdk.incubator.vector -XX:-DontCompileHugeMethods -XX:+UseZGC -XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=0 -Dbrainfx.home=\$APPDIR"
    --dest "$dest")
jpackage --type app-image "${options[@]}"
echo "built $dest/BrainFX (run $dest/BrainFX/bin/BrainFX; with arguments it is the command line)"
if [[ "${1:-}" == --deb ]]; then
    jpackage --type deb "${options[@]}" --linux-package-deps libgtk-3-0 --linux-shortcut
    echo "built $(ls "$dest"/*.deb)"
fi

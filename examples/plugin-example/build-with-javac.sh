#!/usr/bin/env bash
# Builds the plugin jar with the JDK alone (javac and jar, no Maven), against the API jar an autoscalebot
# distribution ships in lib/:
#
#   ./build-with-javac.sh /opt/autoscalebot          # writes target/javac/file-value-plugin-0.9.0.jar
#
# The manifest carries the plugin descriptor (id, version, API range), exactly as the Maven build writes it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dist="${1:?usage: $0 AUTOSCALEBOT_HOME (the unpacked distribution, holding lib/autoscalebot-api-*.jar)}"
api=$(ls "$dist"/lib/autoscalebot-api-*.jar | head -1)
out="$here/target/javac"
rm -rf "$out" && mkdir -p "$out/classes"

javac --release 17 -d "$out/classes" --module-path "$api" $(find "$here/src/main/java" -name '*.java')
cp -r "$here/src/main/resources/." "$out/classes/" 2>/dev/null || true
cat > "$out/MANIFEST.MF" <<MF
Autoscalebot-Plugin-Id: file-value
Autoscalebot-Plugin-Version: 0.9.0
Autoscalebot-Api-Range: [1.0,2.0)
MF
jar --create --file "$out/file-value-plugin-0.9.0.jar" --manifest "$out/MANIFEST.MF" -C "$out/classes" .
echo "$out/file-value-plugin-0.9.0.jar"

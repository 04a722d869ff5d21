#!/usr/bin/env bash
# Builds a minimal JRE base image, localhost/gearbox-jre, from this machine's JDK 17, for when no
# image registry is reachable (so eclipse-temurin:17-jre cannot be pulled):
#   1. jlink makes a JRE with the modules the fat jar needs (jdeps lists them; the TLS and JMX
#      providers that are only loaded reflectively are added by hand);
#   2. the shared libraries that JRE and the jar's native code (onnxruntime, tokenizers, netty epoll,
#      JNA) link against are copied from the host with their dynamic loader, as found by ldd, plus
#      fontconfig and the DejaVu fonts for the charts `gearbox report --out` draws;
#   3. the tree is imported with `podman import` as an image whose PATH and JAVA_HOME match
#      eclipse-temurin's (/opt/java/openjdk), so the Dockerfile treats both bases alike.
# The result has no shell and no package manager: the Dockerfile needs neither.
#
#   docker/build-jre-base.sh [JAR] [IMAGE]   defaults: gateway-server/target/gearbox.jar localhost/gearbox-jre
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${1:-$ROOT/gateway-server/target/gearbox.jar}"
IMAGE="${2:-localhost/gearbox-jre}"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
# Loaded by name at run time, so jdeps cannot see them: TLS elliptic curves (every HTTPS provider),
# the DNS name service, the JDK's own zip file system and the locale data for number formatting.
FONTS=/usr/share/fonts/truetype/dejavu
EXTRA_MODULES="jdk.crypto.ec,jdk.naming.dns,jdk.zipfs,jdk.localedata,java.management,java.logging"

log() { printf '[jre-base] %s\n' "$*" >&2; }

[[ -f "$JAR" ]] || { log "no jar at $JAR: run ./mvnw -B -q -DskipTests package first"; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs"
JRE="$ROOTFS/opt/java/openjdk"

modules="$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$JAR")"
log "jdeps: $modules; adding $EXTRA_MODULES"
"$JAVA_HOME/bin/jlink" --add-modules "$modules,$EXTRA_MODULES" --output "$JRE" \
    --strip-debug --no-header-files --no-man-pages --compress=2
# Debian's JDK keeps its CA store and security files as symlinks into /etc: put the real files in.
for f in "$JRE"/lib/security/*; do
  if [[ -L "$f" ]]; then
    cp --remove-destination "$(readlink -f "$f")" "$f"
  fi
done
if [[ ! -s "$JRE/lib/security/cacerts" ]]; then
  log "no CA store: install ca-certificates-java"
  exit 1
fi

# The natives the jar extracts at run time, so ldd can follow what they link against.
mkdir -p "$WORK/natives"
unzip -q -o -j "$JAR" -d "$WORK/natives" \
    'ai/onnxruntime/native/linux-x64/*.so' 'native/lib/linux-x86_64/cpu/*.so' \
    'META-INF/native/libnetty_transport_native_epoll_x86_64.so' 'com/sun/jna/linux-x86-64/*.so'

# AWT draws text (the PNG of `gearbox report`) through fontconfig, which it loads by name, so
# ldd cannot see it: look it up, and ship one font family with fontconfig's settings.
fontconfig="$(/sbin/ldconfig -p | awk '/libfontconfig\.so\.1 / {print $NF; exit}')"
if [[ -z "$fontconfig" || ! -d "$FONTS" ]]; then
  log "fontconfig or $FONTS missing: apt-get install libfontconfig1 fonts-dejavu-core"
  exit 1
fi

# Every library the JRE and those natives need, copied at the path the host has it (the
# dynamic loader looks there). Libraries the JRE ships itself are found by ldd via its own dirs.
libs="$( { find "$JRE" "$WORK/natives" -name '*.so' -o -path '*/bin/*' -type f; echo "$fontconfig"; } \
    | LD_LIBRARY_PATH="$JRE/lib:$JRE/lib/server" xargs ldd 2>/dev/null \
    | awk '/=> \// {print $3} /^\t\/.*ld-linux/ {print $1}' | sort -u | grep -v "^$WORK")
$fontconfig"
for lib in $libs; do
  mkdir -p "$ROOTFS$(dirname "$lib")"
  cp -L "$lib" "$ROOTFS$lib"
done
# Binaries name their loader as /lib64/ld-linux-x86-64.so.2 on x86_64.
loader="$(grep -m1 'ld-linux' <<<"$libs")"
if [[ "$(dirname "$loader")" != /lib64 ]]; then
  mkdir -p "$ROOTFS/lib64"
  ln -sf "$loader" "$ROOTFS/lib64/$(basename "$loader")"
fi
log "copied $(wc -w <<<"$libs") shared libraries"

# What a process expects to find: a writable /tmp (the jar extracts its natives there), the
# name lookup files and the fonts. The Dockerfile runs as a numeric uid, so no user needs to exist.
mkdir -p "$ROOTFS/tmp" "$ROOTFS/etc" "$ROOTFS$FONTS"
cp -rL /etc/fonts "$ROOTFS/etc/fonts"
cp -L "$FONTS"/DejaVuSans.ttf "$FONTS"/DejaVuSans-Bold.ttf "$FONTS"/DejaVuSansMono.ttf "$ROOTFS$FONTS/"
chmod 1777 "$ROOTFS/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\n' > "$ROOTFS/etc/passwd"
printf 'root:x:0:\n' > "$ROOTFS/etc/group"
printf 'hosts: files dns\n' > "$ROOTFS/etc/nsswitch.conf"

"$JRE/bin/java" -version 2>&1 | head -1 | sed 's/^/[jre-base] jlink JRE: /' >&2
podman rmi -f "$IMAGE" >/dev/null 2>&1 || true
tar -C "$ROOTFS" --numeric-owner -cf - . | podman import --quiet \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --message 'Gearbox JRE base: jlink JRE 17 and its glibc libraries from the build host' \
    - "$IMAGE" >/dev/null
log "imported $IMAGE ($(du -sh "$ROOTFS" | cut -f1) uncompressed)"

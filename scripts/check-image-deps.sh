#!/usr/bin/env bash
# Keeps Examples/*/Dockerfile honest without a Docker engine.
#
# For each example (default: every Examples/*/Dockerfile) this script:
#   1. runs the build stage's own `swift build -c release ...` line here (Debian bookworm, as swift:6.3-bookworm),
#      after installing the build stage's apt packages if they are missing;
#   2. lists the binary's shared libraries with ldd and maps each to its Debian package with dpkg -S;
#   3. checks that every one is provided by the runtime stage: a package its `apt-get install` names, a dependency
#      of one (apt installs those too), or one of BASE_IMAGE_PACKAGES below, each of which is checked to really be
#      in debian:bookworm-slim (priority "required", or pulled in by apt, which the slim image keeps);
#   4. checks the runtime stage runs as a non-root USER, EXPOSEs plugin.yaml's first port, and that plugin.yaml's
#      command is the ENTRYPOINT binary.
# Prints one line per check, then `image-deps: N passed, N failed`; exits non-zero on any failure.
#
# Usage: scripts/check-image-deps.sh [Examples/HelloPlugin ...]
# Env:   SCRATCH (default .build-image) holds a SwiftPM scratch path per product for these release builds.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-$PWD/.build-image}

# What the runtime stage gets from debian:bookworm-slim itself, and why. Nothing else is assumed.
declare -A BASE_IMAGE_PACKAGES=(
    [libc6]="glibc: libc, libm, libpthread, libdl and the dynamic loader, which every required package needs"
    [libgcc-s1]="libgcc_s, stack unwinding for the Swift runtime, a dependency of the required packages"
    [libstdc++6]="the C++ runtime the Swift runtime links (kept in the slim image as a dependency of apt)"
    [zlib1g]="zlib, which dpkg itself needs"
)

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok    $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }

# Package names after `apt-get install` in a Dockerfile section (options dropped).
apt_packages() {
    tr '\n' ' ' <<<"$1" | sed 's/\\ / /g' | grep -o 'apt-get install[^&;]*' \
        | sed 's/apt-get install//' | tr ' ' '\n' | grep -v '^-' | grep -v '^$' || true
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Every installed package `$@` depend on, recursively (Depends and Pre-Depends; installed alternatives).
closure() {
    local -A seen=()
    local queue=("$@") pkg deps alt
    while ((${#queue[@]})); do
        pkg=${queue[0]}
        queue=("${queue[@]:1}")
        [[ -n ${seen[$pkg]:-} ]] && continue
        installed "$pkg" || continue
        seen[$pkg]=1
        deps=$(dpkg-query -W -f='${Depends},${Pre-Depends}' "$pkg" 2>/dev/null | tr ',|' '\n\n' \
            | sed -e 's/([^)]*)//g' -e 's/:any//g' -e 's/[[:space:]]//g' | grep -v '^$' || true)
        for alt in $deps; do
            [[ -z ${seen[$alt]:-} ]] && queue+=("$alt")
        done
    done
    printf '%s\n' "${!seen[@]}"
}

# The Debian package that installed a file, trying the merged-/usr spellings of its path.
owner() {
    local path=$1 candidate
    for candidate in "$path" "/usr$path" "${path#/usr}" "$(readlink -f "$path")" "$(readlink -f "$path" | sed 's|^/usr||')"; do
        [[ -n $candidate ]] || continue
        if dpkg -S "$candidate" >/dev/null 2>&1; then
            dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1
            return
        fi
    done
}

# Packages the slim base image is known to contain: priority required, plus apt and what apt needs.
required=$(dpkg-query -W -f='${Package} ${Priority}\n' | awk '$2 == "required" {print $1}')
mapfile -t base_closure < <(closure $required apt)
declare -A in_base=()
for p in "${base_closure[@]}"; do in_base[$p]=1; done
for p in "${!BASE_IMAGE_PACKAGES[@]}"; do
    if [[ -n ${in_base[$p]:-} ]]; then
        pass "base image provides $p: ${BASE_IMAGE_PACKAGES[$p]}"
    else
        fail "BASE_IMAGE_PACKAGES lists $p, but it is neither priority required nor needed by apt"
    fi
done

if (($# == 0)); then
    set -- $(ls -d Examples/*/ | while read -r d; do [[ -f $d/Dockerfile ]] && echo "${d%/}"; done)
fi

for dir in "$@"; do
    dockerfile=$dir/Dockerfile
    name=$(basename "$dir")
    if [[ ! -f $dockerfile ]]; then fail "$name: no Dockerfile"; continue; fi
    stages=$(grep -c '^FROM ' "$dockerfile")
    build_stage=$(awk '/^FROM /{n++} n==1' "$dockerfile")
    runtime_stage=$(awk -v last="$stages" '/^FROM /{n++} n==last' "$dockerfile")
    if ((stages < 2)); then fail "$name: Dockerfile is not multi-stage"; continue; fi

    # 1. Build exactly as the build stage does.
    build_line=$(tr '\n' ' ' <<<"$build_stage" | grep -o 'swift build -c release[^&;\\]*' | head -1 | sed 's/ *$//')
    product=$(grep -o -- '--product [A-Za-z0-9_-]*' <<<"$build_line" | awk '{print $2}')
    if [[ -z $build_line || -z $product ]]; then fail "$name: no 'swift build -c release ... --product X' line"; continue; fi
    for p in $(apt_packages "$build_stage"); do
        if ! installed "$p"; then
            echo "installing build-stage package $p"
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" >/dev/null
        fi
    done
    echo "== $name: $build_line"
    flags=${build_line#swift build }
    # shellcheck disable=SC2086 # the Dockerfile's flags, split as the shell in the build stage splits them
    if ! swift build $flags --scratch-path "$SCRATCH/$product" 2>&1 | tail -3; then
        fail "$name: the Dockerfile's build line failed"; continue
    fi
    # shellcheck disable=SC2086
    binary="$(swift build $flags --scratch-path "$SCRATCH/$product" --show-bin-path)/$product"
    if [[ ! -x $binary ]]; then fail "$name: $binary was not built"; continue; fi
    size=$(stat -c %s "$binary")
    strip -o "$SCRATCH/$product.stripped" "$binary"
    stripped=$(stat -c %s "$SCRATCH/$product.stripped")
    echo "   binary $binary: $size bytes; stripped as the image installs it (install -s): $stripped bytes"

    # 2-3. Every shared library must come from the runtime stage.
    runtime_pkgs=$(apt_packages "$runtime_stage")
    declare -A provided=()
    for p in $(closure $runtime_pkgs); do provided[$p]="installed by the runtime stage (or a dependency of it)"; done
    for p in "${!BASE_IMAGE_PACKAGES[@]}"; do provided[$p]="base image: ${BASE_IMAGE_PACKAGES[$p]}"; done
    for p in $runtime_pkgs; do
        installed "$p" || fail "$name: runtime package $p is not installed here, so its libraries cannot be checked"
    done
    while read -r lib arrow path _; do
        case $lib in
            linux-vdso.so.*) continue ;;
            /*) path=$lib ;;
        esac
        [[ $arrow == "=>" || $lib == /* ]] || continue
        if [[ $path == "not" ]]; then fail "$name: $lib is not found at all"; continue; fi
        pkg=$(owner "$path")
        if [[ -z $pkg ]]; then
            fail "$name: $lib ($path) belongs to no Debian package; the runtime image would lack it"
        elif [[ -n ${provided[$pkg]:-} ]]; then
            pass "$name: $lib <- $pkg, ${provided[$pkg]}"
        else
            fail "$name: $lib <- $pkg, which the runtime stage does not install"
        fi
    done < <(ldd "$binary")
    unset provided

    # 4. Runtime stage facts that plugin.yaml relies on.
    user=$(grep -o '^USER .*' <<<"$runtime_stage" | tail -1 | awk '{print $2}')
    uid=${user%%:*}
    if [[ -n $uid && $uid =~ ^[0-9]+$ && $uid != 0 ]]; then pass "$name: runs as USER $user"; else fail "$name: USER '$user' is not a numeric non-root uid"; fi
    port=$(grep -A1 'ports:' "$dir/plugin.yaml" | grep -o 'containerPort: *[0-9]*' | head -1 | grep -o '[0-9]*$' || true)
    if grep -q "^EXPOSE $port\$" <<<"$runtime_stage" && [[ -n $port ]]; then pass "$name: EXPOSE $port matches plugin.yaml"; else fail "$name: EXPOSE does not match plugin.yaml's first port '$port'"; fi
    entry=$(grep -o '^ENTRYPOINT \["[^"]*"' <<<"$runtime_stage" | sed 's/ENTRYPOINT \["//; s/"$//')
    if [[ -n $entry ]] && grep -q "command: \[$entry\]" "$dir/plugin.yaml"; then pass "$name: plugin.yaml command is the ENTRYPOINT $entry"; else fail "$name: plugin.yaml command is not the ENTRYPOINT '$entry'"; fi
done

echo "image-deps: $passed passed, $failed failed"
((failed == 0))

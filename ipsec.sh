#!/usr/bin/env bash
# Quick start of the ns-3 ipsec module on Debian 12.
#
#   ./ipsec.sh run    install what is missing, build (Release), run the main job
#   ./ipsec.sh test   install what is missing, build (Release), run every test (CTest)
#
# Both are idempotent and incremental: with nothing changed, a second call installs and
# rebuilds nothing. Environment: IPSEC_BUILD_DIR (default ./build), IPSEC_RESULTS_DIR
# (default ./results), IPSEC_JOBS (default: number of cores).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${IPSEC_BUILD_DIR:-$here/build}
results_dir=${IPSEC_RESULTS_DIR:-$here/results}
jobs=${IPSEC_JOBS:-$(nproc)}

# What each Debian package is for is listed in README.md ("Dependencies").
build_packages=(g++ make cmake pkg-config ns3 libns3-dev libgsl-dev libssl-dev openssl
                python3-matplotlib)
test_packages=(googletest libgtest-dev nlohmann-json3-dev clang-format tshark)

usage() {
    echo "usage: $0 run|test" >&2
    exit 2
}

install_missing() {
    local missing=() package
    for package in "$@"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != installed ]; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "These Debian packages are missing: ${missing[*]}" >&2
        echo "Install them as root, then run this command again:" >&2
        echo "  sudo sh -c '$command'" >&2
        exit 1
    fi
    echo "== installing ${missing[*]}"
    # tshark asks whether non-root users may capture; answer no, without a prompt.
    echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# $1: ON when the tests must be built (their packages are then installed).
configure_and_build() {
    echo "== configuring (Release) in $build_dir"
    # Re-running the configuration is cheap and rebuilds nothing when nothing changed; it
    # picks up test packages installed since the last run.
    mkdir -p "$build_dir"
    cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DIPSEC_REQUIRE_TESTS="$1" \
        >"$build_dir/configure.log" 2>&1 || { cat "$build_dir/configure.log" >&2; exit 1; }
    echo "== building with $jobs jobs"
    cmake --build "$build_dir" -j "$jobs"
}

run_main_job() {
    local out="$results_dir/crypto-benchmark"
    mkdir -p "$out"
    echo "== main job: crypto layer benchmark against OpenSSL"
    "$build_dir/examples/ipsec-crypto-benchmark" --out="$out"
    /usr/bin/python3 "$here/analysis/plot_crypto_benchmark.py" "$out"
    echo "== results in $out (esp.csv, dh.csv, crypto-benchmark.png)"
}

[ $# -eq 1 ] || usage
case "$1" in
run)
    install_missing "${build_packages[@]}"
    configure_and_build OFF
    run_main_job
    ;;
test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    configure_and_build ON
    echo "== running the tests"
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
    ;;
*)
    usage
    ;;
esac

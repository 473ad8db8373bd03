#!/bin/bash
# For a set of ikev2-site-to-site option combinations (every Junos IKE encryption and
# integrity, several D-H groups, IPv4 and IPv6, the initiation modes), run the example with a
# WAN pcap and the key folder, then check with tshark that every IKE message dissects without
# warnings, that the IKE_AUTH messages decrypt with a correct integrity checksum, and that the
# ESP of the negotiated Child SAs decrypts with good ICVs and carries the hosts' datagrams.
#
# usage: check-ikev2-pcaps.sh <ikev2-site-to-site binary> <tshark-esp-decrypt> <work dir>
set -u
example=$1
checker=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
udp=10
failures=0
runs=0

check() {
    local name=$1; shift
    runs=$((runs + 1))
    if ! "$example" "$@" --udp-packets=$udp --pcap="$work/$name" --keys="$work/$name.keys" \
        >"$work/$name.log" 2>&1; then
        echo "FAIL $name: the example did not bring the tunnel up or lost datagrams"
        cat "$work/$name.log"; failures=$((failures + 1)); return
    fi
    "$checker" --ikev2 "$work/$name.keys/ikev2_decryption_table" "$work/$name-wan.pcap" \
        "$work/$name.keys/esp_sa" >"$work/$name.tshark" 2>&1
    local rc=$?
    local ike esp inner warnings
    ike=$(grep '^ike summary:' "$work/$name.tshark")
    esp=$(grep '^summary:' "$work/$name.tshark")
    inner=$(grep -c '→ 9000 Len=1000' "$work/$name.tshark") # one spoke's, on a hub network
    warnings=$(tshark -r "$work/$name-wan.pcap" -Y '_ws.malformed || _ws.expert.severity >= warning' \
        2>/dev/null | wc -l)
    if [ $rc -ne 0 ] || [ "$ike" != "ike summary: messages=4 icd_bad=0 undecrypted=0" ] ||
        [ "$inner" -ne $udp ] || [ "$warnings" -ne 0 ]; then
        echo "FAIL $name: tshark exit $rc, $ike, $esp, inner UDP $inner, malformed/warnings $warnings"
        failures=$((failures + 1))
    else
        echo "ok   $name: $ike; $esp"
    fi
}

for ike in "aes-256-cbc sha-256" "aes-128-cbc sha1" "aes-192-cbc sha-384" "3des-cbc md5" \
           "aes-256-cbc sha-512" "aes-128-gcm none" "aes-256-gcm none"; do
    set -- $ike
    check "ike-$1-$2" --ike-encryption="$1" --ike-authentication="$2"
done
for group in group2 group14 group19 group20 group24; do
    check "dh-$group" --dh-group="$group"
done
for ipsec in "aes-128-gcm none" "aes-256-cbc hmac-sha-256-128" "3des-cbc hmac-sha1-96" \
             "aes-128-cbc hmac-sha-512-256"; do
    set -- $ipsec
    check "esp-$1-$2" --ipsec-encryption="$1" --ipsec-authentication="$2"
done
check "ipv6" --ip=6
check "immediately" --establish=immediately
check "responder-only" --responder-only
check "hub-and-5-spokes" --spokes=5
echo "checked $runs combinations, $failures failed"
[ $failures -eq 0 ]

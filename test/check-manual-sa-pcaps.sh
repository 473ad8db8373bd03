#!/bin/bash
# For every combination of ipsec-manual-sa's options that Wireshark 4.0 can decrypt, run the
# example with a WAN pcap and a key table, then check with tshark that every ESP packet
# decrypts with a good ICV and that the decrypted packets are the hosts' UDP and TCP traffic.
#
# usage: check-manual-sa-pcaps.sh <ipsec-manual-sa binary> <tshark-esp-decrypt> <work dir>
# (chacha20-poly1305 is left out: Wireshark 4.0 has no ESP decoder for it.)
set -u
example=$1
checker=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
udp=12
encryptions=(des-cbc 3des-cbc aes-128-cbc aes-192-cbc aes-256-cbc aes-128-ctr aes-192-ctr
             aes-256-ctr null aes-128-gcm aes-192-gcm aes-256-gcm aes-128-gcm-12 aes-256-gcm-8)
integrities=(hmac-md5-96 hmac-sha1-96 hmac-sha-256-128 hmac-sha-384-192 hmac-sha-512-256)
failures=0
runs=0
for mode in tunnel transport; do
    for encryption in "${encryptions[@]}"; do
        case $encryption in
        *gcm*) auths=("") ;;
        *) auths=("${integrities[@]}") ;;
        esac
        for auth in "${auths[@]}"; do
            name="$mode-$encryption${auth:+-$auth}"
            runs=$((runs + 1))
            if ! "$example" --mode="$mode" --encryption="$encryption" ${auth:+--authentication="$auth"} \
                --udp-packets=$udp --tcp-bytes=20000 --pcap="$work/$name" \
                --keys="$work/$name.esp_sa" >"$work/$name.log" 2>&1; then
                echo "FAIL $name: the example did not deliver everything"; cat "$work/$name.log"
                failures=$((failures + 1)); continue
            fi
            "$checker" "$work/$name-wan.pcap" "$work/$name.esp_sa" >"$work/$name.tshark" 2>&1
            rc=$?
            summary=$(grep '^summary:' "$work/$name.tshark")
            udpInner=$(grep -c '→ 9000 Len=1000' "$work/$name.tshark")
            tcpInner=$(grep -c '→ 9001 \[' "$work/$name.tshark")
            if [ $rc -ne 0 ] || [ "$udpInner" -ne $udp ] || [ "$tcpInner" -lt 10 ]; then
                echo "FAIL $name: tshark exit $rc, $summary, inner UDP $udpInner, inner TCP $tcpInner"
                failures=$((failures + 1))
            else
                echo "ok   $name: $summary"
            fi
        done
    done
done
echo "checked $runs combinations, $failures failed"
[ $failures -eq 0 ]

#!/bin/bash
# For every combination of ipsec-manual-sa's options that Wireshark 4.0 can decrypt, run the
# example with a WAN pcap and a key table, then check with tshark that every ESP packet
# decrypts with a good ICV and that the decrypted packets are the hosts' UDP and TCP traffic.
#
# usage: check-manual-sa-pcaps.sh <ipsec-manual-sa binary> <tshark-esp-decrypt> <work dir> <ip>
# where <ip> is the example's --ip (4, 6, 4in6, 6in4; transport mode only for 4 and 6).
# (chacha20-poly1305 is left out: Wireshark 4.0 has no ESP decoder for it.) AH and AH+ESP
# bundles are checked too: Wireshark checks no AH ICVs and a bundle's ESP has no ICV of its
# own, so for them the check is that every packet dissects cleanly (no malformed or warning
# expert info) and that the inner packets are the hosts' traffic.
set -u
example=$1
checker=$2
work=$3
ip=$4
rm -rf "$work" && mkdir -p "$work"
case $ip in
4|6) modes=(tunnel transport) ;;
4in6|6in4) modes=(tunnel) ;;
*) echo "unknown --ip value '$ip': allowed are 4, 6, 4in6, 6in4"; exit 2 ;;
esac
udp=12
encryptions=(des-cbc 3des-cbc aes-128-cbc aes-192-cbc aes-256-cbc aes-128-ctr aes-192-ctr
             aes-256-ctr null aes-128-gcm aes-192-gcm aes-256-gcm aes-128-gcm-12 aes-256-gcm-8)
integrities=(hmac-md5-96 hmac-sha1-96 hmac-sha-256-128 hmac-sha-384-192 hmac-sha-512-256)
failures=0
runs=0

# run_and_check <name> <tshark-esp-decrypt options...> -- <example options...>
run_and_check() {
    local name=$1; shift
    local checkerOptions=()
    while [ "$1" != "--" ]; do checkerOptions+=("$1"); shift; done
    shift
    runs=$((runs + 1))
    if ! "$example" "$@" --ip="$ip" --udp-packets=$udp --tcp-bytes=20000 --pcap="$work/$name" \
        --keys="$work/$name.esp_sa" >"$work/$name.log" 2>&1; then
        echo "FAIL $name: the example did not deliver everything"; cat "$work/$name.log"
        failures=$((failures + 1)); return
    fi
    "$checker" "${checkerOptions[@]}" "$work/$name-wan.pcap" "$work/$name.esp_sa" \
        >"$work/$name.tshark" 2>&1
    local rc=$?
    local summary udpInner tcpInner warnings
    summary=$(grep '^summary:' "$work/$name.tshark")
    udpInner=$(grep -c '→ 9000 Len=1000' "$work/$name.tshark")
    tcpInner=$(grep -c '→ 9001 \[' "$work/$name.tshark")
    # Wireshark 4.0 tracks ESP sequence numbers inside AH by SPI alone, so the two directions of
    # a Junos manual SA (one SPI both ways) look out of order to it: that note is not a defect.
    warnings=$(tshark -r "$work/$name-wan.pcap" -Y '_ws.malformed || _ws.expert.severity >= warning' \
        -T fields -e _ws.expert.message 2>/dev/null | grep -v '^Wrong Sequence Number for SPI' |
        grep -c .)
    if [ $rc -ne 0 ] || [ "$udpInner" -ne $udp ] || [ "$tcpInner" -lt 10 ] || [ "$warnings" -ne 0 ]; then
        echo "FAIL $name: tshark exit $rc, $summary, inner UDP $udpInner, inner TCP $tcpInner," \
            "malformed/warnings $warnings"
        failures=$((failures + 1))
    else
        echo "ok   $name: $summary"
    fi
}

for mode in "${modes[@]}"; do
    for auth in "${integrities[@]}"; do
        # AH carries the hosts' packets in the clear: tshark shows them without keys. The only
        # other packets allowed are the WAN link's own IPv6 neighbour discovery.
        name="$mode-ah-$auth"
        runs=$((runs + 1))
        if ! "$example" --ip="$ip" --protocol=ah --mode="$mode" --authentication="$auth" --udp-packets=$udp \
            --tcp-bytes=20000 --pcap="$work/$name" >"$work/$name.log" 2>&1; then
            echo "FAIL $name: the example did not deliver everything"; failures=$((failures + 1))
            continue
        fi
        udpInner=$(tshark -r "$work/$name-wan.pcap" -Y 'ah && udp.dstport == 9000' 2>/dev/null | wc -l)
        warnings=$(tshark -r "$work/$name-wan.pcap" \
            -Y '(!ah && !icmpv6) || _ws.malformed || _ws.expert.severity >= warning' 2>/dev/null | wc -l)
        if [ "$udpInner" -ne $udp ] || [ "$warnings" -ne 0 ]; then
            echo "FAIL $name: AH packets with the UDP datagrams $udpInner, other or malformed $warnings"
            failures=$((failures + 1))
        else
            echo "ok   $name: every WAN packet is AH, $udpInner UDP datagrams inside"
        fi
    done
    for encryption in aes-128-cbc aes-256-cbc 3des-cbc aes-128-ctr aes-128-gcm aes-256-gcm; do
        run_and_check "$mode-bundle-$encryption" --allow-unchecked -- --protocol=bundle \
            --mode="$mode" --encryption="$encryption" --authentication=hmac-sha-256-128
    done
done

# ESP in UDP 4500 (RFC 3948): Wireshark finds the ESP inside UDP by itself.
for mode in "${modes[@]}"; do
    run_and_check "$mode-udp-encapsulated-aes-128-gcm" -- --mode="$mode" --udp-encapsulation=1
    run_and_check "$mode-udp-encapsulated-aes-256-cbc" -- --mode="$mode" --udp-encapsulation=1 \
        --encryption=aes-256-cbc --authentication=hmac-sha-256-128
done
for mode in "${modes[@]}"; do
    for encryption in "${encryptions[@]}"; do
        case $encryption in
        *gcm*) auths=("") ;;
        *) auths=("${integrities[@]}") ;;
        esac
        for auth in "${auths[@]}"; do
            run_and_check "$mode-$encryption${auth:+-$auth}" -- --mode="$mode" \
                --encryption="$encryption" ${auth:+--authentication="$auth"}
        done
    done
done
echo "--ip=$ip: checked $runs combinations, $failures failed"
[ $failures -eq 0 ]

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Plots the crypto benchmark (examples/ipsec-crypto-benchmark): per-packet ESP cost of the
layer against raw OpenSSL for each transform and payload size, and Diffie-Hellman cost per
group.

usage: /usr/bin/python3 analysis/plot_crypto_benchmark.py <folder with esp.csv and dh.csv>
writes <folder>/crypto-benchmark.png
"""

import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ipsec_results import main_guard, read_csv  # noqa: E402

ESP_COLUMNS = ["encryption", "integrity", "payload_bytes", "layer_ns", "openssl_evp_ns"]
DH_COLUMNS = ["group", "operation", "layer_us", "openssl_speed_us"]


def transform_label(row):
    """'aes-128-gcm' for AEAD rows, 'aes-128-cbc' + newline + 'hmac-...' otherwise."""
    if row["integrity"] == "(aead)":
        return row["encryption"]
    return f"{row['encryption']}\n{row['integrity']}"


def plot(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = argv[0]
    esp = read_csv(folder, "esp.csv", ESP_COLUMNS)
    dh = read_csv(folder, "dh.csv", DH_COLUMNS)

    figure, (esp_axis, dh_axis) = plt.subplots(2, 1, figsize=(13, 10))

    labels = []
    for row in esp:
        if transform_label(row) not in labels:
            labels.append(transform_label(row))
    sizes = sorted({int(row["payload_bytes"]) for row in esp})
    width = 0.8 / (2 * len(sizes))
    for index, size in enumerate(sizes):
        by_label = {transform_label(row): row for row in esp if int(row["payload_bytes"]) == size}
        positions = [i + (2 * index) * width for i in range(len(labels))]
        esp_axis.bar(positions, [by_label[l]["layer_ns"] / 1e3 for l in labels], width,
                     label=f"layer, {size} B")
        esp_axis.bar([p + width for p in positions],
                     [by_label[l]["openssl_evp_ns"] / 1e3 for l in labels], width,
                     label=f"raw OpenSSL EVP, {size} B", alpha=0.5)
    esp_axis.set_xticks([i + 0.4 - width / 2 for i in range(len(labels))])
    esp_axis.set_xticklabels(labels, rotation=60, ha="right", fontsize=7)
    esp_axis.set_yscale("log")
    esp_axis.set_ylabel("µs per ESP packet (encrypt + ICV)")
    esp_axis.set_title("ESP transforms: crypto layer vs raw OpenSSL, one core")
    esp_axis.legend(fontsize=7, ncol=3)

    groups = [row["group"] for row in dh if row["operation"] == "key_pair"]
    key_pair = {row["group"]: row["layer_us"] for row in dh if row["operation"] == "key_pair"}
    shared = {row["group"]: row for row in dh if row["operation"] == "shared_secret"}
    positions = range(len(groups))
    dh_axis.bar([p - 0.27 for p in positions], [key_pair[g] for g in groups], 0.27,
                label="layer: key pair")
    dh_axis.bar(positions, [shared[g]["layer_us"] for g in groups], 0.27,
                label="layer: shared secret")
    dh_axis.bar([p + 0.27 for p in positions],
                [shared[g]["openssl_speed_us"] or 0 for g in groups], 0.27,
                label="openssl speed: derive", alpha=0.6)
    dh_axis.set_xticks(list(positions))
    dh_axis.set_xticklabels(groups, rotation=30, ha="right")
    dh_axis.set_yscale("log")
    dh_axis.set_ylabel("µs per operation")
    dh_axis.set_title("Diffie-Hellman groups")
    dh_axis.legend(fontsize=8)

    figure.tight_layout()
    output = os.path.join(folder, "crypto-benchmark.png")
    figure.savefig(output, dpi=110)
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main_guard(plot))

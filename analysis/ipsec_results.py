#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Loading of the ipsec module's result files, in one place for every plot script.

Run the scripts with Debian's /usr/bin/python3 (it has python3-matplotlib).
"""

import csv
import os
import sys


class ResultError(Exception):
    """A result file is missing or malformed; the message names the file and the problem."""


def read_csv(folder, name, required_columns):
    """Rows of <folder>/<name> as dicts; numeric-looking fields become floats.

    Raises ResultError naming the file if it is missing, empty or lacks a required column.
    """
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        raise ResultError(f"{path}: no such file (run the example that writes it first)")
    with open(path, newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required_columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ResultError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = [{key: _number_or_text(value) for key, value in row.items()} for row in reader]
    if not rows:
        raise ResultError(f"{path}: no data rows")
    return rows


def _number_or_text(value):
    if value is None or value == "":
        return None
    try:
        return float(value)
    except ValueError:
        return value


def main_guard(function):
    """Runs function(argv) and turns ResultError into a one-line message and exit status 1."""
    try:
        return function(sys.argv[1:])
    except ResultError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

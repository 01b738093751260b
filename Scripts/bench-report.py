#!/usr/bin/env python3
"""Turn one benchmark run into Markdown tables of p50 figures and side-by-side ratios.

Inputs (all from the same run of Scripts/bench.sh), one per round, in the same order for every option:
  --influx FILE          the benchmark plugin's `--format influx` export of a round (one CSV for all targets)
  --openssl FILE         `openssl speed -mr -seconds N ecdsap256` output of that round (one signer)
  --openssl-multi FILE   the same with `-multi 2` (two signer processes)
  --openssl-algorithms FILE  `openssl speed -mr` output of rsa2048, ecdsap384, ecdsap521 and ed25519, and of
                         `-hmac sha256|sha384|sha512 -bytes 566`, concatenated (AlgorithmBenchmarks' reference)

Conventions the benchmarks follow (see Benchmarks/Benchmarks/*):
  - a benchmark is named "<operation>/<input>/<implementation>", our library's implementation being "ours";
  - it carries the tag "scale: N": each recorded sample covers N operations. The influx export holds the raw samples
    (nanoseconds and malloc counts per sample), so dividing by N gives figures per operation.

Ratios compare implementations of the same "<operation>/<input>" measured in the same round: the ratio is their p50
time divided by ours, so 2.0 means ours took half the time. Single figures on a shared machine vary by up to 2x between
runs; ratios measured side by side are steadier, and are what we report. With several rounds, a figure is the median
of the rounds' p50s and a ratio the median of the rounds' ratios, with the lowest and highest round beside it.
"""

import argparse
import csv
import re
import statistics
import sys
from collections import defaultdict

# Speed targets: (operation, input, competitor) -> minimum ratio (competitor p50 / our p50).
TARGETS = {
    ("decode", "1KiB", "Foundation"): 3.0,
    ("decode", "segment700", "Foundation"): 3.0,
    ("parse", "claims14", "JSONSerialization"): 5.0,
}

# Issue 14: for every algorithm beside ES256, the signature step at >= 0.9x `openssl speed` for the same primitive,
# and the whole token ahead of jwt-kit.
ALGORITHMS = ["ES384", "ES512", "EdDSA", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
              "HS256", "HS384", "HS512"]


def signature_input(algorithm):
    return f"{algorithm}-input566" if algorithm.startswith("HS") else f"{algorithm}-message32"


for _algorithm in ALGORITHMS:
    for _operation in ("sign", "verify"):
        TARGETS[(_operation, signature_input(_algorithm), "openssl")] = 0.9
    for _operation in ("signJWT", "verifyJWT"):
        TARGETS[(_operation, f"{_algorithm}-claims11", "jwt-kit-typed")] = 1.0

NAME = re.compile(r"^(?P<base>.*) \(scale: (?P<scale>\d+)\)$")


class Measurement:
    """p50 figures of one benchmark, per operation."""

    def __init__(self, target, operation, input_label, implementation):
        self.target = target
        self.operation = operation
        self.input = input_label
        self.implementation = implementation
        self.time_ns = None  # p50 wall clock per operation
        self.mallocs = None  # p50 malloc count per operation
        self.samples = None
        self.note = ""

    @property
    def name(self):
        return f"{self.operation}/{self.input}/{self.implementation}"


def read_influx(path, measurements):
    with open(path, newline="", encoding="utf-8") as file:
        rows = [line for line in file if not line.startswith("#")]
    for row in csv.DictReader(rows):
        if float(row["percentile"]) != 50.0:
            continue
        match = NAME.match(row["test"])
        if not match:
            sys.exit(f"bench-report: benchmark {row['test']!r} has no 'scale' tag; see the conventions above")
        parts = match["base"].split("/")
        if len(parts) != 3:
            sys.exit(f"bench-report: benchmark {match['base']!r} is not named <operation>/<input>/<implementation>")
        key = (row["measurement"], match["base"])
        if key not in measurements:
            measurements[key] = Measurement(row["measurement"], *parts)
        measurement = measurements[key]
        scale = int(match["scale"])
        metric = row["metric"]
        if metric.startswith("Time(wallclock)"):
            measurement.time_ns = float(row["value"]) / scale
            measurement.samples = int(row["iterations"])
        elif metric.startswith("Malloc(total)"):
            measurement.mallocs = float(row["value"]) / scale


def read_openssl(path):
    """Signs and verifies per second from `openssl speed -mr` ("+F4:<n>:256:<sign/s>:<verify/s>").

    With `-multi 2` each child's line is echoed as "Got: +F4:... from <child>" and the line that starts with "+F4" is
    the total of both processes.
    """
    with open(path, encoding="utf-8") as file:
        for line in file:
            fields = line.strip().split(":")
            if fields[0] == "+F4" and len(fields) >= 5 and fields[2] == "256":
                return float(fields[3]), float(fields[4])
    sys.exit(f"bench-report: no '+F4:...:256:' line in {path}; is it `openssl speed -mr ... ecdsap256` output?")


def read_openssl_algorithms(path):
    """(algorithms, sign/s, verify/s, source) from `openssl speed -mr` output of the primitives AlgorithmBenchmarks
    compares with: "+F2:n:2048:s:v" (RSA), "+F4:n:384|521:s:v" (ECDSA), "+F6:n:253:Ed25519:s:v" (EdDSA) and
    "+F:n:hmac(shaN):<bytes/s>" per size (HMAC over 566 bytes, so MACs/s = bytes/s / 566; one rate for both)."""
    rates = []
    with open(path, encoding="utf-8") as file:
        for line in file:
            fields = line.strip().split(":")
            if fields[0] == "+F2" and len(fields) >= 5 and fields[2] == "2048":
                rsa = [a for a in ALGORITHMS if a[:2] in ("RS", "PS")]
                rates.append((rsa, float(fields[3]), float(fields[4]), "openssl speed rsa2048"))
            elif fields[0] == "+F4" and len(fields) >= 5 and fields[2] in ("384", "521"):
                algorithm = "ES384" if fields[2] == "384" else "ES512"
                rates.append(([algorithm], float(fields[3]), float(fields[4]), f"openssl speed ecdsap{fields[2]}"))
            elif fields[0] == "+F6" and len(fields) >= 6 and fields[3] == "Ed25519":
                rates.append((["EdDSA"], float(fields[4]), float(fields[5]), "openssl speed ed25519"))
            elif fields[0] == "+F" and len(fields) >= 4 and fields[2].startswith("hmac(sha"):
                bits = fields[2][len("hmac(sha"):-1]
                per_second = float(fields[-1]) / 566
                rates.append(([f"HS{bits}"], per_second, per_second, f"openssl speed -hmac sha{bits} -bytes 566"))
    if not rates:
        sys.exit(f"bench-report: no RSA, ECDSA, Ed25519 or HMAC figures in {path}")
    return rates


def add_openssl_algorithms(measurements, rates):
    for algorithms, sign_rate, verify_rate, source in rates:
        for algorithm in algorithms:
            for operation, rate in (("sign", sign_rate), ("verify", verify_rate)):
                measurement = Measurement("openssl speed", operation, signature_input(algorithm), "openssl")
                measurement.time_ns = 1e9 / rate
                measurement.note = f"mean of `{source}`"
                measurements[(measurement.target, measurement.name)] = measurement


def add_openssl(measurements, single, multi, batch):
    sign_rate, verify_rate = single
    for operation, rate in (("sign", sign_rate), ("verify", verify_rate)):
        measurement = Measurement("openssl speed", operation, "message32", "openssl")
        measurement.time_ns = 1e9 / rate
        measurement.note = "mean of `openssl speed`"
        measurements[(measurement.target, measurement.name)] = measurement
    for label, rates in (("1signer", single), ("2processes", multi)):
        if rates is None:
            continue
        measurement = Measurement("openssl speed", f"signBatch{batch}", label, "openssl")
        measurement.time_ns = batch * 1e9 / rates[0]
        measurement.note = "mean of `openssl speed" + (" -multi 2`" if label == "2processes" else "`")
        measurements[(measurement.target, measurement.name)] = measurement


def format_time(ns):
    if ns is None:
        return "n/a"
    if ns < 1_000:
        return f"{ns:.0f} ns"
    if ns < 1_000_000:
        return f"{ns / 1_000:.2f} µs"
    return f"{ns / 1_000_000:.2f} ms"


def format_count(count):
    if count is None:
        return "n/a"
    return f"{count:.0f}" if abs(count - round(count)) < 0.05 else f"{count:.1f}"


def median_or_none(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def format_ratio(ratios):
    text = f"{statistics.median(ratios):.2f}x"
    if len(ratios) > 1:
        text += f" ({min(ratios):.2f}–{max(ratios):.2f})"
    return text


def combine(rounds):
    """One Measurement per benchmark: the median over the rounds of each round's p50."""
    combined = {}
    for key in sorted({key for measurements in rounds for key in measurements}):
        present = [measurements[key] for measurements in rounds if key in measurements]
        first = present[0]
        measurement = Measurement(first.target, first.operation, first.input, first.implementation)
        measurement.time_ns = median_or_none([m.time_ns for m in present])
        measurement.mallocs = median_or_none([m.mallocs for m in present])
        measurement.samples = sum(m.samples or 0 for m in present) if first.samples is not None else None
        measurement.note = first.note
        combined[key] = measurement
    return combined


def round_ratios(rounds, matches_ours, matches_other):
    """Per round: the other's p50 over ours, for the rounds that measured both."""
    ratios = []
    for measurements in rounds:
        ours = next((m for m in measurements.values() if matches_ours(m)), None)
        other = next((m for m in measurements.values() if matches_other(m)), None)
        if ours and other and ours.time_ns and other.time_ns:
            ratios.append(other.time_ns / ours.time_ns)
    return ratios


def print_tables(rounds):
    combined = combine(rounds)
    ordered = sorted(combined.values(), key=lambda m: (m.target, m.operation, m.input, m.implementation != "ours"))
    rounds_text = f"median of {len(rounds)} rounds" if len(rounds) > 1 else "one round"

    print(f"### p50 per operation ({rounds_text})\n")
    print("| target | benchmark | p50 time | mallocs (p50) | samples (all rounds) |")
    print("|---|---|---:|---:|---:|")
    for m in ordered:
        samples = m.note if m.note else str(m.samples)
        print(f"| {m.target} | `{m.name}` | {format_time(m.time_ns)} | {format_count(m.mallocs)} | {samples} |")

    groups = defaultdict(list)
    for m in ordered:
        groups[(m.operation, m.input)].append(m)

    print("\n### Ratios: their p50 time / our p50 time (above 1 means ours is faster)\n")
    print("| operation | input | ours | versus | theirs | ratio (lowest–highest round) | target |")
    print("|---|---|---:|---|---:|---:|---|")
    unmet = []
    for (operation, input_label), members in sorted(groups.items()):
        ours = next((m for m in members if m.implementation == "ours"), None)
        if ours is None or ours.time_ns is None or operation.startswith("signBatch"):
            continue  # signing batches are compared in the concurrency table below
        for other in members:
            if other is ours or other.time_ns is None:
                continue
            ratios = round_ratios(
                rounds,
                lambda m: (m.operation, m.input, m.implementation) == (operation, input_label, "ours"),
                lambda m, other=other: (m.operation, m.input, m.implementation)
                == (operation, input_label, other.implementation),
            )
            if not ratios:
                continue
            goal = TARGETS.get((operation, input_label, other.implementation))
            if goal is None:
                verdict = ""
            elif statistics.median(ratios) >= goal:
                verdict = f">= {goal:g}x: met"
            else:
                verdict = f">= {goal:g}x: **not met**"
                unmet.append(f"{operation}/{input_label} vs {other.implementation}")
            print(
                f"| {operation} | {input_label} | {format_time(ours.time_ns)} | {other.implementation} "
                f"| {format_time(other.time_ns)} | {format_ratio(ratios)} | {verdict} |"
            )

    # Concurrency: one signer against two, for us and for openssl, each as a speed-up over its own single signer.
    pairs = []
    for m in ordered:
        if m.operation.startswith("signBatch") and m.input != "1signer":
            single = combined.get((m.target, f"{m.operation}/1signer/{m.implementation}"))
            if single:
                pairs.append((m, single))
    if pairs:
        print("\n### Two concurrent signers: speed-up over one signer of the same implementation\n")
        print("| implementation | batch | one signer | two signers | speed-up (lowest–highest round) |")
        print("|---|---|---:|---:|---:|")
        for m, single in pairs:
            ratios = round_ratios(
                rounds,
                lambda r, m=m: (r.operation, r.input, r.implementation) == (m.operation, m.input, m.implementation),
                lambda r, m=m: (r.operation, r.input, r.implementation) == (m.operation, "1signer", m.implementation),
            )
            if ratios:
                print(
                    f"| {m.implementation} ({m.input}) | {m.operation} | {format_time(single.time_ns)} "
                    f"| {format_time(m.time_ns)} | {format_ratio(ratios)} |"
                )

    for (operation, input_label, competitor) in TARGETS:
        if not any((m.operation, m.input, m.implementation) == (operation, input_label, "ours") for m in ordered):
            continue  # a target of benchmarks this run left out
        if not any(
            (m.operation, m.input, m.implementation) == (operation, input_label, competitor) for m in ordered
        ):
            print(f"\nnote: target {operation}/{input_label} vs {competitor} was not measured in this run")
    if unmet:
        print("\nTargets not met: " + "; ".join(unmet))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--influx", action="append", default=[], help="a round's influx CSV export (repeatable)")
    parser.add_argument("--openssl", action="append", default=[], help="a round's `openssl speed -mr` output")
    parser.add_argument("--openssl-multi", action="append", default=[], help="a round's `-multi 2` output")
    parser.add_argument("--openssl-algorithms", action="append", default=[], help="a round's algorithm figures")
    parser.add_argument("--batch", type=int, default=64, help="signatures per batch in the ES256 throughput benchmarks")
    arguments = parser.parse_args()

    rounds = []
    for index, path in enumerate(arguments.influx):
        measurements = {}
        read_influx(path, measurements)
        if index < len(arguments.openssl):
            single = read_openssl(arguments.openssl[index])
            multi = read_openssl(arguments.openssl_multi[index]) if index < len(arguments.openssl_multi) else None
            add_openssl(measurements, single, multi, arguments.batch)
        if index < len(arguments.openssl_algorithms):
            add_openssl_algorithms(measurements, read_openssl_algorithms(arguments.openssl_algorithms[index]))
        rounds.append(measurements)
    if not rounds:
        sys.exit("bench-report: nothing to report (pass --influx)")
    print_tables(rounds)


if __name__ == "__main__":
    main()

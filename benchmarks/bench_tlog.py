"""The log core in memory, side by side with pymerkle, and at 1 M and 10 M entries.

- appends/s: `MemoryLog.append` and `.extend` vs pymerkle `append_entry` and `append_entries`;
- inclusion proofs/s on the same 100,000-entry tree, ours vs pymerkle;
- inclusion and consistency proof time at 10,000,000 entries (stored-node store);
- full verification of a 1,000,000-entry tlog-tiles export with the real offline verifier path.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from pathlib import Path

from ceasefire.tlog import checkpoint, keys, merkle, note, tiles
from ceasefire.tlog.memory import MemoryLog


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def appends(count: int = 200_000) -> tuple[float, float, float, float]:
    """Return appends/s, one by one and batched, for ours and pymerkle on 64-byte entries."""
    from pymerkle import InmemoryTree

    entries = [hashlib.sha256(b"%d" % i).digest() * 2 for i in range(count)]
    rates = []
    for ours in (True, False):
        for batched in (False, True):
            tree = MemoryLog(keep_entries=False) if ours else InmemoryTree(algorithm="sha256")
            began = time.perf_counter()
            if batched:
                tree.extend(entries) if ours else tree.append_entries(entries)
            else:
                add = tree.append if ours else tree.append_entry
                for entry in entries:
                    add(entry)
            rates.append(_rate(count, time.perf_counter() - began))
            assert (tree.root() if ours else tree.get_root()) == MemoryLog.root_of(entries)
    return rates[0], rates[1], rates[2], rates[3]


def inclusion(
    size: int = 100_000, ours_count: int = 20_000, peer_count: int = 2_000
) -> tuple[float, float]:
    """Return inclusion proofs/s for ours and pymerkle on the same tree."""
    from pymerkle import InmemoryTree

    entries = [b"entry %d" % i for i in range(size)]
    ours, peer = MemoryLog(keep_entries=False), InmemoryTree(algorithm="sha256")
    for entry in entries:
        ours.append(entry)
        peer.append_entry(entry)
    picks = random.Random(7)
    indices = [picks.randrange(size) for _ in range(ours_count)]
    began = time.perf_counter()
    for index in indices:
        ours.inclusion_proof(index, size)
    mine = _rate(ours_count, time.perf_counter() - began)
    began = time.perf_counter()
    for index in indices[:peer_count]:
        peer.prove_inclusion(index + 1, size)
    theirs = _rate(peer_count, time.perf_counter() - began)
    sample = indices[0]
    proof = ours.inclusion_proof(sample, size)
    merkle.verify_inclusion(merkle.leaf_hash(entries[sample]), sample, size, proof, ours.root())
    return mine, theirs


def ten_million(size: int = 10_000_000, proofs: int = 2_000) -> tuple[float, float, float]:
    """Return (build seconds, ms per inclusion proof, ms per consistency proof) at `size`."""
    log = MemoryLog(keep_entries=False)
    append, sha256 = log.append_hash, hashlib.sha256
    began = time.perf_counter()
    for i in range(size):
        append(sha256(i.to_bytes(8, "big")).digest())
    build = time.perf_counter() - began
    picks = random.Random(11)
    indices = [picks.randrange(size) for _ in range(proofs)]
    began = time.perf_counter()
    for index in indices:
        log.inclusion_proof(index, size)
    per_inclusion = (time.perf_counter() - began) * 1000 / proofs
    olds = [picks.randrange(1, size) for _ in range(proofs)]
    began = time.perf_counter()
    for old in olds:
        log.consistency_proof(old, size)
    per_consistency = (time.perf_counter() - began) * 1000 / proofs
    top = log.root(size)
    merkle.verify_inclusion(
        log.leaf_hashes(indices[0], indices[0] + 1)[0],
        indices[0],
        size,
        log.inclusion_proof(indices[0], size),
        top,
    )
    merkle.verify_consistency(
        olds[0], size, log.consistency_proof(olds[0], size), log.root(olds[0]), top
    )
    return build, per_inclusion, per_consistency


def export_verification(size: int = 1_000_000) -> tuple[float, str]:
    """Write a `size`-entry export and time `ceasefire verify export` on it (the real code path)."""
    from ceasefire import verifier

    signer = keys.Signer.generate("bench.example/log")
    log = MemoryLog()
    for i in range(size):
        log.append(b'{"kind":"benchmark.entry","n":%d,"payload":"%s"}' % (i, b"x" * 40))
    directory = Path(tempfile.mkdtemp(prefix="ceasefire-export-"))
    signed = note.sign(checkpoint.Checkpoint(signer.name, size, log.root()).text(), [signer])
    tiles.write_export(directory, log.entries or [], log.hash_tile, signed)
    (directory / "policy.txt").write_text(f"log {signer.verifier.vkey}\nquorum none\n")
    began = time.perf_counter()
    status = verifier.main(["export", str(directory), "--policy", str(directory / "policy.txt")])
    seconds = time.perf_counter() - began
    return seconds, "verified" if status == 0 else "FAILED"


def run(*, large: bool = True) -> list[str]:
    """Measure everything and return the lines to print."""
    single, batch, peer_single, peer_batch = appends()
    lines = [
        f"in-memory appends one by one: ours {single:,.0f}/s, pymerkle {peer_single:,.0f}/s, "
        f"ratio {single / peer_single:.1f}x",
        f"in-memory appends batched: ours {batch:,.0f}/s, pymerkle {peer_batch:,.0f}/s, "
        f"ratio {batch / peer_batch:.1f}x",
    ]
    mine, theirs = inclusion()
    lines.append(
        f"inclusion proofs (100,000 entries): ours {mine:,.0f}/s, pymerkle {theirs:,.0f}/s, "
        f"ratio {mine / theirs:.1f}x"
    )
    if large:
        build, per_inclusion, per_consistency = ten_million()
        lines.append(
            f"10,000,000 entries: built in {build:.1f} s; inclusion proof {per_inclusion:.3f} ms, "
            f"consistency proof {per_consistency:.3f} ms"
        )
        seconds, outcome = export_verification()
        lines.append(f"full verification of a 1,000,000-entry export: {seconds:.2f} s ({outcome})")
    return lines


if __name__ == "__main__":
    options = argparse.ArgumentParser()
    options.add_argument("--small", action="store_true", help="skip the 10 M and 1 M runs")
    print("\n".join(run(large=not options.parse_args().small)))

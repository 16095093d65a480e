"""`ceasefire verify`: check the log's promises offline, with Python and `cryptography` only.

A party's analyst runs it on a machine that has never seen the platform:
    ceasefire verify receipt entry-12.tlog-proof --leaf entry-12.json --policy policy.txt
    ceasefire verify export ./log-export --policy policy.txt
    ceasefire verify consistency old.checkpoint new.checkpoint --proof proof.txt --policy policy.txt

Must never import Django (an import contract and a test that hides Django enforce it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ceasefire.tlog import checkpoint as checkpoints
from ceasefire.tlog import merkle, note, receipt, strict, tiles
from ceasefire.tlog import policy as policies
from ceasefire.tlog.errors import TlogError
from ceasefire.tlog.memory import MemoryLog


def _policy(arguments: argparse.Namespace) -> policies.Policy:
    """Trust the policy file, or just a log vkey (no witness quorum then)."""
    if arguments.policy:
        return policies.parse(Path(arguments.policy).read_text())
    vkey = (
        Path(arguments.vkey).read_text().strip()
        if Path(arguments.vkey).is_file()
        else arguments.vkey
    )
    return policies.parse(f"log {vkey}\nquorum none\n")


def _witnessed(signed: str, policy: policies.Policy) -> tuple[checkpoints.Checkpoint, list[str]]:
    """Check the log signature, the origin and the witness quorum of a signed checkpoint."""
    _, signers = note.verify(signed, [policy.log, *policy.witnesses.values()])
    names = {key.name for key in signers}
    if policy.log.name not in names:
        raise TlogError("the log's own key did not sign the checkpoint")
    parsed = checkpoints.parse(note.parse(signed).text)
    if parsed.origin != policy.log.name:
        raise TlogError(f"the checkpoint is for {parsed.origin}, not {policy.log.name}")
    cosigners = sorted(policy.witness_names(names))
    if not policy.satisfied(cosigners):
        raise TlogError(
            f"the witness quorum is not met: cosigned by {', '.join(cosigners) or 'none'}"
        )
    return parsed, cosigners


def _receipt(arguments: argparse.Namespace) -> str:
    verified = receipt.verify(
        Path(arguments.receipt).read_text(),
        Path(arguments.leaf).read_bytes(),
        _policy(arguments),
    )
    return (
        f"OK: entry {verified.index} is included in {verified.origin} at size {verified.size}, "
        f"root {strict.b64encode(verified.root)}, "
        f"cosigned by {', '.join(verified.cosigners) or 'no witness'}"
    )


def _export(arguments: argparse.Namespace) -> str:
    directory, policy = Path(arguments.directory), _policy(arguments)
    parsed, cosigners = _witnessed((directory / "checkpoint").read_text(), policy)
    log = MemoryLog(keep_entries=False)
    for ref in tiles.bundles_for(parsed.size):
        entries = tiles.decode_bundle((directory / ref.path()).read_bytes())
        if len(entries) != ref.width:
            raise TlogError(f"{ref.path()} holds {len(entries)} entries, not {ref.width}")
        for entry in entries:
            log.append_hash(merkle.leaf_hash(entry))
    if log.root(parsed.size) != parsed.root:
        raise TlogError("the exported entries do not reproduce the checkpoint's root")
    for ref in tiles.tiles_for(parsed.size):
        if (directory / ref.path()).read_bytes() != log.hash_tile(ref):
            raise TlogError(f"{ref.path()} does not match the entries")
    return (
        f"OK: {parsed.size} entries reproduce root {strict.b64encode(parsed.root)} "
        f"of {parsed.origin}, "
        f"cosigned by {', '.join(cosigners)}"
    )


def _consistency(arguments: argparse.Namespace) -> str:
    policy = _policy(arguments)
    old, _ = _witnessed(Path(arguments.old).read_text(), policy)
    new, _ = _witnessed(Path(arguments.new).read_text(), policy)
    lines = Path(arguments.proof).read_text().split()
    merkle.verify_consistency(
        old.size, new.size, [strict.b64(line, length=32) for line in lines], old.root, new.root
    )
    return f"OK: size {new.size} of {new.origin} extends size {old.size}; the log was not rewritten"


def _trust(command: argparse.ArgumentParser) -> None:
    trust = command.add_mutually_exclusive_group(required=True)
    trust.add_argument(
        "--policy", help="the deployment's tlog-policy file (log key, witnesses, quorum)"
    )
    trust.add_argument(
        "--vkey", help="only the log's verifier key (string or file): no witness quorum"
    )


def parser() -> argparse.ArgumentParser:
    """Build the command-line interface."""
    top = argparse.ArgumentParser(prog="ceasefire verify", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True)
    one = commands.add_parser("receipt", help="check that a record is in the witnessed log")
    one.add_argument("receipt")
    one.add_argument("--leaf", required=True, help="the entry's exact bytes (entry-N.json)")
    _trust(one)
    one.set_defaults(run=_receipt)
    export = commands.add_parser("export", help="recompute every leaf and the root of an export")
    export.add_argument("directory")
    _trust(export)
    export.set_defaults(run=_export)
    consistency = commands.add_parser(
        "consistency", help="check that a newer checkpoint extends an older one"
    )
    consistency.add_argument("old")
    consistency.add_argument("new")
    consistency.add_argument("--proof", required=True, help="one base64 hash per line")
    _trust(consistency)
    consistency.set_defaults(run=_consistency)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run a verification; print OK or FAILED with the reason; exit 0 or 1."""
    arguments = parser().parse_args(argv)
    try:
        print(arguments.run(arguments))  # a command-line report
    except (TlogError, OSError, UnicodeDecodeError) as error:
        print(f"FAILED: {error}", file=sys.stderr)  # a command-line report
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""The deployment's log key, witness list and trust policy, kept in files outside the database.

`KEY_DIR/log.key` (mode 0600) signs checkpoints; `log.vkey` and `policy.txt` are public;
`witnesses.txt` lists one witness per line: `<name> <vkey> <target>`, where the target is the
witness's URL (`https://…`, tlog-witness protocol) or `local:<key file>` for a witness run by
this host (the demo's four stakeholder witnesses).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from ceasefire.tlog import keys
from ceasefire.tlog import policy as policies
from ceasefire.tlog.errors import LogFormatError

DEMO_WITNESSES = ("pak", "afg", "qat", "tur")
DEMO_QUORUM = 3


@dataclass(frozen=True, slots=True)
class WitnessEntry:
    """One configured witness."""

    name: str
    verifier: keys.Verifier
    target: str


def key_dir() -> Path:
    """Return the directory holding keys, the witness list and the policy."""
    return Path(settings.KEY_DIR)


def log_signer() -> keys.Signer:
    """Load the log's signing key.

    Raises:
        LogFormatError: the key file is missing or malformed.
    """
    path = Path(settings.LOG_KEY_FILE)
    if not path.exists():
        raise LogFormatError(f"no log key at {path}: run `ceasefire init-log` first")
    return keys.parse_private_key(path.read_text())


def witnesses() -> list[WitnessEntry]:
    """Read the configured witnesses (none if the file is absent)."""
    path = Path(settings.WITNESSES_FILE)
    if not path.exists():
        return []
    entries = []
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, vkey, target = line.split()
            entries.append(WitnessEntry(name, keys.parse_vkey(vkey), target))
    return entries


def policy() -> policies.Policy:
    """Read the published trust policy."""
    return policies.parse((key_dir() / "policy.txt").read_text())


def _private(path: Path, text: str) -> None:
    path.touch(mode=0o600, exist_ok=False)
    path.chmod(0o600)
    path.write_text(text + "\n")


def initialise(*, demo_witnesses: bool) -> list[str]:
    """Create the log key (once), and for a demo four local stakeholder witnesses and the policy."""
    directory = key_dir()
    directory.mkdir(parents=True, exist_ok=True)
    done: list[str] = []
    key_path = Path(settings.LOG_KEY_FILE)
    if not key_path.exists():
        _private(key_path, keys.Signer.generate(settings.LOG_ORIGIN).private_key_text())
        done.append(f"created the log key {key_path}")
    signer = log_signer()
    (directory / "log.vkey").write_text(signer.verifier.vkey + "\n")
    if demo_witnesses and not Path(settings.WITNESSES_FILE).exists():
        lines = []
        for code in DEMO_WITNESSES:
            path = directory / f"witness-{code}.key"
            if not path.exists():
                _private(
                    path,
                    keys.Signer.generate(
                        f"witness.{code}.example/ceasefire", keys.COSIGNATURE_V1
                    ).private_key_text(),
                )
            verifier = keys.parse_private_key(path.read_text()).verifier
            lines.append(f"{code} {verifier.vkey} local:{path}")
        Path(settings.WITNESSES_FILE).write_text("\n".join(lines) + "\n")
        done.append(f"created {len(lines)} local demo witnesses")
    configured = witnesses()
    text = (
        policies.format_policy(
            signer.verifier,
            {
                w.name: (w.verifier, "" if w.target.startswith("local:") else w.target)
                for w in configured
            },
            group="stakeholders",
            threshold=min(DEMO_QUORUM, len(configured)) or 1,
        )
        if configured
        else f"log {signer.verifier.vkey}\nquorum none\n"
    )
    (directory / "policy.txt").write_text(text)
    done.append(f"wrote the trust policy {directory / 'policy.txt'}")
    return done

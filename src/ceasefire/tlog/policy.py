"""Trust policies (tlog-policy): which log key, which witnesses, and what quorum to require.

    log <vkey>
    witness <name> <vkey> [url]
    group <name> <k|any|all> <member>…
    quorum <name|none>

Must not import Django or `cryptography`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ceasefire.tlog import keys, strict
from ceasefire.tlog.errors import LogFormatError


@dataclass(frozen=True, slots=True)
class Group:
    """At least `threshold` of `members` (witness or group names) must be satisfied."""

    name: str
    threshold: int
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Policy:
    """A parsed trust policy."""

    log: keys.Verifier
    witnesses: Mapping[str, keys.Verifier]
    urls: Mapping[str, str]
    groups: Mapping[str, Group]
    quorum: str | None

    def satisfied(self, cosigners: Iterable[str]) -> bool:
        """Tell whether the witnesses (by policy name) that cosigned meet the quorum."""
        signed = frozenset(cosigners)
        return self.quorum is None or self._holds(self.quorum, signed, depth=0)

    def _holds(self, name: str, signed: frozenset[str], depth: int) -> bool:
        if name in self.witnesses:
            return name in signed
        if depth > 16:
            raise LogFormatError("policy groups nest too deeply")
        group = self.groups[name]
        return sum(self._holds(m, signed, depth + 1) for m in group.members) >= group.threshold

    def witness_names(self, key_names: Iterable[str]) -> set[str]:
        """Map witness key names (as they appear in notes) back to policy names."""
        by_key = {verifier.name: name for name, verifier in self.witnesses.items()}
        return {by_key[key] for key in key_names if key in by_key}


def parse(text: str) -> Policy:
    """Parse a policy file.

    Raises:
        LogFormatError: unknown directives, missing log key, unknown members or quorum.
    """
    log: keys.Verifier | None = None
    witnesses: dict[str, keys.Verifier] = {}
    urls: dict[str, str] = {}
    groups: dict[str, Group] = {}
    quorum: str | None = None
    quorum_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        directive, arguments = words[0], words[1:]
        if directive == "log" and len(arguments) == 1 and log is None:
            log = keys.parse_vkey(arguments[0])
        elif directive == "witness" and len(arguments) in (2, 3) and arguments[0] not in witnesses:
            witnesses[arguments[0]] = keys.parse_vkey(arguments[1])
            if len(arguments) == 3:
                urls[arguments[0]] = arguments[2]
        elif directive == "group" and len(arguments) >= 3 and arguments[0] not in groups:
            groups[arguments[0]] = _group(arguments, number)
        elif directive == "quorum" and len(arguments) == 1 and not quorum_seen:
            quorum, quorum_seen = (None if arguments[0] == "none" else arguments[0]), True
        else:
            raise LogFormatError(f"policy line {number}: {raw.strip()!r} is not understood")
    if log is None:
        raise LogFormatError("the policy names no log key")
    for group in groups.values():
        for member in group.members:
            if member not in witnesses and member not in groups:
                raise LogFormatError(f"group {group.name} names unknown member {member}")
    if quorum is not None and quorum not in groups and quorum not in witnesses:
        raise LogFormatError(f"the quorum {quorum} is neither a witness nor a group")
    return Policy(log, witnesses, urls, groups, quorum)


def _group(arguments: list[str], number: int) -> Group:
    name, threshold_text, members = arguments[0], arguments[1], tuple(arguments[2:])
    if threshold_text == "any":
        threshold = 1
    elif threshold_text == "all":
        threshold = len(members)
    else:
        threshold = strict.decimal(threshold_text)
    if not 1 <= threshold <= len(members):
        raise LogFormatError(f"policy line {number}: threshold must be 1 to {len(members)}")
    return Group(name, threshold, members)


def format_policy(
    log: keys.Verifier,
    witnesses: Mapping[str, tuple[keys.Verifier, str]],
    *,
    group: str,
    threshold: int,
) -> str:
    """Write a policy with one group of all witnesses and that group as the quorum."""
    lines = [f"log {log.vkey}"]
    lines += [
        f"witness {name} {verifier.vkey} {url}".rstrip()
        for name, (verifier, url) in witnesses.items()
    ]
    lines += [f"group {group} {threshold} {' '.join(witnesses)}", f"quorum {group}"]
    return "\n".join(lines) + "\n"

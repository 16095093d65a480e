"""The pure transparency-log core: RFC 6962 Merkle tree, C2SP notes, checkpoints, proofs.

Must not import Django, the database or `ceasefire.domain`; only `tlog.keys` imports
`cryptography`. The log knows nothing about ceasefires.
"""

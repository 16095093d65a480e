"""Errors of the log core: every refusal is a `TlogError`."""


class TlogError(Exception):
    """Any refusal by the log core."""


class LogFormatError(TlogError):
    """Bytes that do not parse as the format they claim to be."""


class ProofError(TlogError):
    """A Merkle inclusion or consistency proof that does not verify."""


class SignatureError(TlogError):
    """A signature from a known key fails, or no trusted key signed."""

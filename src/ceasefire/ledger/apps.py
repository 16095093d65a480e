from django.apps import AppConfig


class LedgerConfig(AppConfig):
    """The transparency log's storage: entries, stored tree nodes, checkpoints, cosignatures."""

    name = "ceasefire.ledger"
    label = "ledger"

"""The pure domain core of ceasefire: every rule, no Django, no I/O, no clock.

Nothing in this package may import Django, the database, the transparency-log core
(`ceasefire.tlog`) or any third-party library; import-linter contracts enforce it.
"""

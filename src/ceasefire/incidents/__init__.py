"""Incident intake: reports from either party, monitors and the public, coded and triaged."""

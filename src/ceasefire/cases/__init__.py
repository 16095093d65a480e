"""The verification workflow: cases, investigations, findings, replies and adoption."""

"""The news desk: articles in, candidate incidents and agreement events out, for triage."""

"""`make bench`: every benchmark of the platform, printed with its peers side by side."""

"""Benchmarks of the klaverblad rules engine (run as `python -m benchmarks.<name>`)."""

"""Benchmarks of Secket: measurements to read, not tests that pass or fail."""

"""Benchmarks that print numbers (`make bench`); never timed asserts in the tests."""

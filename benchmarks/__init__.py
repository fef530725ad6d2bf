"""Scale and speed benchmarks (see README.md here)."""

"""Scale and speed benchmarks for passapp (DESIGN §2): data generator and search benchmark.

Run from the project root, e.g. ``python -m benchmarks.bench_find --sizes 10000``; see
``benchmarks/README.md``.
"""

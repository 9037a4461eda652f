"""Demo data for trying the exchange and for benchmarks: not a use case, and its bulk inserts bypass the search outbox."""

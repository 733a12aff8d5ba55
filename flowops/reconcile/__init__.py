"""Plan and apply: compare git (manifest + Flow JSON) with Meta and the lock, then converge."""

"""Offline Flow JSON validation against Meta's rules (per-version schema + semantic checks)."""

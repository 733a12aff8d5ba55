"""The stages driven in order: validate → refresh → diff → plan, then apply → lock.

``engine`` holds plan / apply / status as plain functions; the CLI and the tests call it.
"""

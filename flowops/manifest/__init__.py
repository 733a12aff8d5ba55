"""flows.yaml: load, check and resolve per environment."""

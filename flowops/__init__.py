"""flowops: declarative, reviewable WhatsApp Flows."""

__version__ = "0.1.0"

# The name to `pip install` (pyproject.toml's project name): `flowops` on PyPI is another project.
DISTRIBUTION = "whatsapp-flowops"
REPOSITORY = "https://github.com/whatsapp-flowops/flowops"

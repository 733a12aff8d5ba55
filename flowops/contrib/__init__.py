"""Optional integrations with other frameworks. Core flowops never imports this package."""

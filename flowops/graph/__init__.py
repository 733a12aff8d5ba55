"""Meta's Graph API: typed values, the FlowsAPI protocol and the HTTP client."""

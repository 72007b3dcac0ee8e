"""The domain: models, services and rules. Never imports Qt."""

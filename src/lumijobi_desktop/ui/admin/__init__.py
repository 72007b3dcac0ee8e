"""Settings, user accounts and the audit log."""

"""The Desk screen: check-in of visitors and today's visits."""

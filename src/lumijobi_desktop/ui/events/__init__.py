"""The events area: calendar (month, week, list), an event's sign-ups and the door."""

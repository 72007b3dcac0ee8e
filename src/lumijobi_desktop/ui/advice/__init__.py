"""The advice area: the coordinator's calendar, bookings, the queue, notes and figures."""

"""The recycling point's screens: hand-out, intake, stock and places."""

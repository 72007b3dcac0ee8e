"""The PySide6 screens. Thin: the rules live in `core`."""

"""Printed papers, drawn with reportlab.

Nothing here imports Qt: the screens, the command line and the tests all
call the same functions with plain data and get a PDF back.

- `fonts`: the embedded DejaVu Sans that every paper uses (Cyrillic works).
- `qr`: QR codes drawn as vector squares.
- `text_fit`: wrap and shrink text into a box, so names are never clipped.
- `visitor_card`: a sheet of credit-card sized visitor cards.
- `privacy_notice`: the privacy notice handed to visitors.
"""

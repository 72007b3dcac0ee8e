"""One Tuesday coffee meeting as the event papers receive it, shared by their tests."""

from __future__ import annotations

import datetime as dt

from lumijobi_desktop.core.codes import CodeKind, make_code
from lumijobi_desktop.printing.event_paper_data import PaperEvent

CODE = make_code(CodeKind.EVENT, 17)
STARTS = dt.datetime(2026, 11, 24, 10, 0)
COFFEE_MEETING = PaperEvent(
    code=CODE,
    titles={"fi": "Tiistaikahvit", "uk": "Вівторкова кава", "en": ""},
    kind_name_msgid="Coffee meeting",
    starts_at=STARTS,
    ends_at=STARTS + dt.timedelta(hours=2),
    place="Lumijoen seurakuntatalo",
    description="Kahvia, pullaa ja juttelua. Neuvontaa arjen asioissa.",
    capacity=20,
    languages=("fi", "uk"),
    partners=("Lumijoen 4H-yhdistys", "Lumijoen seurakunta"),
    age_group="Kaikenikäiset",
    signup_required=True,
)

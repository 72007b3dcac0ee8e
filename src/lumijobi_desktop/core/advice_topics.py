"""The topics of advice sessions and what a visitor should bring for each.

Seeded with the matters the coordinator advises on; the names and the
"what to bring" lists are data in Finnish, Ukrainian and English, so the
coordinator can rename, add and hide topics without a new app version.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from lumijobi_desktop.core import audit
from lumijobi_desktop.core.audit import Action
from lumijobi_desktop.core.database import BaseModel, unit_of_work
from lumijobi_desktop.core.errors import NotFound, ValidationError
from lumijobi_desktop.core.i18n import _, current_language
from lumijobi_desktop.core.permissions import Permission, require
from lumijobi_desktop.core.text_input import clean_line
from lumijobi_desktop.core.users import User

NAME_MAX, BRING_MAX = 60, 200
TOPIC_LANGUAGES = ("fi", "uk", "en")

# key, (fi, uk, en) name, (fi, uk, en) what to bring, order.
SEED_TOPICS = (
    (
        "kela",
        ("Kelan etuudet", "Пільги Kela", "Kela benefits"),
        (
            "Kelan päätökset ja kirjeet, tiliotteet, henkilöllisyystodistus",
            "Рішення та листи Kela, банківські виписки, посвідчення особи",
            "Kela decisions and letters, bank statements, proof of identity",
        ),
        10,
    ),
    (
        "residence",
        ("Oleskeluluvat", "Дозволи на проживання", "Residence permits"),
        (
            "Passi, oleskelulupakortti, Migrin kirjeet",
            "Паспорт, картка дозволу на проживання, листи від Migri",
            "Passport, residence permit card, letters from Migri",
        ),
        20,
    ),
    (
        "school",
        ("Koulu ja varhaiskasvatus", "Школа і дитячий садок", "School and day care"),
        (
            "Lasten henkilötiedot, koulun tai päiväkodin kirjeet",
            "Дані дітей, листи зі школи чи дитячого садка",
            "The children's details, letters from the school or day care",
        ),
        30,
    ),
    (
        "health",
        ("Terveydenhuolto", "Охорона здоров'я", "Health care"),
        (
            "Kela-kortti, ajanvaraukset ja lähetteet",
            "Картка Kela, записи до лікаря та направлення",
            "Kela card, appointments and referrals",
        ),
        40,
    ),
    (
        "work",
        ("Työ", "Робота", "Jobs"),
        (
            "CV, todistukset, TE-palveluiden kirjeet",
            "Резюме, дипломи та сертифікати, листи від TE-служби",
            "CV, certificates, letters from the employment services",
        ),
        50,
    ),
    (
        "housing",
        ("Asuminen", "Житло", "Housing"),
        (
            "Vuokrasopimus, vuokranantajan kirjeet",
            "Договір оренди, листи від орендодавця",
            "Rental agreement, letters from the landlord",
        ),
        60,
    ),
    (
        "money",
        ("Pankki ja laskut", "Банк і рахунки", "Banking and bills"),
        (
            "Laskut, pankkikortti tai -tunnukset, tiliotteet",
            "Рахунки, банківська картка або коди, банківські виписки",
            "Bills, bank card or codes, bank statements",
        ),
        70,
    ),
    (
        "language",
        ("Kielikurssit", "Мовні курси", "Language courses"),
        (
            "Aiemmat kielitodistukset",
            "Попередні мовні сертифікати",
            "Earlier language certificates",
        ),
        80,
    ),
    ("other", ("Muu asia", "Інше питання", "Other matter"), ("", "", ""), 90),
)


class AdviceTopic(BaseModel):
    # Seeded topics keep a stable key; coordinator-made ones get "custom-N".
    key = pw.CharField(unique=True)
    name_fi = pw.CharField()
    name_uk = pw.CharField(default="")
    name_en = pw.CharField(default="")
    bring_fi = pw.CharField(default="")
    bring_uk = pw.CharField(default="")
    bring_en = pw.CharField(default="")
    sort_order = pw.IntegerField(default=100)
    active = pw.BooleanField(default=True)

    def name_in(self, lang: str) -> str:
        """The name in that language when one was given, else the Finnish one."""
        return getattr(self, f"name_{lang}", "") or self.name_fi

    @property
    def name(self) -> str:
        return self.name_in(current_language().code)

    def bring_in(self, lang: str) -> str:
        return getattr(self, f"bring_{lang}", "") or self.bring_fi

    def snapshot(self) -> dict:
        return {
            field: getattr(self, field)
            for field in ("name_fi", "name_uk", "name_en", "bring_fi", "bring_uk", "bring_en")
        } | {"active": self.active}


def insert_seed_topics(model: type[pw.Model]) -> int:
    """Insert the seeded topics that are missing; `model` may be a migration's frozen copy."""
    existing = {row.key for row in model.select(model.key)}
    rows = [
        {
            "key": key,
            "name_fi": names[0],
            "name_uk": names[1],
            "name_en": names[2],
            "bring_fi": bring[0],
            "bring_uk": bring[1],
            "bring_en": bring[2],
            "sort_order": order,
        }
        for key, names, bring, order in SEED_TOPICS
        if key not in existing
    ]
    if rows:
        model.insert_many(rows).execute()
    return len(rows)


def topics(*, include_inactive: bool = False) -> list[AdviceTopic]:
    query = AdviceTopic.select().order_by(AdviceTopic.sort_order, AdviceTopic.id)
    if not include_inactive:
        query = query.where(AdviceTopic.active)
    return list(query)


def get_topic(topic_id: int) -> AdviceTopic:
    topic = AdviceTopic.get_or_none(AdviceTopic.id == topic_id)
    if topic is None:
        raise NotFound(_("This topic no longer exists."))
    return topic


@dataclass
class TopicData:
    names: dict[str, str]  # language code → name; Finnish required
    bring: dict[str, str]  # language code → what to bring
    active: bool = True

    def cleaned(self) -> dict:
        row = {
            "name_fi": clean_line(
                self.names.get("fi"), NAME_MAX, "name_fi", required=_("Type the topic in Finnish.")
            )
        }
        for lang in TOPIC_LANGUAGES:
            if lang != "fi":
                row[f"name_{lang}"] = clean_line(self.names.get(lang), NAME_MAX, f"name_{lang}")
            row[f"bring_{lang}"] = clean_line(self.bring.get(lang), BRING_MAX, f"bring_{lang}")
        return row | {"active": self.active}


def save_topic(actor: User, topic_id: int | None, data: TopicData) -> AdviceTopic:
    """Add a topic, or rename, reword or hide one (the coordinator and staff)."""
    require(actor, Permission.MANAGE_ADVICE_HOURS)
    row = data.cleaned()
    with unit_of_work():
        clash = AdviceTopic.select().where(
            pw.fn.LOWER(AdviceTopic.name_fi) == row["name_fi"].lower()
        )
        if topic_id is not None:
            clash = clash.where(AdviceTopic.id != topic_id)
        if clash.exists():
            raise ValidationError(_("There is already a topic with this name."), field="name_fi")
        if topic_id is None:
            order = (AdviceTopic.select(pw.fn.MAX(AdviceTopic.sort_order)).scalar() or 0) + 10
            topic = AdviceTopic.create(key="pending", sort_order=order, **row)
            topic.key = f"custom-{topic.id}"
            topic.save()
            audit.record(actor, Action.CREATE, "advice_topic", topic.id, after=topic.snapshot())
            return topic
        topic = get_topic(topic_id)
        before = topic.snapshot()
        for field, value in row.items():
            setattr(topic, field, value)
        topic.save()
        changed_before, changed_after = audit.changed_fields(before, topic.snapshot())
        if changed_after:
            audit.record(
                actor,
                Action.UPDATE,
                "advice_topic",
                topic.id,
                before=changed_before,
                after=changed_after,
            )
    return topic

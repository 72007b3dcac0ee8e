"""The ranking of volunteers on constructed cases: plain rules, reasons that add up."""

from lumijobi_desktop.core import matching
from lumijobi_desktop.core.matching import Candidate, FriendWish, HelpNeed


def _candidate(volunteer_id, name, languages, **extra):
    return Candidate(volunteer_id=volunteer_id, name=name, languages=frozenset(languages), **extra)


WISH = FriendWish(
    languages=frozenset({"uk"}),
    village="Lumijoki",
    interests=frozenset({"gardening", "music"}),
    times=frozenset({"1a", "3a"}),
)


def test_a_shared_language_is_a_must():
    finnish_only = _candidate(
        1, "Aino Finnish", {"fi"}, village="Lumijoki", interests=frozenset({"gardening", "music"})
    )
    ukrainian = _candidate(2, "Olena Ukrainian", {"uk", "ru"})
    ranked = matching.rank_friends(WISH, [finnish_only, ukrainian])
    assert [s.candidate.volunteer_id for s in ranked] == [2]
    assert ranked[0].reasons_text == "speaks Ukrainian"


def test_interests_village_and_times_rank_and_each_point_has_its_reason():
    far = _candidate(1, "Far Away", {"uk"}, village="Oulu", interests=frozenset({"gardening"}))
    near = _candidate(
        2,
        "Near By",
        {"uk", "fi"},
        village="lumijoki",
        interests=frozenset({"gardening", "music", "reading"}),
        free_times=frozenset({"1a", "5m"}),
    )
    busy = _candidate(
        3,
        "Busy Helper",
        {"uk"},
        village="Lumijoki",
        interests=frozenset({"gardening", "music"}),
        commitments=2,
    )
    ranked = matching.rank_friends(WISH, [far, busy, near])
    assert [s.candidate.name for s in ranked] == ["Near By", "Busy Helper", "Far Away"]
    best = ranked[0]
    assert best.reasons_text == (
        "speaks Ukrainian · both like gardening · both like music · same village: Lumijoki"
        " · both free: Tuesday afternoon"
    )
    # The score is exactly the sum of the reasons' points.
    assert best.score == 2 + 2 + 2 + 3 + 1 == sum(reason.points for reason in best.reasons)
    assert ranked[1].reasons[-1].text == "already helps 2 people" and ranked[1].score == 9 - 2
    for suggestion in ranked:
        assert suggestion.score == sum(reason.points for reason in suggestion.reasons)


def test_a_preferred_gender_is_respected_and_said():
    wish = FriendWish(languages=frozenset({"fi"}), preferred_gender="female")
    woman = _candidate(1, "Aino", {"fi"}, gender="female")
    man = _candidate(2, "Pekka", {"fi"}, gender="male", interests=frozenset({"gardening"}))
    ranked = matching.rank_friends(wish, [man, woman])
    assert [s.candidate.name for s in ranked] == ["Aino"]
    assert "woman, as wished" in ranked[0].reasons_text


def test_ties_go_by_name_and_the_limit_cuts():
    people = [_candidate(i, name, {"fi"}) for i, name in enumerate(["Cecilia", "Anna", "Berit"])]
    ranked = matching.rank_friends(FriendWish(languages=frozenset({"fi"})), people, limit=2)
    assert [s.candidate.name for s in ranked] == ["Anna", "Berit"]


def test_helpers_must_offer_the_kind_and_children_need_a_valid_check():
    need = HelpNeed(kind="childcare", village="Lumijoki", skill="childcare", involves_children=True)
    no_offer = _candidate(1, "No Offer", {"fi"}, skills=frozenset({"childcare"}))
    checked = _candidate(
        2, "Checked Helper", {"fi"}, help_kinds=frozenset({"childcare"}), check_valid=True
    )
    unchecked = _candidate(
        3,
        "Unchecked Helper",
        {"fi"},
        village="Lumijoki",
        skills=frozenset({"childcare"}),
        help_kinds=frozenset({"childcare"}),
    )
    ranked = matching.rank_helpers(need, [no_offer, unchecked, checked])
    assert [s.candidate.name for s in ranked] == ["Checked Helper", "Unchecked Helper"]
    assert ranked[0].warning == ""
    assert "criminal record" in ranked[1].warning
    assert ranked[1].score == 0 + 2 + 3 - 5
    assert "no valid check for children" in ranked[1].reasons_text

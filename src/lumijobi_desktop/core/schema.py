"""Every table of the current schema, in an order that satisfies foreign keys."""

from lumijobi_desktop.core import inventory
from lumijobi_desktop.core.advice import AdviceQueueEntry, AdviceSession
from lumijobi_desktop.core.advice_hours import AdviceDayChange, AdviceHours
from lumijobi_desktop.core.advice_notes import AdviceFollowUp, AdviceNote
from lumijobi_desktop.core.advice_topics import AdviceTopic
from lumijobi_desktop.core.audit import AuditEntry
from lumijobi_desktop.core.events import Event, EventPartner, EventSeries
from lumijobi_desktop.core.friend_service import (
    FriendCheckIn,
    FriendMeeting,
    FriendPair,
    FriendRequest,
)
from lumijobi_desktop.core.neighbour_help import HelpOffer, HelpRequest
from lumijobi_desktop.core.people import Person, PersonLanguage, PersonMerge, PersonSearchToken
from lumijobi_desktop.core.registrations import Registration
from lumijobi_desktop.core.settings import Setting
from lumijobi_desktop.core.tallies import EventTally
from lumijobi_desktop.core.users import User
from lumijobi_desktop.core.visits import Visit
from lumijobi_desktop.core.volunteer_hours import VolunteerHours
from lumijobi_desktop.core.volunteers import Volunteer, VolunteerTraining

MODELS = [
    Setting,
    User,
    AuditEntry,
    Person,
    PersonLanguage,
    PersonMerge,
    PersonSearchToken,
    Visit,
    *inventory.MODELS,
    EventSeries,
    Event,
    EventPartner,
    Registration,
    EventTally,
    AdviceTopic,
    AdviceHours,
    AdviceDayChange,
    AdviceSession,
    AdviceQueueEntry,
    AdviceNote,
    AdviceFollowUp,
    Volunteer,
    VolunteerTraining,
    VolunteerHours,
    FriendRequest,
    FriendPair,
    FriendMeeting,
    FriendCheckIn,
    HelpRequest,
    HelpOffer,
]


def ensure_loaded() -> list:
    """Every model imported, so each foreign key is known to the table it points to."""
    return MODELS

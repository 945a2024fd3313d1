"""Every number the group model uses, named, each with the reason it has that value.

Sizes are chosen against the authored effects a scenario typically writes (±0.05..0.15 per
choice): the model's own nudges are a little smaller, so that what the author wrote still
decides the direction of a moment, while the model decides how the room carries it. Over a
12-15 choice session the numbers move visibly but rarely pin at 0 or 1.
"""
from __future__ import annotations

SOFT_EDGE = 0.5             # the model's own pushes shrink inside this distance from 0 or 1,
                            #   so that only authored effects can pin a number at an edge

# --- Thresholds that name a state of the room -------------------------------------------

DISTRESSED = 0.6            # the design's line: from here a member is carrying too much alone
CONFLICT_HIGH = 0.55        # above the midpoint: friction is open and the leader must contain it
AVOIDANCE_HIGH = 0.45       # well above a settled room's ~0.35: the group is avoiding the work
OPENING_COHESION = 0.45     # an opening group below this has no "we" yet and needs structure
ENGAGED = 0.55              # mean engagement at which members are doing the work themselves
COHESIVE = 0.5              # cohesion at which the group can hold a moment without the leader
WITHDRAWN = 0.25            # a member this disengaged has checked out; worth an event
NEAR = 0.02                 # within this of a line the need takes the cautious side and says
                            #   "close to", so a hair either side never flips need or reason
CONFLICT_HOSTILE = 0.8      # past this, even a cohesive working group cannot hold its conflict

# --- Avoidance (derived): withdrawal plus unspoken distress, per member, averaged -------

AVOID_WITHDRAWAL_WEIGHT = 0.6   # withdrawal is the visible half of avoidance, so it weighs more
AVOID_UNSPOKEN_WEIGHT = 0.4     # distress held back for want of trust: the hidden half

# --- Stance fit (step 2) ------------------------------------------------------------------

FIT_COHESION_GAIN = 0.03        # meeting the group where it is builds the "we" a little
FIT_ENGAGEMENT_GAIN = 0.03      # ... and draws members in, a little
FIT_CONFLICT_RELIEF = 0.04      # ... and takes some heat out of the room
FIT_TRUST_GAIN = 0.02           # ... and shows the leader can be relied on
OVERLEAD_ENGAGEMENT_COST = 0.04  # a steered working group turns to the leader, not each other
OVERLEAD_COHESION_COST = 0.03    # ... and the members' bond to each other loosens
UNDERLEAD_CONFLICT_RISE = 0.04   # tension left uncontained grows
UNDERLEAD_ENGAGEMENT_COST = 0.03  # members of an unsafe room pull back (avoidance grows)
UNDERLEAD_TRUST_COST = 0.02      # ... and keep more to themselves (unspoken distress grows)

HARM_TRUST_COST = 0.05          # a harmful move (shaming, dismissing) costs trust where it lands

# --- Risk of harm (safety first) ----------------------------------------------------------

RISK_CHECK_RELIEF = 0.05        # being asked straight out is a relief, not a push: distress eases
RISK_CHECK_TRUST_GAIN = 0.04    # ... and the member learns the leader takes them seriously
RISK_MISSED_TRUST_COST = 0.08   # a risk nobody picked up: "nobody here would notice"
RISK_MISSED_ENGAGEMENT_COST = 0.06  # ... and the member pulls back from the circle

# --- Attention and neglect (step 3) -------------------------------------------------------

ATTENTION_RELIEF = 0.03        # being heard eases a member a little, whatever the words

NEGLECT_ENGAGEMENT_COST = 0.06  # a member who is lost withdraws, turn after turn
NEGLECT_TRUST_COST = 0.04       # ... and stops believing the group is for them
NEGLECT_RIPPLE_ENGAGEMENT = 0.08  # others' loss per neglect at contagion 1.0: they see it happen
NEGLECT_RIPPLE_TRUST = 0.05     # ... "would anyone notice me?": trust, also scaled by contagion
NEGLECT_COHESION_COST = 0.02    # a member dropping out of the circle thins the "we"

SUPPORT_MIN_COHESION = 0.55     # only a group with a real "we" reaches out on its own
SUPPORT_CHANCE = 0.75           # it usually does, not always: "may reach out"
SUPPORTER_MIN_ENGAGEMENT = 0.5  # a member has to be present to reach out
SUPPORTER_MIN_TRUST = 0.5       # ... and trust the room enough to speak
SUPPORT_TRUST_GAIN = 0.04       # being reached by a peer ("me too") builds trust
SUPPORT_COHESION_GAIN = 0.02    # members doing the work with each other is cohesion

# --- Breakthrough (step 4) ----------------------------------------------------------------

BREAKTHROUGH_TRUST = 0.7        # the design's line: trust high enough to let something go
BREAKTHROUGH_DISTRESS_FALL = 0.2  # the design's line: a fall this large in one turn is a shift
BREAKTHROUGH_RELIEF = 0.15      # the member's distress falls: something has been put down
BREAKTHROUGH_RIPPLE_ENGAGEMENT = 0.05  # others lean in: instillation of hope
BREAKTHROUGH_RIPPLE_TRUST = 0.04       # ... and trust more: universality ("it can happen here")
BREAKTHROUGH_COHESION_GAIN = 0.04      # a shared moment is a piece of the "we"

# --- Contagion (step 5) -------------------------------------------------------------------

CONTAGION_RATE = 0.3        # share of the gap to the others closed per turn at contagion 1.0;
                            #   low enough that members keep their own colour for a session
DISTRESS_SOOTHING_SHARE = 0.25  # calm is caught more slowly than distress: relief has to be
                            #   given (attention, support, breakthrough), not just sat beside
TYPICAL_INFLUENCE = 1.0     # each member's weight in the mean the others drift toward
MONOPOLIZER_INFLUENCE = 2.5  # the one who holds the floor sets the mood
HOSTILE_INFLUENCE = 2.5     # anger fills a room faster than calm does

# --- Archetypes (step 6) ------------------------------------------------------------------

MONOPOLIZING_ENGAGEMENT = 0.6   # a monopolizer this engaged is holding the floor
MONOPOLY_WITHDRAWAL = 0.03      # each unblocked turn the others pull back a little
MONOPOLY_UNCHECKED_TURNS = 2    # this many unblocked turns in a row: "running unchecked"

SILENT_DRAWN_OUT_GAIN = 0.05    # an invitation, not a demand, brings the silent member in
SILENT_PRESSURE_COST = 0.05     # pressure pushes the silent member further back

HOSTILE_LOW_TRUST = 0.4         # below this, a confrontation reads as an attack
HOSTILE_CONFRONT_CONFLICT = 0.1  # ... and the hostile member fights back

RESCUER_ACTIVE_ENGAGEMENT = 0.4  # a rescuer this present jumps in when someone hurts
RESCUER_CUT = 0.5               # share of a worker's distress relief undone by premature comfort
RESCUER_MIN_RELIEF = 0.06       # real distress work, not just being heard: what a rescuer cuts into

INTELLECTUALIZER_FEELING_RELIEF = 0.06  # a feeling named back lands where analysis cannot

NEWCOMER_START_TRUST = 0.3      # a newcomer starts at most this trusting, whatever the file says
NEWCOMER_TRUST_GAIN_FACTOR = 2.0  # welcome counts double for someone deciding whether to stay
NEWCOMER_WELCOME_TRUST = 0.04   # ... and being welcomed at all is worth something on its own

CO_LEADER_CONTEST_CONFLICT = 0.08  # leaders competing in front of the group: members take sides
CO_LEADER_CONTEST_TRUST = 0.04  # ... and every member trusts the leadership a little less
CO_LEADER_REPAIR_COHESION = 0.04  # a split named and repaired in the open models how to disagree
CO_LEADER_REPAIR_TRUST = 0.03   # ... and members learn the leaders can hold a difference

# --- Which skills count as what -----------------------------------------------------------

BLOCKING_SKILLS = ("blocking", "cutting_off")           # what checks a monopolizer or rescuer
DRAWING_OUT_SKILLS = ("drawing_out", "linking")         # invitations a silent member answers
PRESSURE_SKILLS = ("confronting", "questioning", "cutting_off", "interpreting")  # pressure
FEELING_SKILLS = ("reflecting", "empathizing")          # reflecting feelings
EXPLAINING_SKILLS = ("interpreting", "clarifying")      # interpreting or explaining
ADVICE_SKILLS = ("suggesting",)                         # what a help-rejecter answers "yes, but"
WELCOMING_SKILLS = ("supporting", "linking")            # what lets a newcomer in
PROTECTING_SKILLS = ("protecting",)                     # holds a rescuer off a member's work
COMPETING_SKILLS = ("confronting", "cutting_off", "blocking", "interpreting")  # a contest with a co-leader
REPAIR_SKILLS = ("clarifying", "modeling", "self_disclosure", "linking", "summarizing")  # repair in the open

# --- Captions -----------------------------------------------------------------------------

CAPTION_MIN_CHANGE = 0.03   # smaller changes are noise on screen
CAPTION_BIG_CHANGE = 0.1    # from here a change earns the stronger phrase

# --- Who comes back (member outcomes at the end) -------------------------------------------

RETURN_LINE = 0.5           # engagement and trust both at least this: the member will likely return
DROP_LINE = 0.35            # either below this: the member may not come back
HARMED_RETURN_LINE = 0.65   # someone hurt in the session returns only if the room won them back this far

"""The words that make a sentence ask someone to act: one list shared by every extractor."""

from __future__ import annotations

import calendar
import functools
import re

# Modal and reporting verbs that turn a sentence into a request of someone.
DIRECTIVE_RE = re.compile(
    # "will need to" foresees a necessity; it asks nobody ("the force will need to sustain it")
    r"\b(?:should|must|shall|recommend(?:s|ed)?|urge|encourage|invite|(?<!will )(?<!would )"
    # "is to" asks only with a verb after it: "references are to the paragraphs" points
    r"needs? to|ought to|(?:is|are) to(?!\s+(?:the|a|an|this|that|these|those|its|their|our)\b))\b",
    re.IGNORECASE,
)
# A modal that looks back ("should have done") or praises ("should be commended") judges what
# happened; it asks nobody to do anything.
_JUDGES_RE = re.compile(
    r"\b(?:should|must|ought to|could|would)\s+(?:not\s+|never\s+|already\s+|also\s+)?have\s+\w+"
    r"|\bshould\s+be\s+(?:commended|praised|congratulated|applauded|welcomed|thanked|proud)\b"
    # what people are entitled to ("Communities should be able to expect …") asks no body
    r"|\bshould\s+be\s+able\s+to\s+(?:expect|rely|trust|feel|know|have\s+confidence)\b"
    # an ask made before, reported: "In 2022 we recommended that forces should …"
    r"|\b(?:we|i|they|it)\s+(?:had\s+)?recommended\s+that\b[^.;]*"
    # praise, then encouragement: "The force is good at … and should continue to build on it"
    r"|\b(?:is|are)\s+(?:good|outstanding|excellent|effective)\b[^.;]{0,120}?\bshould\s+continue\b"
    # a note to the reader: "Readers should note that …", "It should be noted that …"
    r"|\b(?:(?:the\s+)?readers?|you)\s+(?:should|must)\s+(?:note|bear\s+in\s+mind)\b"
    r"|\bshould\s+be\s+(?:noted|borne\s+in\s+mind)\b"
    # a courtesy: "I should be happy to discuss this letter", "we should be grateful for …"
    r"|\b(?:I|we)\s+should\s+be\s+(?:happy|glad|pleased|grateful|delighted)\b"
    # a forecast: "The force should also benefit from its collaboration …"
    r"|\bshould\s+(?:also\s+|therefore\s+|in\s+time\s+)?(?:benefit\s+from|result\s+in|lead\s+to)\b"
    # advice to the reader: "We recommend reading this plan alongside …"
    r"|\b(?:I|we)\s+(?:would\s+)?recommend\s+(?:reading|viewing|consulting|referring\s+to)\b",
    re.IGNORECASE,
)

# Verbs an item opens with when it is written as an instruction ("Review the policy …").
IMPERATIVES = frozenset(
    """
    ensure review improve develop establish introduce provide set make consider take implement
    monitor strengthen increase reduce address undertake publish create agree put extend
    complete secure work continue use carry raise embed evaluate identify assess understand
    support prioritise record share act adopt update commission appoint train build plan
    maintain deliver conduct produce set-up design check give seek tackle
    remind require remove amend audit configure define refine clarify sharpen focus engage
    reconcile refresh relaunch revise replace brief circulate formalise standardise align
    collate investigate explore determine approve finalise launch expand reinstate restore
    repair resolve escalate allocate procure install upgrade recruit redesign rewrite notify
    inform submit obtain verify validate confirm arrange prepare analyse compile draft pilot
    cleanse incorporate integrate streamline simplify consolidate signpost encourage promote
    offer enforce apply contact add include run hold test fund guarantee invest protect legislate
    ban abolish scrap nominate designate commit write recognise reform reverse retain end stop
    keep meet lift halt
    """.split()  # noqa: SIM905 (a word list reads better as words)
)


# The name of a field that says when an item is due: "Timescale:", "Deadline:", "Target date:",
# "Response due:", "By when:"
WHEN_FIELD = (
    r"(?:timescales?|deadline|(?:response\s+)?due(?: date| by)?|target(?: date)?|by when|"
    r"completion date)"
)


# A meeting that decides on a paper: "That Cabinet: …", "The Board is asked to note …".
MEETING = r"(?:board|committee|sub-committee|panel|cabinet|council|members?|(?:fire )?authority)"


# A meeting's recommendation in its own form, asking a body other than itself: "That the
# Commissioner publishes …", "That the Commissioner and the Chief Constable report …"; not
# "That the Panel notes …" (its own decision) nor "That the force was …" (a finding)
ASKS_THAT_RE = re.compile(
    rf"^That\s+(?!(?:the\s+)?{MEETING}\b)(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)*"
    r"(?:\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)*)?"
    r",?\s+(?!(?:is|are|was|were|has|had|have|did|does)\b)(?-i:[a-z]+)(?<!ed)\b",
    re.IGNORECASE,
)

# The report's own process, not an ask of it: "The Council must consider this report …",
# "should provide us with evidence that it has complied …" (a committee's "should write to us
# setting out …" is an ask), a paper's "The Board is asked to note …" or "That the Committee
# notes the findings …"; and a summary restating
# the asks ("In summary, …").
PROCESS_RE = re.compile(
    r"^(?:in summary|to summarise|in short)\b|"
    r"\b(?:tell|inform|notify|update|provide|send|give|confirm to)\s+(?:us|me)\b[^.]{0,80}?"
    r"\b(?:complied|compliance|what action|(?:the above|these) (?:actions?|things|remedies)|"
    # "ask them to tell us, by March, how they intend to respond": the answer asked for
    r"how (?:they|it|each) (?:intends?|plans?|proposes?) to (?:respond|act)|"
    r"(?:the|each of the) (?:actions?|remedies|steps) above|"
    # "tell us what they have done in response to these recommendations"
    r"done (?:this|these|so)|done in response to (?:these|this|our|my|the)\b)|"
    r"\bconsider (?:this|our|my) (?:report|decision)\b|"
    # the duty a public report sets: "must consider the report and confirm within three months"
    r"\bconsider the report and (?:confirm|tell|notify|inform)\b|"
    # "is asked to notify the Panel of his response to these recommendations": the answer due
    r"\b(?:notify|inform|tell|advise)\s+(?:us|me|the\s+\w+)\s+(?:of|about)\s+"
    r"(?:his|her|its|their|the)\s+response\s+to\s+(?:these|our|this|the)\s+"
    r"(?:recommendations?|report|findings)\b|"
    # "The service should include each of them in its action plan": the items, handled
    r"\b(?:them|these|those|the (?:recommendations?|areas? for improvement))\b[^.]{0,30}?"
    r"\bin (?:its|their|an?|the) (?:own )?(?:action|improvement) plans?\b|"
    # a report's courtesies: "The reviewer would like to thank all those who contributed",
    # "I would invite the force to share this letter with the IOPC"
    r"\b(?:would\s+like\s+to|wish(?:es)?\s+to)\s+thank\b|"
    r"\binvite\s+(?:the\s+\w+|you)\s+to\s+share\s+this\s+(?:letter|report)\b|"
    # (its noting and receiving are MEETING_BUSINESS_RE's, below)
    rf"^(?:that\s+)?(?:the\s+)?{MEETING}\s+(?:is|are)\s+(?:\w+\s+)?(?:asked|recommended)\s+to\b",
    re.IGNORECASE,
)
# A recommendation declined: "We do not recommend a separate warrant", "I am not recommending"
DECLINED_RE = re.compile(
    r"^(?:we|i|the (?:\w+ )?(?:committee|commission|panel|review|inspectorate))\s+"
    r"(?:do|does|did|have|has)\s+not\s+(?:recommend|propose)(?:ed)?\b|"
    r"^(?:we|i)\s+(?:are|am)\s+not\s+(?:recommending|proposing)\b",
    re.IGNORECASE,
)

# Words that mark a passage in Welsh, a bilingual report's translation of its English text:
# function words, and the words of Welsh bodies' names; none an English word ("hon", "pan",
# "am" are left out: "Rt Hon Marcus Ellery" is no Welsh)
_WELSH_WORDS = frozenset(
    """a'r ac ar bod dylai dylai'r dylid ei fod gan gyda hefyd i'r i'w mae o'r sy'n sydd
    wedi y yn yr yw nid na neu hyn hynny drwy rhaid ein eich hwn ond fel ydy oedd
    bydd gall dros rhwng heb heddlu cymru llywodraeth gwasanaeth comisiynydd cyngor swyddfa
    arolygiaeth gymraeg cymraeg tân achub""".split()  # noqa: SIM905
)


def in_welsh(text: str) -> bool:
    """True for a passage in Welsh: a quarter or more of its words are Welsh words."""
    words = [w.strip(".,;:()").lower().replace("’", "'") for w in text.split()]
    words = [w for w in words if w]
    # a word with a Welsh clitic run on ("mae'n", "wella'r", "i'w") counts as one
    welsh = sum(w in _WELSH_WORDS or w.endswith(("'r", "'n", "'w")) for w in words)
    return len(words) >= 3 and welsh >= 0.25 * len(words)


# A meeting's own business, never an ask of anyone: "That the Committee considers and agrees
# its work programme", "That the Panel (a) approves the minutes", "The Panel is recommended to
# note the report"
MEETING_BUSINESS_RE = re.compile(
    # the meeting's name ahead of its kind: "The Audit and Governance Committee is asked …"
    rf"^(?:that\s+)?(?:the\s+)?(?:(?-i:[A-Z])[\w’'-]*\s+(?:(?:and|&)\s+)?){{0,5}}?{MEETING}\s+"
    r"(?:\([a-z0-9]{1,3}\)\s+)?"
    r"(?:(?:is|are)\s+(?:asked|recommended)\s+to\s+)?"
    r"(?:considers?|agrees?|approves?|endorses?|notes?|receives?|comments? on)"
    r"(?:\s+and\s+\w+)?\s+(?:the|this|its)\b",
    re.IGNORECASE,
)


def is_process(text: str) -> bool:
    """True when a text states the report's own process rather than asking for action."""
    return bool(PROCESS_RE.search(text) or MEETING_BUSINESS_RE.search(text))


def directs(text: str) -> bool:
    """True when the text asks someone to act (a directive not only looking back or praising)."""
    # passes ask it of the same paragraph in turn: kept for paragraphs, not for whole reports
    return _directs_cached(text) if len(text) <= _CACHED_CHARS else _directs(text)


_CACHED_CHARS = 2000


@functools.lru_cache(maxsize=4096)
def _directs_cached(text: str) -> bool:
    return _directs(text)


def _directs(text: str) -> bool:
    return bool(DIRECTIVE_RE.search(_OBJECT_NEED_RE.sub(" ", _JUDGES_RE.sub(" ", text))))


# "the progress they still need to make": a need inside a noun phrase, asked of nobody; an
# indirect question ("to debate whether, and how, it should be used") asks nobody either
_OBJECT_NEED_RE = re.compile(
    r"\b(?:the|what|any|all)\s+(?:\w+\s+){0,2}(?:they|we|it|he|she)\s+(?:still\s+|also\s+)?"
    r"needs?\s+to\s+\w+|"
    r"\b(?:debate|discuss|consider(?:ed|ing)?|ask(?:ed|ing)?|question(?:ed|ing)?|decide)\s+"
    r"(?:whether|how)\b[^.;:]{0,60}?\b(?:should|must)\b",
    re.IGNORECASE,
)


_ASK_RE = re.compile(
    r"\b(?:should|must|shall|needs? to|is to|are to|recommend(?:s|ed)? that)\b", re.IGNORECASE
)


def asks_in_full(text: str) -> bool:
    """True when a text ending in a colon has already asked for an action, verb and object
    ("It is recommended that boards require providers to give … information that explains:"),
    so what follows completes it, unlike a lead-in ("The force should:")."""
    asks = list(_ASK_RE.finditer(text))
    if not asks:
        return False
    words = [w.lower().strip(",;:()") for w in text[asks[-1].end() :].split()]
    verb = any(w in IMPERATIVES or (w.endswith("s") and w[:-1] in IMPERATIVES) for w in words)
    return len(words) >= 12 and verb and "following" not in words


def opens_with_imperative(text: str) -> bool:
    """True when the text's first word is an instruction verb ("Ensure …", "review …")."""
    words = text.split()
    if not words or words[0].endswith(":"):
        return False  # "Contact: Priya Menon": a field's name, no instruction
    return words[0].lower().strip(",.;") in IMPERATIVES


# ------------------------------------------------------------------------------------------
# Who acts: the word lists of the addressee tagger (extractors/addressees.py)
# ------------------------------------------------------------------------------------------

PRONOUN = "<pronoun>"

MODALS = frozenset({"should", "must", "shall", "will", "ought"})
# "needs to", "is to", "has to": the verb is only modal when "to" follows.
TO_MODALS = frozenset({"need", "needs", "is", "are", "has", "have"})
CLAUSE_WORDS = frozenset(
    {
        "that", "which", "who", "whom", "whose", "where", "when", "whether", "if", "how", "what",
        "why", "because", "unless", "while", "whilst", "although", "though", "but", "so", "then",
        "than", "once", "until", "after", "before", "since",
    }
)  # fmt: skip
HARD_PUNCT = frozenset({";", ":", "•", "●", "▪", "◼", "■", "–", "—", "…", "?", "!", "\uf0a7"})
RESTART_WORDS = frozenset({"The", "All", "Every", "Each", "These", "This", "It", "They", "We", "I"})
DETERMINERS = frozenset(
    {"the", "a", "an", "all", "every", "each", "any", "both", "relevant", "individual", "other"}
)
ANAPHORIC = frozenset({"this", "these", "that", "such", "its", "their", "our", "his", "her", "my"})
PRONOUNS = frozenset({"it", "they", "he", "she"})
STOP_WORDS = (
    frozenset({"to", "of", "for", "by", "with", "as", "in", "on", "at", "from"}) | CLAUSE_WORDS
)
GENERIC_ONLY = frozenset({"parties", "party", "stakeholders", "others"})
NON_AGENT_START = frozenset({"there", "here", "we", "i", "you", "one", "nothing", "everyone"})
# A name that opens with one of these is a document's part or a plan, not a body.
NOT_BODY_FIRST = frozenset(
    {"recommendation", "action", "area", "operation", "project", "section", "paragraph",
     "chapter", "appendix", "annex", "table", "figure", "phase", "stage", "option", "part"}
)  # fmt: skip
CONNECTORS = frozenset({"of", "for", "and", "&", "on", "in", "'s", "'"})
POSTMODIFIER_STARTS = frozenset(
    {"of", "for", "in", "on", "at", "across", "within", "responsible", "concerned", "with",
     "covering", "serving", "involved", "(", "who", "that", "which"}
)  # fmt: skip
AGENT_NOUNS = frozenset(
    {
        "government", "administration", "council", "authority", "authorities", "committee",
        "office", "department", "secretary", "minister", "ministry", "provider", "commissioner",
        "board", "trust", "leader", "regulator", "body", "bodies", "organisation", "organization",
        "collaborative", "practice", "doctor", "adviser", "advisor", "institute", "partnership",
        "force", "constabulary", "police", "agency", "agencies", "directorate", "parliament",
        "executive", "service", "group", "commission", "inspectorate", "school", "academy",
        "hospital", "prison", "establishment", "partner", "party", "programme", "chair", "officer",
        "director", "manager", "region",
        "headteacher", "governor", "coordinator", "lead", "team", "unit", "panel", "network",
        "association", "college", "ombudsman", "inspector", "auditor", "practitioner", "employer",
        "clinician", "commissioning", "ics", "icb", "nhs", "cabinet", "assembly",
        "institution", "brigade", "operator", "landlord", "owner", "manufacturer",
        "contractor", "developer", "insurer", "firefighter", "transporter", "society", "undertaker",
        "foundation", "charity", "company", "firm", "ltd", "limited", "plc", "llp", "tribunal",
        "bureau", "federation", "consortium", "forum", "registrar", "coroner", "sheriff", "mayor",
        "homes",
    }
)  # fmt: skip
ACTIVE_AFTER_BE = frozenset(
    {"able", "responsible", "accountable", "clear", "aware", "ready", "prepared", "satisfied",
     "confident", "assured", "open", "transparent", "proactive", "alert"}
)  # fmt: skip
OBLIGED = frozenset({"required", "expected", "encouraged", "asked", "obliged", "empowered"})
IRREGULAR_PARTICIPLES = frozenset(
    {"given", "made", "taken", "set", "put", "held", "seen", "done", "kept", "brought", "built",
     "met", "paid", "sent", "shown", "told", "known", "led", "run", "sought", "found", "heard",
     "taught", "written", "undertaken", "drawn", "chosen", "spent", "thought", "bought", "left",
     "read", "understood", "withdrawn", "shared", "cut", "laid", "upheld", "overseen"}
)  # fmt: skip
ADVERB_FILLERS = frozenset(
    {"also", "not", "then", "therefore", "now", "still", "further", "each", "both", "all",
     "together", "jointly", "immediately", "urgently", "always", "routinely", "only", "as",
     "soon", "possible", "nonetheless", "however", "instead", "first", "similarly", "in",
     "future", "particular", "no", "longer", "be", "continue", "to"}
)  # fmt: skip
# A fire and rescue service's own name ends so, and "the service" then means it.
FIRE_SERVICE_RE = re.compile(r"\bFire (?:and|&) Rescue (?:Service|Authority)$", re.IGNORECASE)
# The posts that head a whole body: "the Chief Constable of Kent Police" stands for Kent Police
HEAD_POSTS = ("chief constable", "chief fire officer", "chief executive officer", "chief executive",
              "chief officer")  # fmt: skip
# Words that end a whole organisation's name, so "<name> and <name>" is two bodies.
NAME_HEADS = frozenset(
    {"police", "constabulary", "council", "trust", "service", "board", "authority", "agency",
     "office", "department", "ministry", "commission", "inspectorate", "college", "committee",
     "partnership", "government", "executive", "ombudsman", "panel", "prison", "school"}
)  # fmt: skip
# One prison by its name: "HMP Fenmarsh", "HMYOI Eastbury".
PRISON_RE = re.compile(r"^(?:HMP|HMYOI|HMP/YOI|HM Prison)\s+[A-Z]")
SERVICE_WORDS = frozenset({"service", "fire and rescue service", "fire & rescue service"})
PRISON_WORDS = frozenset({"prison", "establishment", "jail", "yoi"})
# A body's own officer named by the body: "the NPCC lead for X" stands for the NPCC.
BODY_ROLES = frozenset({"lead", "leads", "coordinator", "coordinators", "portfolio"})
# "the four police forces": a count of a class
COUNT_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
# A title-case name ending in one of these names a national body ("Social Care Wales").
NATIONS = frozenset({"England", "Wales", "Scotland", "Ireland", "London"})
MONTH_NAMES = frozenset(m.lower() for m in calendar.month_name if m)
# A police force's own name ends so: "Westmarch Police", "Northvale Constabulary".
FORCE_NAME_RE = re.compile(r"\b(?:Constabulary|Police|Police Service)$")
# A force by its printed name, wherever it stands in a text: "Calderbrook Police"
PRINTED_FORCE_RE = re.compile(
    r"\b([A-Z][a-z]+(?: (?:[A-Z][a-z]+|and))*? (?:Constabulary|Police))\b"
)
PARTNER_CUES: tuple[tuple[str, ...], ...] = (
    ("working", "with"),
    ("working", "together", "with"),
    ("working", "jointly", "with"),
    ("working", "closely", "with"),
    ("in", "consultation", "with"),
    ("in", "partnership", "with"),
    ("in", "collaboration", "with"),
    ("in", "conjunction", "with"),
    ("in", "liaison", "with"),
    ("with", "the", "support", "of"),
    ("with", "support", "from"),
    ("with", "the", "help", "of"),
    ("supported", "by"),
    ("together", "with"),
    ("jointly", "with"),
    ("alongside",),
    ("in", "association", "with"),
    # the same prepositions after "working": "working in collaboration with Y"
    ("working", "in", "collaboration", "with"),
    ("working", "in", "partnership", "with"),
    ("working", "in", "consultation", "with"),
    ("working", "in", "conjunction", "with"),
    ("working", "in", "liaison", "with"),
    ("working", "alongside"),
    ("shared", "with"),
)
CO_ACTOR_CUES: tuple[tuple[str, ...], ...] = (("through",),)
# "It is for X to decide", "it is up to X to act": the words before X, and the words allowed
# between "it" and them ("it will ultimately be a matter for"); "not" is not among them.
FOR_TO_CUES: tuple[tuple[str, ...], ...] = (("for",), ("up", "to"))
IT_IS_WORDS = frozenset(
    {"is", "was", "'s", "be", "remains", "will", "would", "should", "must", "now", "therefore",
     "ultimately", "also", "then", "rightly", "properly", "primarily", "first", "a", "matter",
     # "it is important / essential / now time for X to …": the judgement names who acts
     "important", "essential", "vital", "crucial", "critical", "necessary", "imperative",
     "urgent", "right", "appropriate", "time", "so", "more", "most", "even", "particularly"}
)  # fmt: skip
SEGMENT_DROP_STARTS = frozenset(
    {"including", "such", "especially", "particularly", "notably", "once", "where", "whether",
     "if", "when", "in", "as", "with", "without", "for", "from", "by", "within", "at", "on",
     "after", "before", "during", "following", "given", "subject", "having", "acting", "via",
     "through", "under", "to", "of", "like", "not", "and", "or", "but", "who", "which",
     "working", "supported", "together", "jointly", "alongside", "led", "chaired"}
)  # fmt: skip
ASIDE_STARTS = frozenset(
    {"such", "especially", "particularly", "notably", "whether", "once", "where", "if", "when",
     "like", "unless", "although", "though", "while", "whilst"}
)  # fmt: skip
COMPLEMENT_WORDS = frozenset(
    {
        "recommend", "recommends", "ensure", "ensures", "sure", "require", "requires", "agree",
        "agrees", "propose", "proposes", "suggest", "suggests", "expect", "expects", "say",
        "says", "believe", "believes", "important", "essential", "vital", "necessary", "clear",
        "means", "so", "such", "recommendation", "view", "expectation", "requirement", "concern",
        "consider", "considers", "decide", "decides", "conclude", "concludes", "find", "finds",
        "think", "thinks", "accept", "accepts", "note", "notes", "state", "states", "recognise",
        "recognises", "recognize", "recognizes", "determine", "determines", "judge", "judges",
    }
)  # fmt: skip
RECIPIENT_VERBS = frozenset({"receive", "get", "obtain", "benefit"})
DEADLINE_OPENERS = frozenset({"within", "by", "immediately", "in", "from", "before"})
ADVERBIAL_STARTS = frozenset({"as", "where", "when", "wherever", "urgently", "in", "within"})
EMBEDDED_WH = frozenset({"how", "what", "why", "whether", "which", "where", "when", "who"})
PLACES = frozenset({"uk", "us", "eu", "england", "wales", "scotland", "northern ireland", "gb"})
DIRECT_CUES = frozenset(
    {"urge", "urges", "urging", "invite", "invites", "inviting", "encourage", "encourages",
     "encouraging", "ask", "asking"}
)  # fmt: skip
RECOMMEND_CUES = frozenset({"recommend", "recommends", "recommended", "recommending"})
ASKED_CUES = frozenset(
    {"asked", "asks", "call", "called", "calls", "urged", "invited", "encouraged"}
)
GOVERNMENT_OF = {
    "uk": "uk_government",
    "united kingdom": "uk_government",
    "scotland": "scottish_government",
    "wales": "welsh_government",
    "northern ireland": "northern_ireland_executive",
}
# The inspected body's own leaders and people: in a report on one body, they act for it.
LEADER_WORDS = frozenset(
    {"leaders", "senior leaders", "area leaders", "leadership team", "officers", "staff",
     "supervisors", "managers", "employees"}
)  # fmt: skip
# What a council runs or is: a youth justice service is a council's statutory service.
COUNCIL_HINTS = re.compile(
    r"\b(council|local authority|local area|children's services|borough|county|"
    r"youth (?:justice|offending) (?:service|team))\b",
    re.I,
)
PROVIDER_HINTS = re.compile(
    r"\b(school|ysgol|academy|home|nursery|college|provider|hospital|care|practice|"
    r"inspection report)\b",
    re.I,
)
# Roles that stand for a department ("the Department", "the Minister"): resolved from the report.
ROLE_LABELS = frozenset({"department", "minister", "ministers", "secretary of state"})
GOVERNMENT_ROLES = frozenset({"minister", "ministers", "secretary of state"})


# A post a person holds in a body, or a team of it, as an owner column names it: "Director of
# Midwifery", "Chief Nurse", "HR Business Partner", "Head of Safeguarding", "Finance Team".
# A police rank or post opening an owner cell ("Ch Supt, Contact Management", "DCC"): a post
# within the force, not a body.
RANK_RE = re.compile(
    r"^(?:T/|A/)?(?:Det(?:ective)?\.?\s+)?(?:Ch(?:ief)?\.?\s+)?"
    r"(?:Supt|Superintendent|Insp|Inspector|Sgt|Sergeant)\b"
    r"|^(?:DCC|ACC|DCS|DSU|DCI|DI|DS|PS|CC)\b|^(?:Deputy|Assistant) Chief Constable\b"
    # a fire service's ranks: "ACFO Service Delivery", "GM Prevention", "Station Manager"
    r"|^(?:ACFO|DCFO|CFO|AM|GM|SM|WM|CM)\b|^(?:(?:Deputy|Assistant) )?Chief Fire Officer\b"
    r"|^(?:Area|Group|Station|Watch|Crew) Manager\b"
)
POST_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][A-Za-z]*\s+){0,3}(?:Director|Head|Officer|Manager|Lead|Nurse|Midwife|"
    r"Secretary|Chair|Matron|Consultant|Leader|Executive|Accountant|Adviser|Advisor|Partner|"
    r"Co-?ordinator|Team|Unit|Member|Portfolio Holder)s?(?:\s+(?:of|for)\s+\S.*)?$"
)

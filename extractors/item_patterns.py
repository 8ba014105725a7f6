"""The words and label shapes that mark items, their kinds and the sections that hold them."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

from extractors.registry import active_bodies_file
from extractors.vocabulary import WHEN_FIELD, directs
from models.records import ItemKind

logger = logging.getLogger(__name__)


# A number as printed: "3", "4.2", "4a", "IV", "B", or a reference code ("R/2026/041").
# "4.2", "iv", "B", an investigation's "R/2025/101", or a code such as "SR-01" or "KR2"
_NUM = (
    r"(?:[A-Z]{1,4}/\d{2,4}/\d{1,4}|\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?|"
    r"[A-Z]{1,4}-?\d{1,3}(?:\.\d{1,3})?[a-z]?|"
    r"[IVXLC]{1,6}|[A-Z])"
)


_KIND_WORDS: tuple[tuple[str, ItemKind], ...] = (
    (r"recommendations?", "recommendation"),
    (r"areas? for improvement|afi", "area_for_improvement"),
    (r"development areas?|areas? for development", "area_for_improvement"),
    (r"causes? (?:of|for) concern", "cause_of_concern"),
    (r"(?:matters? of |key |main |principal |priority )?concerns?", "cause_of_concern"),
    (r"(?:required )?actions?|commitments?", "action"),
    (r"(?:statutory )?requirements?", "action"),  # a regulator's "Requirement | Due date"
    (r"r|rec\.?", "recommendation"),
    (r"coc", "cause_of_concern"),
    (r"a", "action"),
)


# A label's note that this report revises an item: "(revised May 2025)", "(replaces
# recommendation 5 of the 2024 report)"
REVISION_NOTE = (
    r"\((?:revised|replac(?:es|ing)|amended|updated|re-?issued|formerly|previously)\b[^()]{0,60}\)"
)


LABEL_RE = re.compile(
    # the label in another language first, as bilingual reports print it ("Argymhelliad 1 / ")
    r"^(?:(?-i:[A-Z][\w'’]*)(?:\s[\w'’]+){0,3}?(?:\s\d{1,3}[a-z]?)?\s/\s)?"  # "Maes i’w wella 1 / "
    r"(?P<prefix>(?-i:(?:[A-Z][\w'’]*\s){0,3}?))"
    r"(?P<kw>recommendations?|areas? for improvement|afi|causes? (?:of|for) concern"
    r"|development areas?|areas? for development|required actions?|actions?"
    # a coroner's "Concern 2", "Matter of concern 3", restated by the body that answers it
    r"|(?:matters? of |key |main |principal |priority )?concerns?"
    # a body's numbered promises in answer to a report: its actions
    r"|commitments?"
    # a campaign's numbered asks, in capitals ("ASK 3"): its recommendations
    r"|(?-i:ASK))"
    # "Recommendation one (R1)": the number in words, then the code that numbers it
    r"\s+(?:no\.?\s*)?(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<open>\()(?=[A-Z]{1,3}\d{1,3}\)))?(?P<num>" + _NUM + r")(?![\w.]*\w)(?(open)\))"
    # a priority or a paragraph in brackets after the number: "Recommendation 3 (Medium)";
    # not a year, which cites another report's item ("Recommendation 1 (HMICFRS 2024)"), but
    # a note that this report revises one ("Cause of concern 2 (revised May 2025)")
    r"(?:\s*(?:"
    + REVISION_NOTE
    + r"|(?![(\[][^()\[\]]*\b(?:19|20)\d\d\b)(?:\([^()]{1,24}\)|\[[^\[\]]{1,24}\])))?"
    r"\s*(?P<sep>[:.–—-]?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


# A short code for an item's kind glued to its number ("R3", "AFI2", "Rec 4"), in capitals.
# In a section of actions, "A3 Require a duty inspector to …": an action's code
ACTION_CODE_RE = re.compile(
    r"^(?P<prefix>)(?P<kw>(?-i:A))(?P<num>\d{1,2})(?![\w.]*\w)\s*(?P<sep>[:.–—-]?)\s*(?P<rest>.*)$"
)
CODE_LABEL_RE = re.compile(
    # "SR2", "OR5", "NR1", "KR3", "IR2", "PR1", "FR1": a strategic, operational, new, key,
    # improvement, priority or further recommendation
    r"^(?P<prefix>)(?P<kw>(?-i:[SONKIPF]?R|Rec\.?|REC|AFI|CoC|COC))\s?"
    r"(?P<num>\d{1,3}(?:\.\d{1,2})?[a-z]?)"
    r"(?![\w.]*\w)\s*(?P<sep>[:.–—-]?)\s*(?P<rest>.*)$"
)


# Headings that open a list of items, with the kind of item they hold.
_SECTION_SPECS: tuple[tuple[str, ItemKind], ...] = (
    (r"\bcauses? (?:of|for) concern\b", "cause_of_concern"),
    # A coroner's "5 CORONER'S CONCERNS", "The matters of concern", "Key concerns"
    (
        r"^(?:\d+\.?\s+)?(?:the\s+)?(?:(?:matters?|areas?) of concern|"
        r"(?:(?:coroner|inspector|panel|inquiry)(?:'s|’s)|key|main|principal|our|serious|"
        r"priority)\s+concerns?)(?:\s+and\s+(?:our\s+)?recommendations)?$",
        "cause_of_concern",
    ),
    (r"\bareas? for priority action\b", "action"),
    (r"\bactions? we (?:have )?told the provider to take\b", "action"),
    # "Action the trust MUST take to improve" (what it is required to do) and "… SHOULD take"
    # (what would improve it): a regulator's two lists
    (r"^actions? (?:that )?(?:the|a) [\w’' -]{2,40}? must take\b", "action"),
    (r"^actions? (?:that )?(?:the|a) [\w’' -]{2,40}? should take\b", "area_for_improvement"),
    (r"\benforcement actions?\b", "action"),
    (r"^(?:required|priority) actions?\b", "action"),
    # a regulator's "Requirements" (1. "You must …"): what it requires, as required actions are
    (r"^(?:\d+\.?\s+)?(?:(?:our|the|regulatory|statutory)\s+)?requirements$", "action"),
    # an enforcement notice's "Steps required" ("1. Respond in full to …")
    (
        r"^(?:\d+\.?\s+)?(?:the\s+)?(?:steps?\s+(?:required|to be taken|to remedy(?: \w+){0,3})|"
        r"(?:required|remedial)\s+steps?)$",
        "action",
    ),
    # an ombudsman's or tribunal's "Orders" ("Orders and recommendations"): what it requires
    (r"^(?:\d+\.?\s+)?(?:the\s+)?orders?(?:\s+made)?(?:\s+and\s+recommendations?)?$", "action"),
    # a debrief's bare "ACTIONS" heading over the actions it sets
    (r"^(?:\d+\.?\s+)?actions$", "action"),
    # "5. New actions", "Agreed actions": the paper's own list of actions
    (r"^(?:\d+\.?\s+)?(?:new|further|additional|agreed|management)\s+actions$", "action"),
    # "Actions for the National Police Chiefs' Council": a list of actions set for one body
    (r"^(?:(?:further|additional|our)\s+)?actions?\s+for\s+(?!improvement\b)\S", "action"),
    (r"\bareas? (?:for|requiring|of) improvement\b", "area_for_improvement"),
    # the Welsh and Scottish inspectorates' word for them
    (r"\bareas? (?:for|requiring|of) (?:further )?development\b", "area_for_improvement"),
    (r"\bwhat needs to improve\b", "area_for_improvement"),
    # a survey's or review's "Areas to focus on", "Focus areas": what should get better
    (
        r"^(?:(?:key|priority)\s+)?(?:areas?\s+(?:to|for)\s+focus(?:\s+on)?|focus\s+areas?)$",
        "area_for_improvement",
    ),
    # "What needs to change: national bodies": a summary's page of the report's recommendations
    (r"^what (?:needs to|has to|must) (?:change|happen)\b", "recommendation"),
    # a prosecution inspectorate's weaknesses below a formal recommendation
    (
        r"^(?:\d+\.?\s+)?(?:(?:key|other|further)\s+)?issues? to (?:be )?address(?:ed)?$",
        "area_for_improvement",
    ),
    (r"\bneed(?:s)? to do to improve\b", "area_for_improvement"),
    (r"\b(?:should|must|needs? to) improve\b", "area_for_improvement"),
    (
        r"^(?:the\s+)?(?:government(?:'s|’s)?\s+)?responses?\s+to\s+(?:the\s+|each\s+of\s+the\s+)?"
        r"(?:\w+\s+)?recommendations?\b",
        "recommendation",
    ),
    # "Our asks", "Asks of the UK Government": a campaigning report's word for its recommendations
    (
        r"^(?:\d+\.?\s+)?(?:(?:our|key|main|policy)\s+)*asks(?:\s+in\s+(?:full|detail))?"
        r"(?:\s+(?:of|for|to)\s+[\w'’ ,-]{2,60})?$",
        "recommendation",
    ),
    # "What the Government must do", "What police forces should do": the asks of one body
    (
        r"^what (?:the )?[\w’' ]{2,50}? (?:must|should|needs? to) do$",
        "recommendation",
    ),
    # research's "Implications for practice": its asks among what it suggests (only the
    # entries that ask count: the section is read as a mixed one)
    (
        r"^(?:\d+\.?\s+)?implications for (?:practice|policy|policing|practitioners)$",
        "recommendation",
    ),
    # "Our calls to action", "What we are calling for": a campaigning report's asks
    (
        r"^(?:\d+\.?\s+)?(?:(?:our|key|main)\s+)*(?:calls?\s+(?:to|for)\s+(?:action|change)|"
        r"calls\s+(?:on|to)\s+[\w'’ ,-]{2,60})$|^what we(?:['’]re| are) calling (?:for|on)\b",
        "recommendation",
    ),
    # "What we recommend": a panel's or box's heading over the report's asks
    (
        # "What we recommended: for chief constables"
        r"^what (?:we|the (?:inspectorate|panel|committee|review|board)) recommend(?:s|ed)?"
        r"(?:\s*[:–-]\s*(?:for|to)\s+\S.{0,60})?$",
        "recommendation",
    ),
    (
        r"^(?:(?:chapter|section|part|annex|appendix)\s+[\w.]+\s*[:.–-]?\s*)?"
        r"(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:summary|list)\s+of\s+)?(?:[a-z]+\s+and\s+)?"
        r"(?:(?:the|our|summary|list|of|specific|key|main|full|national|further|new|"
        r"(?:single|multi|inter)[- ]?agency|agency|strategic|operational|panel|overview|"
        r"safety|improvement|priority|[\w-]+(?:’s|'s|s’|s'))\s+)*"  # "the inspection’s"
        # not another's ("Recommendations of the 2019 review"), but "… in this chapter"
        r"recommendations?\b(?!\s+(?:of(?!\s+(?:the|this|our)\s+"
        # "of the task and finish group": the group writing it, not another report
        r"(?:task and finish |working |review |scrutiny )?(?:group|panel|committee)$)|"
        r"from|by|made|in(?!\s+this\s+(?:chapter|section|part|report)\b))\b)",
        "recommendation",
    ),
)


_SECTION_PATTERNS = tuple((re.compile(p, re.IGNORECASE), k) for p, k in _SECTION_SPECS)


# Roman numerals in order, as list labels use them (i, ii … x)
ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


BULLET_RE = re.compile(
    r"^(?P<glyph>[•●◼■▪◦○‣∙·\uf0a7\uf0b7\uf03c\uf076\uf0d8\uf0fc➢►▶✓»›–—-])\s*(?P<rest>.*)$"
)


# The numbers after a group label's first one: ", 7 and 8" in "Recommendations 5, 7 and 8",
# "to 6" in "Recommendations 4 to 6", "–R9" in "R7–R9"
MORE_NUMBERS_RE = re.compile(r"(?:\s*(?:to|and|&|,|[-–—])\s*(?:[A-Z]{1,3})?\d{1,3})+")


# An investigation body's year and serial that numbers a recommendation: "2025/118"
SERIAL = r"(?:19|20)\d\d/\d{3}"


ENUM_RE = re.compile(
    # an investigation body's year and serial ("2025/118") numbers its recommendation
    r"^(?:(?P<num>" + SERIAL + r"|\d{1,3}(?:\.\d{1,3}){0,2}(?:[a-h](?=[.)]|\s+[A-Za-z]))?)[.)]?|"
    # "(12)", and a judgment's "[12]"
    r"\((?P<pnum>\d{1,3})\)|\[(?P<bnum>\d{1,3})\]|"
    r"\(?(?P<letter>[a-z]|[A-H])\)|(?P<letter2>[a-z])\.|\((?P<roman>[ivx]{1,5})\)|(?P<roman2>[ivx]{1,5})\)|"
    r"(?P<roman3>ii|iii|iv|vi|vii|viii|ix|xi|xii)\.|"
    # a plain document's capital numerals: "I." … "X."
    r"(?P<roman4>"
    + "|".join(sorted((r.upper() for r in ROMANS), key=len, reverse=True))
    + r")[.)])"
    r"\s+(?P<rest>\S.*)$"
)


# A timing heading's part number, no part of the timing: "Part A – "
_PART_PREFIX = r"(?:part|group|phase|stage|tier)\s+[A-Z0-9]{1,2}\s*[–—:.-]\s*"
PART_PREFIX_RE = re.compile("^" + _PART_PREFIX, re.I)


TIMING_RE = re.compile(
    # "For completion by 30 September 2025", "To be completed within six months:"
    r"^(?:(?:for completion|to be completed|to complete|due|deadline)\s*:?\s+|"
    # "Part A – Immediate", "Group 2: Within six months of publication"
    + _PART_PREFIX
    + r")?"
    r"(?:immediate(?:ly)?|with immediate effect|now|(?:with)?in (?:the next )?\w+(?:[- ]\w+)? "
    r"(?:days?|weeks?|months?|years?)(?: of [^:]{0,60})?|by (?:the end of )?[\w ,]{3,30}|"
    r"(?:in the )?(?:short|medium|long)[- ]term|"
    # a labelled date over the items: "Deadline: April 2026", "Target date: 31 March 2026"
    rf"{WHEN_FIELD}\s*:\s*(?:\d{{1,2}}\s+)?[a-z]{{3,9}}\.?\s+\d{{4}})"
    r"\s*:?$",
    re.IGNORECASE,
)


TALK_ABOUT_RE = re.compile(
    r"\b(?:made|makes|make|making|set out|sets out|contains?|includes?|against|progress|"
    r"implemented|accepted|responded|response to|these|those|our|the following|previous|"
    r"earlier|this)\s+(?:\w+\s+){0,3}(?:recommendations?|areas? for improvement|actions?)\b",
    re.IGNORECASE,
)


LEAD_IN_RE = re.compile(
    r"(?::\s*$|\bfollowing (?:actions?|recommendations?|areas?|improvements?)\b|"
    r"^the following (?:are|is)\b|"
    r"\b(?:should|must|needs? to)\s*:?\s*$)",
    re.IGNORECASE,
)


BARE_LABEL_RE = re.compile(
    r"^(?-i:(?:[A-Z][\w'’]*\s){0,3})(?P<kw>recommendation|area for improvement|"
    r"development area|area for development|cause of concern|action)"
    r"(?:\s+\([^()]{1,40}\))?\s*:?$",  # "Revised cause of concern (March 2025)"
    re.IGNORECASE,
)


# An unnumbered label run into its item's text: "Recommendation: The Home Office should ...".
# A numbered paragraph that opens with its kind: "2.1 Key concern: Levels of violence …".
NUMBERED_RUN_IN_RE = re.compile(
    r"^(?P<prefix>)(?P<num>\d{1,2}(?:\.\d{1,2})?)\.?\s+"
    # whose item it is: "1. PAC recommendation:", "2. Committee's recommendation:"
    r"(?:(?-i:[A-Z]{2,6})\s+|(?:the\s+)?committee(?:['’]s)?\s+)?"
    r"(?P<kw>(?:key |main |principal )?concern|cause of concern|recommendation|"
    r"area for improvement)\s*:\s+(?P<rest>(?-i:[A-Z“‘\"'])\S*.*)$",
    re.IGNORECASE,
)


INLINE_LABEL_RE = re.compile(
    r"^(?P<kw>(?-i:[RACrac])(?:ecommendation|rea for improvement|ause of concern|ction))\s*:\s+"
    r"(?P<rest>(?-i:[A-Z“‘\"'])\S*.*)$",
    re.IGNORECASE,
)


# "To the Home Office", "TO THE PRISON SERVICE" (a heading in capitals)
TO_RE = re.compile(r"^(?:To|TO) (?:(?i:the|all|each|every) )?[\w(][^.;,]{2,100}?:?$")


LEAD_TIMING_RE = re.compile(
    r"\b(?:immediately|with immediate effect|"
    r"within (?:the next )?\w+ (?:days?|weeks?|months?|years?)|"
    r"by (?:the end of )?(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|spring|summer|autumn|winter)?\s?\d{4})\b",
    re.IGNORECASE,
)


COUNT_RE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:new\s+|national\s+|further\s+)?(?:recommendations?|areas? for improvement|"
    r"causes? of concern|actions|(?:key\s+|priority\s+|main\s+)?concerns)\b",
    re.IGNORECASE,
)
# A report saying it makes none: "we make no recommendations in this report", "This report
# does not make any recommendations", "There are no decisions for the Panel to take"
NONE_MADE_RE = re.compile(
    r"\b(?:(?:we|I)\s+(?:make|have\s+made|are\s+making)\s+no\s+(?:new\s+|further\s+)?"
    r"recommendations|(?:we|I)\s+(?:do|have)\s+not\s+(?:make|made)\s+any\s+(?:new\s+)?"
    r"recommendations|this\s+(?:report|review|document)\s+(?:makes\s+no|does\s+not\s+make\s+any)"
    r"\s+(?:new\s+)?recommendations|"
    # a committee paper's "Recommendation" section that asks the meeting for nothing
    r"there\s+(?:are|is)\s+no\s+(?:decisions?|recommendations?)\s+(?:for\s+(?:the\s+)?"
    r"\w+(?:\s+\w+)?\s+to\s+(?:take|make)|required)|no\s+decisions?\s+(?:is|are)\s+required)"
    r"\b(?![^.]*\bbut\b)",
    re.IGNORECASE,
)
# Whom a heading or a table's group row says the items under it are for: "Actions for the
# NPCC", "Recommendations to police forces and the CPS jointly"; not "to improve care"
KIND_FOR_RE = re.compile(
    r"^(?:(?:our\s+)?(?:recommendations?|actions?|areas? for improvement)\s+|"
    r"what\s+we\s+recommend(?:ed)?\s*[:–-]\s*)"  # "What we recommended: for chief constables"
    r"(?:for|to(?=\s+(?-i:the\s|[A-Z])|\s+(?:police\s+forces|chief\s+constables|forces)\b))\s+"
    r"(?P<who>(?:the\s+)?[A-Za-z][\w'’ &-]{2,80}?)(?:\s+jointly)?"
    # "… – to be implemented by 31 October 2026": by when, after a dash
    r"(?:\s+[–—-]\s+(?:to\s+be\s+(?:implemented|completed|delivered)\s+)?by\s+[^:]{3,40})?\s*:?$",
    re.IGNORECASE,
)
# A glossary's heading: "Glossary", "Annex B: Glossary of terms", "Definitions"
GLOSSARY_HEADING_RE = re.compile(
    r"^(?:(?:annex|appendix)\s*[\w.]{0,3}\s*[:.–-]?\s*)?(?:\d+(?:\.\d+)*\.?\s+)?"
    r"(?:glossary(?:\s+of\s+terms)?|definitions|key\s+terms|terms\s+used(?:\s+in\s+this\s+report)?)"
    r"\s*$",
    re.IGNORECASE,
)
# "Action the trust MUST take is necessary to …": what a kind of item is, not one.
# "An area for improvement is …", "A recommendation should say who must act": the kind itself
# defined or described, as a framework or a glossary does
KIND_DEFINED_RE = re.compile(
    r"^(?:an?\s+|each\s+|every\s+)?"
    r"(?:actions?|recommendations?|areas? for improvement|causes? of concern)\b[^.]{0,40}?\s"
    r"(?:is|are|means|should|must|will|sets? out|describes?|refers? to)\s|"
    # "We identify a cause of concern when we find …": when the inspectorate makes one
    r"^(?:I|we)\s+(?:\w+\s+)?(?:identify|make|raise|report|issue|give|set)\s+(?:an?\s+)?"
    r"(?:causes?\s+of\s+concern|areas?\s+for\s+improvement|recommendations?)\s+"
    r"(?:when|where|if|whenever|only)\b|"
    # "This section sets out the actions that the registered person must take …"
    r"^this\s+(?:section|chapter|part|annex|appendix|table)\s+(?:sets\s+out|lists|describes|"
    r"contains|summarises|summarizes|shows)\b",
    re.IGNORECASE,
)


OPENS_LIST_RE = re.compile(
    r"(?:\b(?:I|we|the (?:inquiry|inspectorate|committee|review|panel))\s+(?:\w+\s+){0,2}"
    r"recommend(?:s|ing)?\b|\b(?:me|us) to recommend\b|\brecommendations? (?:are|include)\b|"
    # "… the following steps are recommended:"
    r"\bfollowing\s+(?:\w+\s+){0,2}(?:are|is)\s+recommended\b|"
    # "the Tribunal makes the following recommendations, each for the purpose of …:"
    r"\b(?:I|we|the\s+(?:\w+\s+)?(?:tribunal|court|committee|panel|board|inquiry|review))\s+"
    r"(?:\w+\s+)?(?:make|makes|set out|sets out|offer)\s+(?:the\s+)?following\s+"
    r"(?:\w+\s+)?recommendations?\b|"
    # a letter's asks: "I am asking the Home Office to:", "I would also ask the Ministry … to:"
    r"\b(?:I|we)\s+(?:am\s+|are\s+|would\s+|also\s+){0,2}ask(?:ing)?\s+(?:the\s+)?[A-Z][^.]*"
    r"\bto)"
    r"[^.]*:\s*$"
    # "… I recommend the following." closing a paragraph over the numbered remedies; "The
    # Audit and Risk Committee recommends the following to the Board."
    r"|\b(?:I|we|the\s+(?:[\w'’-]+\s+){0,5}?(?:committee|panel|board|review|inquiry|group|"
    r"inspectorate|authority|council|commission))\s+(?:\w+\s+){0,2}recommends?\s+the\s+"
    r"following(?:\s+to\s+(?:the\s+)?[\w'’ -]{2,60}?)?\s*[.:]",
    re.IGNORECASE,
)


# How a response to an item opens: it follows the item but is never part of it.
RESPONSE_OPENING_RE = re.compile(
    # "Response", "Management response:", "Home Office response:"
    r"^(?:(?:(?-i:[A-Z])[\w’'-]*\s+){1,3}response\s*:|"
    r"response\b|this recommendation (?:is|was|has been) (?:fully |partially |not )?"
    r"(?:accepted|agreed|rejected|supported|noted)\b|(?:the )?(?:government|department|"
    r"home office|ministry|council|force|college|npcc|we)\s+(?:fully |partially )?"
    r"(?:accepts?|agrees?|disagrees?|rejects?|notes?|welcomes?)\b|"
    r"(?:accepted|agreed|rejected|noted)\b)",
    re.IGNORECASE,
)


# An entry's closing reference to an item coded elsewhere: "… not reviewed. (B02)"
CLOSING_REF_RE = re.compile(r"\((?P<ref>[A-Z]{1,3}\s?\d{1,3}(?:\.\d{1,2})?)\)\.?\s*$")


# What others told the inspectors should happen: "Staff told us that the service should …".
REPORTED_RE = re.compile(
    r"^\W*(?!(?:we|i)\b)(?:[\w’'-]+\s+){1,4}(?:told (?:us|inspectors|the \w+)|said|felt|"
    r"thought|suggested|reported|explained)\s+that\b",
    re.IGNORECASE,
)


STANDALONE_RE = re.compile(
    # a meeting's resolution that recommends: "RESOLVED – That the Panel recommends that …"
    r"^(?:RESOLVED\s*[–—:-]?\s*)?(?:That\s+(?=the\s))?"
    r"(?:We|I|[Tt]he (?i:inspectorate|inquiry|committee|review|panel)|"
    # the reporting body by its short name: "HMIC recommends that …", "HMICFRS recommends"
    r"[A-Z][A-Za-z]{1,7}[A-Z](?: [A-Z][a-z]+)?) (?:also |further |therefore )?"
    # "recommends to the Parliament that …"; "calls on the Authority to …"
    r"(?:recommends? (?:to (?:the )?[A-Z][\w ]{1,40}? )?(?:that )?|calls? on (?=\S))",
)


PAGE_REF_RE = re.compile(r"\d{1,3}")


TOC_RE = re.compile(r"(?:\.\s?){6,}\s*\d*\s*$|…{3,}")


FOLLOWING_RE = re.compile(
    r"\bfollowing (?P<kind>actions?|recommendations?|areas? for improvement)"
    # "… the following recommendations to the Board."; one sentence more may close the
    # paragraph ("… the following areas for improvement. We will check progress next year.")
    r"(?:\s+(?:are\s+)?(?:to|for)\s+[^.:;]{1,100}|"
    # "The following actions were agreed by all signatories at the meeting:"
    r"\s+(?:were|are|have been)\s+agreed\b[^.:;]{0,80})?"
    r"\s*(?:[.:]?|\.\s+[^.:;]+\.)\s*$",
    re.IGNORECASE,
)


# Words that qualify an item column's header ("Safety action", "Key recommendations").
_QUALIFIER = (
    r"(?:(?:the|our|key|main|summary of|learning|national|local|force|new|safety|management|"
    r"agreed|improvement)\s+|(?-i:[A-Z]{3,8})(?:['’]s)?\s+)"  # "HMICFRS recommendation"
)
HEADER_QUALIFIER_RE = re.compile("^" + _QUALIFIER, re.IGNORECASE)
ITEM_HEADER_RE = re.compile(
    _QUALIFIER + "?"
    r"(?:recommendations?|areas? for (?:priority )?"
    r"(?:improvement|action)|(?:required |priority )?actions?(?: required| to be taken)?|"
    # a note in brackets, but not a year: "Recommendation (2019)" heads an earlier report's
    r"requirements?|(?:matters?|causes?) (?:of|for) concern|"
    # a plan's "What needs to happen" beside its "Lead" and "By when"
    r"what (?:needs|has) to (?:happen|change|be done))"
    r"(?:\s*\((?![^)]*\b(?:19|20)\d\d\b)[^)]*\))?"
    # "Recommendation/AFI text", "Recommendation or area for improvement": one column of both
    # "Cause of concern / recommendation": concerns with the recommendations on each
    r"(?:\s*(?:/|or|and)\s*(?:afi|areas? for improvement|recommendations?))?"
    r"(?:\s+(?:text|wording))?"
    r"(?:\s*\((?![^)]*\b(?:19|20)\d\d\b)[^)]*\))?"  # "Recommendation / AFI (as published)"
    # where they come from: "Recommendation from inspection", "Recommendations in the report";
    # not an earlier one's ("Recommendation from 2022 report", "from the previous inspection")
    r"(?:\s+(?:from|in|of)\s+(?:the\s+)?"
    r"(?:(?!(?:19|20)\d\d\b|previous\b|last\b|earlier\b|original\b|prior\b)[\w-]+\s+)?"
    r"(?:inspection|report|review|audit))?"
    r"\??",  # a column that asks "New recommendation?": its filled cells are the items
    re.IGNORECASE,
)


# The same fields closing an item's own text: "… on the change. Owner: Ops Planning. Due: 19
# June 2024."
TRAILING_FIELDS_RE = re.compile(
    r"(?<=[.;)])\s+(?:owner|lead(?: organisation| body| agency)?|action by)\s*:\s*"
    rf"(?P<who>[^:.;]{{2,80}}?)(?:[.;]?\s+{WHEN_FIELD}\s*:\s*(?P<when>[^:]{{2,80}}?))?[.;]?$",
    re.IGNORECASE,
)


_HEADING_DUE_RE = re.compile(
    r"(?:\b(?i:to) be (?:completed|implemented|achieved|delivered|in place)\s+"
    r"(?P<when>by\s+(?:the end of\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}|within\s+\w+\s+"
    r"(?:days?|weeks?|months?|years?)(?:\s+of\s+[^)]{3,60}?)?|"
    # "To be implemented before the Annual Meeting of the Authority on 12 June 2025"
    r"before\s+[^:]{3,80}?\s+on\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
    # "Recommendations for immediate action"
    r"|\bfor (?P<now>immediate (?:action|implementation|attention)))\)?\s*$"
)


def heading_due(text: str) -> str | None:
    """The time a group heading sets for its items, if it sets one."""
    m = _HEADING_DUE_RE.search(text.strip())
    if m is not None:
        return m.group("when") or m.group("now")
    # "Phase 1 – Immediate priorities: within three months of publication"
    head, colon, after = text.strip().rpartition(":")
    if colon and head and TIMING_RE.match(after.strip()):
        return after.strip()
    return None


# A lead-in that stops at its modal: "Within one month, the Council should:".
SHOULD_COLON_RE = re.compile(
    # "should:", "should jointly:", "must also:"
    r"\b(?:should|must|shall|needs to)(?:\s+(?:jointly|together|also|each|now))?\s*:\s*$",
    re.IGNORECASE,
)


# Fields set under an item: "Owner: Home Office  Timescale: By the end of 2026", "Directed
# to: LRFs" (and a learning recommendation's "Made to: Westfield Police" over it, "Response
# due: 14 May 2026" under it)
FIELDS_RE = re.compile(
    r"^(?:(?:owner|lead(?: organisation| body| agency)?|responsible(?: body| organisation)?|"
    r"action by|made to|(?:addressed|directed) to)\s*:\s*(?P<who>.+?)"
    rf"(?:\s+{WHEN_FIELD}\s*:\s*(?P<when>.+))?"
    rf"|{WHEN_FIELD}\s*:\s*(?P<only_when>.+))$",
    re.IGNORECASE,
)

# A lead-in ("Within one month, the Council should:") is a line or two: never a long block
LEAD_LINES = 4

SENTENCE_END_RE = re.compile(r"[.!?;:)”’\"']\s*$")


# A section reports keep apart from their items: what works well, not what must change.
OTHER_SECTION_RE = re.compile(
    r"^(?:(?:areas?|examples?) of )?(?:(?:good|notable|innovative|promising|positive)\s+){1,2}"
    r"practices?$"
    r"|^(?:key )?strengths$|^key findings$|^what (?:is )?work(?:s|ing) well$"
    # a press release's and a web page's closing sections
    r"|^notes? (?:to|for) editors$|^(?:further|more) information$|^contact(?: us)?$"
    r"|^about (?:us|the inspectorate|this report)$|^frequently asked questions$|^faqs?$"
    # a committee paper's standing sections around its business
    r"|^(?:financial|legal|equalit(?:y|ies)|risk|resource|staffing|human rights)"
    r"(?: and [a-z]+)? implications$|^background papers$|^appendices$|^contact officers?$"
    r"|^(?:the\s+)?(?:commissioner|chief constable|chair)(?:'s|’s) comments$",
    re.IGNORECASE,
)

# A label of something a report numbers that is no item: "Safety observation O/2026/037:",
# "Learning point 3:", "Finding 2.1:" (it ends the item before it and is never one)
OTHER_LABEL_RE = re.compile(
    r"^(?:[A-Z][a-z]+\s+)?(?:observations?|learning points?|findings?|notable practice|"
    r"innovative practice|promising practice)\s+(?:no\.?\s*)?" + _NUM + r"\s*[:.–—-]\s",
    re.IGNORECASE,
)


# A heading over what became of earlier items ("Progress against previous areas for improvement",
# "Recommendations from our last inspection"): it reports on them and sets none.
EARLIER_ITEMS_RE = re.compile(
    r"\b(?:previous|previously|earlier|past|prior|last|former|original)\b|"
    r"\bprogress (?:against|on|made)\b|\bcommentary on\b|\bcomments on\b|"
    # "The cause of concern and recommendations from October 2024": an earlier report's
    r"\bfrom\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+)?(?:19|20)\d\d\b|"
    r"\baction plans?\b|\b(?:tracker|tracking)\b|"
    # what a tracker counts: "Open recommendations and areas for improvement"
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:open|closed|outstanding|overdue|completed)\s+"
    r"(?:recommendations|areas|actions|items|causes)\b|"
    # a span of years: "Recommendations we have made, 2021 to 2025"
    r"\b(?:19|20)\d\d\s*(?:to|-|–)\s*(?:19|20)\d\d\b",
    re.IGNORECASE,
)


# Asks a heading says the author did not make: "Submissions and recommendations not made"
# (not "Recommendations not accepted", a response's restating of items it rejects)
_NOT_MADE_RE = re.compile(r"\bnot made$", re.IGNORECASE)


# Recommendations a heading discusses rather than makes: the power to make them, or the ones
# a party asked for ("Recommendations: the law", "The recommendations sought")
_AS_A_TOPIC_RE = re.compile(
    r"\brecommendations?(?:\s*:\s*(?:the\s+)?(?:law|legal\s+framework|powers?)|"
    r"\s+(?:sought|requested|asked\s+for|proposed\s+by\b.*))$",
    re.IGNORECASE,
)


# The report's recommendations set out with the plan answering them ("Recommendations and
# action plan"): the plan's rows are responses, the numbered recommendations are the items.
_WITH_THEIR_PLAN_RE = re.compile(r"^recommendations\s+and\s+(?:the\s+)?action\s+plans?$", re.I)


def section_kind(text: str) -> ItemKind | None:
    """The kind of item a heading opens a section of, if any."""
    # headings recur (running titles, repeated lists); a long paragraph is never one
    return _section_kind(text) if len(text) <= 200 else None


@functools.lru_cache(maxsize=4096)
def _section_kind(text: str) -> ItemKind | None:
    clean = _HEADING_NUMBER_RE.sub("", text.strip().rstrip(":?").strip())
    # a heading in two languages ("Argymhellion / Recommendations"): the side that names a kind
    sides = _BILINGUAL_RE.fullmatch(clean)
    if sides is not None:
        return _section_kind(sides["first"]) or _section_kind(sides["second"])
    if _WITH_THEIR_PLAN_RE.match(clean):
        return "recommendation"
    if len(clean.split()) > 12 or LABEL_RE.match(clean) or EARLIER_ITEMS_RE.search(clean):
        return None
    if CAPTION_RE.match(clean):
        return None  # "Table 1: Recommendations by source report" names a table, not a list
    if _NOT_MADE_RE.search(clean):
        return None  # "Submissions and recommendations not made": asks declined, not made
    if _AS_A_TOPIC_RE.search(clean):
        return None  # "Recommendations: the law", "The recommendations sought": discussed
    # a heading naming two kinds ("Recommendations and areas for improvement") opens a list
    # of the first it names: the second has a heading of its own further on
    found = [(m.start(), k) for p, k in _SECTION_PATTERNS for m in [p.search(clean)] if m]
    return min(found, key=lambda hit: hit[0])[1] if found else None


# A table or figure's own caption: "Table 2: Recommended priorities"
CAPTION_RE = re.compile(
    r"^(?:table|figure|chart|graph|exhibit)\s+\d+[a-z]?\s*[:.–—-]", re.IGNORECASE
)
# A heading's own roman or letter number ("VI. CORONER'S CONCERNS", "B. Recommendations")
_HEADING_NUMBER_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])[.)]\s+(?=\S)")
_BILINGUAL_RE = re.compile(r"(?P<first>[^/|]{3,60}?)\s+[/|]\s+(?P<second>[^/|]{3,60})")


def label_kind(kw: str) -> ItemKind:
    """The kind of item a label's keyword names (a recommendation when it names none)."""
    return known_kind(kw) or "recommendation"


def known_kind(kw: str) -> ItemKind | None:
    """The kind of item a keyword names ("AFI", "Causes of concern"), or None."""
    for pattern, kind in _KIND_WORDS:
        if re.fullmatch(pattern, kw, re.IGNORECASE):
            return kind
    return None


def is_to_line(text: str) -> bool:
    """A "To the Home Office" line naming who the following items are for."""
    if not TO_RE.match(text) or len(text.split()) > 14 or directs(text):
        return False
    # "To review and assess…" is a purpose, not a body: after "To" comes a determiner, a name,
    # or a body the registry knows in lower case ("To chief constables").
    rest = text[3:].strip()
    first = rest.split()[0]
    return (
        first.lower() in TO_DETERMINERS
        or first[:1].isupper()
        or any(rest.lower().startswith(alias) for alias in lowercase_aliases(active_bodies_file()))
    )


TO_DETERMINERS = frozenset({"the", "all", "each", "every"})


@functools.cache
def lowercase_aliases(extra: Path | None) -> tuple[str, ...]:
    from extractors.registry import load_registry

    return tuple(
        alias.lower()
        for body in load_registry(extra)
        for alias in body.aliases
        if alias[:1].islower()
    )


def timing_in(lead_in: str) -> str | None:
    """A deadline stated once in a list's lead-in ("within three months the force should:")."""
    m = LEAD_TIMING_RE.search(lead_in)
    return m.group(0) if m else None


# A label that names the report it comes from: "Recommendation 1, March 2024 report",
# "Recommendation 3 (2023 inspection)", "Recommendation 2 from our 2024 review".
# A tracker's status cell beside an earlier item's label: "Discharged", "Partially addressed"
STATUS_CELL_RE = re.compile(
    r"(?:(?:not|partially|fully|largely|now)\s+)?(?:discharged|addressed|achieved|met|"
    r"implemented|completed?|closed|superseded|withdrawn|in progress|on track|overdue|"
    r"outstanding|remains? open)|red|amber|green|blue",
    re.IGNORECASE,
)


ANOTHER_REPORTS_RE = re.compile(
    r"^\s*[,(–-]?\s*(?:(?:from|of|in)\s+)?(?:(?:the|our|its|their)\s+)?(?:[A-Za-z]+\s+)?"
    r"(?:19|20)\d\d\s+(?:report|inspection|review)\b"
    # "Recommendation 2 of RSIB report 11/2020": an item of another report, by its serial
    r"|^\s*(?:of|from|in)\s+(?:the\s+)?(?:[A-Za-z&]+\s+){0,3}(?:report|bulletin)\s+"
    r"(?:no\.?\s*)?\d{1,4}/\d{2,4}\b"
    # "Recommendation 1 (HMICFRS 2024)": an inspectorate's item of that year, quoted
    r"|^\s*\((?-i:[A-Z][A-Za-z&]+)\s+(?:19|20)\d\d\)"
    # "Cause of concern 1 (2024)": the item as that year's report set it, reprinted
    r"|^\s*\((?:19|20)\d\d(?:\s+(?:report|inspection|review))?\)",
    re.IGNORECASE,
)

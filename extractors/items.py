"""Split a document's text into recommendations, AFIs, causes of concern and actions."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extractors.blocks import Block, Candidate, label_ok, make_blocks
from extractors.bold_runs import asks_in_prose, bold_closings, bold_extent, bold_openings
from extractors.furniture import drop_contents, drop_footnotes
from extractors.glyphs import join_text
from extractors.item_passes import (
    announced_lists,
    announced_recommendations,
    carried_over,
    chapter_paragraphs,
    drop_titles,
    findings_answered,
    findings_in_brief,
    labelled_asks,
    lead_in_lists,
    midparagraph_labels,
    minute_recommendations,
    names_only_who_acts,
    numbered_asks,
    numbered_sections,
    ordinal_recommendations,
    pointed_summaries,
    pointers_to_items,
    record_fields,
    split_asks,
    standalone_recommendations,
    trailing_codes,
    trailing_fields,
    trailing_labels,
    with_responses,
    without_process,
)
from extractors.item_patterns import (
    ACTION_CODE_RE,
    ANOTHER_REPORTS_RE,
    BARE_LABEL_RE,
    CODE_LABEL_RE,
    COUNT_RE,
    EARLIER_ITEMS_RE,
    FIELDS_RE,
    FOLLOWING_RE,
    GLOSSARY_HEADING_RE,
    INLINE_LABEL_RE,
    KIND_DEFINED_RE,
    KIND_FOR_RE,
    LABEL_RE,
    LEAD_IN_RE,
    LEAD_TIMING_RE,
    MORE_NUMBERS_RE,
    NONE_MADE_RE,
    NUMBERED_RUN_IN_RE,
    OPENS_LIST_RE,
    OTHER_LABEL_RE,
    OTHER_SECTION_RE,
    PART_PREFIX_RE,
    REPORTED_RE,
    RESPONSE_OPENING_RE,
    REVISION_NOTE,
    ROMANS,
    SENTENCE_END_RE,
    SHOULD_COLON_RE,
    STANDALONE_RE,
    STATUS_CELL_RE,
    TALK_ABOUT_RE,
    TIMING_RE,
    TO_DETERMINERS,
    heading_due,
    is_to_line,
    label_kind,
    lowercase_aliases,
    section_kind,
    timing_in,
)
from extractors.item_tables import (
    answer_tables,
    continue_tables_on_lines,
    due_phrase,
    field_rows_under_items,
    fields_under_items,
    fill_header_only_tables,
    fill_open_rows,
    in_tables,
    item_tables,
    label_table_candidates,
    pages_with_actions,
    table_candidates,
    tables_led_in,
    text_table_candidates,
    titles_timing,
)
from extractors.leading_labels import number_from_leading_labels
from extractors.letters import is_salutation
from extractors.margins import coded_entries, inverted_labels, margin_labels, sub_numbers
from extractors.registry import active_bodies_file, extra_bodies
from extractors.settings import DEFAULT_SETTINGS, ExtractorSettings
from extractors.standing import SENT_TO_LABEL_RE, sent_to_bodies
from extractors.text import body_size, mark_soft_hyphens, repair_misread_keywords
from extractors.vocabulary import (
    AGENT_NOUNS,
    ASKS_THAT_RE,
    DETERMINERS,
    MEETING,
    STOP_WORDS,
    asks_in_full,
    directs,
    is_process,
    opens_with_imperative,
)
from extractors.wording import follows_on
from models.records import DocumentText, Item, ItemKind, Line

logger = logging.getLogger(__name__)

# --- classification ------------------------------------------------------------------------


_NONSPACE_RE = re.compile(r"\S+")


def _word_count(text: str) -> int:
    """Words in a text, counted without listing them (a layout-less report is one block)."""
    return sum(1 for _ in _NONSPACE_RE.finditer(text))


def _after_run_in(current: Candidate, block: Block, item_x0: float) -> bool:
    """True when a label run into its text ("Area for improvement: The force should …") has
    had its paragraph, and the block is the next paragraph at the same margin: a run-in label
    labels one paragraph, unless that paragraph introduces a list (it ends with a colon)."""
    return (
        current.run_in
        and block.label is None
        and block.first.x0 <= item_x0 + 4
        and bool(SENTENCE_END_RE.search(current.text()))
        and not current.text().rstrip().endswith(":")
        and block.raw_text[:1].isupper()
    )


# The end of an ask that introduces its own details: "…, and in particular:", "including:"
_DETAILS_RE = re.compile(
    r"\b(?:in particular|including|such as|for example|notably)\s*:\s*$", re.IGNORECASE
)


# A group heading that says when its items are due: "Before the 2026 event – to be completed
# by 31 March 2026", "National recommendations (to be completed by 31 December 2026)"
def _numbered_lead(block: Block, text: str) -> bool:
    """ "17 We recommend:" over items; not "3. … reviews the use of reserves, and in
    particular:", an ask whose lettered parts say what it includes, nor a paragraph that
    recommends its parts to one body."""
    return (
        block.label_kind == "number"
        and _opens_list(text)
        and not _DETAILS_RE.search(text)
        and not _ONE_ADDRESSEE_RE.search(text)
    )


# A numbered paragraph that recommends its parts to one body: "13. I recommend that the
# Committee for Home Affairs:" over "(a) consider …", "(b) set …": one item, its parts
_ONE_ADDRESSEE_RE = re.compile(
    r"\brecommends? that (?:the )?(?-i:[A-Z])[\w’' ,&-]{1,60}:\s*$", re.IGNORECASE
)


# A code of one capital and a number opening an entry: "E1", "P3" (its letter is kept)
_LETTERED_CODE_RE = re.compile(
    r"^(?P<prefix>)(?P<kw>)(?P<num>(?-i:[A-Z])\d{1,2})(?![\w.]*\w)\s*(?P<sep>[:.–—-]?)\s*"
    r"(?P<rest>.*)$"
)
_IN_BRIEF_RE = re.compile(r"\bin (?:brief|short|outline)\b|\bbriefly\b", re.IGNORECASE)


# The writer making the recommendations that follow: "I am therefore making the following
# recommendations to the force:"
_MAKES_THESE_RE = re.compile(
    r"\b(?:I|we)\s+(?:\w+\s+){0,2}(?:make|making)\s+the\s+following\s+recommendations\b"
)


def _opens_list(text: str) -> bool:
    """True when a short paragraph says a list of recommendations follows ("we recommend:")."""
    # "… the following recommendations to the Board.", but not ones made before; "the
    # following recommendations are reproduced from the report" restates them for a response
    if len(text.split(maxsplit=40)) > 40:  # bounded: a layout-less report is one block
        # a longer paragraph may close on the sentence that opens the list ("… However, there
        # is learning for the force. I am therefore making the following recommendations:")
        tail = text[-400:].rstrip()
        text = tail[tail.rfind(". ") + 2 :] if tail.endswith(":") and ". " in tail else ""
        return bool(_MAKES_THESE_RE.search(text)) and len(text.split(maxsplit=40)) <= 40
    if _IN_BRIEF_RE.search(text):
        return False  # "Our recommendations are, in brief:": topics; the items come in full later
    following = FOLLOWING_RE.search(text) and not _MADE_BEFORE_RE.search(text)
    return bool(
        OPENS_LIST_RE.search(text)
        or following
        or _RESTATED_RE.search(text)
        or _NAMES_ITS_LIST_RE.search(text)
    )


def _timed_lead(text: str) -> bool:
    """A short unlabelled lead-in with a time limit ("Within one month of my decision, the
    Council should:"): the limit marks the list under it as asks."""
    return (
        len(text.split(maxsplit=40)) <= 40
        and bool(SHOULD_COLON_RE.search(text) and LEAD_TIMING_RE.search(text))
        and not _ASKED_BEFORE_RE.search(text)
    )


# "… we recommended that, by 30 September 2025, the force should:": an earlier report's asks
_ASKED_BEFORE_RE = re.compile(
    r"\b(?:I|we|it|they)\s+(?:\w+\s+)?(?:recommended|asked|required|said)\s+(?:that\b)?",
    re.IGNORECASE,
)


_RESTATED_RE = re.compile(
    r"\b(?:the following|these)\s+(?:\w+\s+)?recommendations\s+(?:are|is)\s+"
    r"(?:reproduced|restated|quoted|repeated)\b",
    re.IGNORECASE,
)
# A notice's lead-in to what it requires: "you are required to take the following steps", "you
# must take the following actions" (each step an action)
_REQUIRED_STEPS_RE = re.compile(
    r"\b(?:(?:are|is)\s+required\s+to|must)\s+take\s+the\s+following\s+(?:steps|actions|measures)\b"
    # a letter's requests: "Please could you:", "I would be grateful if you would:"
    r"|^(?:please\s+(?:could|would|can)\s+you|I\s+would\s+be\s+grateful\s+if\s+you\s+"
    r"(?:could|would))\s*:$",
    re.IGNORECASE,
)
# A resolution asked of a body: "That the Council writes to the Commissioner …"
_RESOLVES_RE = re.compile(
    r"^That\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,6}\s+[a-z]{3,}\b"
)
# A sentence saying the items after it only show what items look like
_EXAMPLES_RE = re.compile(
    r"^(?:these|the following|the)\s+(?:\w+\s+)?examples?\s+(?:are|is)\s+(?:made[- ]up|"
    r"fictional|invented|illustrative|for illustration)\b|"
    # "The boxes below show how these findings will appear. They are illustrative only, and
    # do not relate to any force."
    r"\b(?:are|is)\s+(?:purely\s+|only\s+)?illustrative(?:\s+only)?[,.;]|"
    r"\bdo(?:es)?\s+not\s+relate\s+to\s+any\s+(?:real\s+|actual\s+)?"
    r"(?:force|service|organisation|body|council|report)\b",
    re.IGNORECASE,
)
# A heading over a made-up example: "Example: how a cause of concern will be set out"
_EXAMPLE_HEADING_RE = re.compile(r"^(?:an?\s+)?(?:illustrative\s+)?examples?\b", re.I)


# A lead-in that names the kind of the list it opens: "… four areas for improvement. These are:"
_NAMES_ITS_LIST_RE = re.compile(
    r"\b(?P<kw>recommendations|areas for improvement|actions|causes of concern)\.?\s+"
    r"(?:these|they)\s+(?:are|were)\s*:\s*$",
    re.IGNORECASE,
)


# A meeting's own resolutions over a list: "That Cabinet:", "2.1 That the Authority:", "The
# Committee is asked to:".
_MEETING_LEAD_RE = re.compile(
    rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})?\.?\s+)?(?:that\s+)?(?:the\s+)?{MEETING}\s*"
    r"(?:(?:is|are)\s+(?:\w+\s+)?asked\s+to)?\s*:\s*$",
    re.IGNORECASE,
)


_MADE_BEFORE_RE = re.compile(
    # "were agreed" at the meeting the paper reports: the actions it sets, not past ones
    r"\b(?:made|(?:were|was)(?!\s+agreed\b)|had|previous|previously|earlier|last|former|already|"
    r"(?:has|have) (?:taken|introduced|completed|implemented|done)|"
    # "the trust told us about the following actions": steps already taken, reported
    r"told (?:us|me|the \w+) (?:about|of))\b",
    re.IGNORECASE,
)


def _is_heading(block: Block, body: float) -> bool:
    text = block.raw_text
    words = len(text.split(maxsplit=19))  # at most 20: a long block is no heading, however long
    if words == 0 or words > 18 or block.label_kind == "bullet":
        return False
    bigger = block.first.size >= body + 1.2
    if not (bigger or block.first.bold):
        # In the body font, a heading is a short line of its own that names a section of items
        # ("Recommendations" above a numbered list in a plain document or a text conversion).
        return (
            # one line, but for a text conversion's underline of dashes ("-----")
            sum(1 for ln in block.lines if not _UNDERLINE_RE.match(ln.text)) == 1
            and body - 1.0 < block.first.size  # smaller print is a caption or running line
            and (words <= 6 or (words <= 12 and _numbered_capitals(block)))
            and not SENTENCE_END_RE.search(text)
            and text.lstrip("0123456789. ")[:1].isupper()  # "5 CORONER'S CONCERNS" too
            and (
                section_kind(text) is not None
                or _numbered_capitals(block)
                or bool(OTHER_SECTION_RE.match(text.strip().rstrip(":")))
                or _set_off(block)
            )
        )
    return not (text.endswith(".") and words > 10)


def _set_off(block: Block) -> bool:
    """A plain document's heading, set off by what a typewriter has: underlined by a rule of
    dashes or equals signs, or a line of two or more words in capitals ("CHAPTER 2 DEMAND")."""
    if any(_UNDERLINE_RE.match(ln.text) for ln in block.lines[1:]):
        return True
    words = [w for w in block.first.text.split() if any(c.isalpha() for c in w)]
    return len(words) >= 2 and all(w.isupper() for w in words)


_UNDERLINE_RE = re.compile(r"^\s*[-=_~*]{3,}\s*$")


def _roman(label: str | None) -> int:
    """The value of a roman numeral label up to ten ("vii" -> 7, "IX" -> 9); 0 for others."""
    low = (label or "").lower()
    return ROMANS.index(low) + 1 if low in ROMANS else 0


def _numbered_capitals(block: Block) -> bool:
    """A numbered line in capitals ("6 ACTION SHOULD BE TAKEN"): a form's or a plain
    document's section heading, a sibling of "5 CORONER'S CONCERNS"."""
    letters = block.raw_text.lstrip("0123456789. ")
    return block.label_kind == "number" and len(letters) > 3 and letters.isupper()


def _after_first_sentence(text: str) -> str:
    """The text after its first sentence ("" for one sentence)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


# A list of findings that the report's recommendations answer elsewhere
_ANSWERED_ELSEWHERE_RE = re.compile(
    r"\b(?:are|is)\s+(?:the\s+)?(?:subject|basis|focus)\s+of\s+(?:our|the|its)\s+"
    r"(?:\w+\s+){0,2}recommendations\b",
    re.IGNORECASE,
)
# A body's commitment, opening an entry: "The College of Policing and the NPCC will jointly …"
_COMMITS_RE = re.compile(r"^(?:the\s+)?(?-i:[A-Z])[\w’' ,&-]{1,80}?\swill\s+(?:\w+ly\s+)?[a-z]+\b")
# A remedy a body has agreed, over the steps it takes: "… the Council has agreed to take the
# following action within one month …:" is the ask itself, its steps its parts
_AGREED_RE = re.compile(r"\b(?:has|have)\s+agreed\s+to\b[^.]*:\s*$")
# "the organisation that needs to act": who the items are for, described, not asked
_WHO_ACTS_RE = re.compile(
    r"\b(?:that|which|who|(?:we|I)\s+(?:consider|think|believe))\s+"
    r"(?:needs?\s+to|has\s+to|have\s+to|should|must)\s+(?:act|lead)\b",
    re.IGNORECASE,
)


# A paragraph whose first words make the items its subject and describe them: "Our
# recommendations are numbered …", "Several of the recommendations build on …"
_ITEMS_AS_SUBJECT_RE = re.compile(
    r"^(?:our|the|these|those|several|some|many|most|all|each|two|three|four|five|six|seven|"
    r"eight|nine|ten)\s+(?:of\s+(?:the|our|these)\s+)?(?:\w+\s+)?"
    r"(?:recommendations|areas for improvement|actions)\s+"
    r"(?!should\b|must\b|shall\b|will\b|need\b|needs\b|are to\b|is to\b)\w+",
    re.IGNORECASE,
)


def _is_topic_line(text: str) -> bool:
    """A short line that names a topic and asks nothing ("Health care in prisons")."""
    return (
        0 < len(text.split()) <= 8
        and not SENTENCE_END_RE.search(text)
        and not directs(text)
        and not _OTHER_CATEGORY_RE.fullmatch(text)
        and section_kind(text) is None
    )


# What a committee's list sets apart from its recommendations: "comments", "requests for
# information"
_OTHER_CATEGORY_RE = re.compile(
    r"(?:comments?|requests? for information|observations?|remarks?)", re.IGNORECASE
)


# A meeting's action note, its owner then what they are to do: "OPCC to include rural crime
# data in the quarter 3 report", "Panel Support Officer to circulate the report by May"
_ACTION_NOTE_RE = re.compile(r"[A-Z][\w’'&/-]*(?:\s+[A-Z][\w’'&/-]*){0,4} to [a-z]+\b")


_RATED_RE = re.compile(r"\s[–—-]\s+(?:" + STATUS_CELL_RE.pattern + r")\s*\.?$", re.IGNORECASE)


def _reports_on_earlier_items(heading: str) -> bool:
    """ "Progress on recommendations from the last report": a heading over earlier items."""
    if _SAID_BEFORE_RE.match(heading.strip()):
        return True
    return (
        section_kind(heading) is None
        and EARLIER_ITEMS_RE.search(_PROGRESS_RE.sub("", heading)) is not None
        and _KIND_WORD_RE.search(heading) is not None
    )


def _reports_progress(heading: str) -> bool:
    """ "Progress against the recommendations": a heading over items restated with their
    progress, or over commentary under each item's label (not the items)."""
    return bool(_PROGRESS_RE.search(heading)) and _KIND_WORD_RE.search(heading) is not None


_PROGRESS_RE = re.compile(r"\bprogress (?:against|on|made)\b", re.IGNORECASE)


# "What we said in 2024", "What the inspectorate recommended in 2023": a revisit's heading
# over the items an earlier report set
_SAID_BEFORE_RE = re.compile(
    r"^what (?:we|I|the [\w ]{2,30}?) (?:said|recommended|asked for|required) in "
    r"(?:19|20)\d\d\s*:?$",
    re.IGNORECASE,
)


# A caption that only names the kind of the text under it: "The coroner's concern"
_BARE_CAPTION_RE = re.compile(
    r"(?:the|our|your)\s+(?:[\w’'-]+\s+)?(?:concern|recommendation|area for improvement|finding)",
    re.IGNORECASE,
)
# A box's own caption: "Box 7.1: What the law already requires", "Case study 2 – …"
_EXHIBIT_RE = re.compile(
    r"^(?:box|panel|exhibit|case study|figure|table)\s+[\dA-Z]{1,3}(?:\.\d{1,2})?\s*[:.–—-]\s*\S",
    re.IGNORECASE,
)
# A caption over an item's text that names its kind: "A repeated recommendation: …"
_CAPTION_RE = re.compile(
    r"\b(?:concerns?|recommendations?|areas? for improvement|actions?)\b", re.IGNORECASE
)
_KIND_WORD_RE = re.compile(
    r"\b(?:recommendations?|areas? for improvement|causes? (?:of|for) concern|actions)\b",
    re.IGNORECASE,
)


# What a correction says a label's item now is: "Recommendation 4 should read:"
_READS_RE = re.compile(
    r"(?:should|shall|will|now|is amended to|is changed to)\s+(?:now\s+)?reads?\s*:"
)


# A label's note that the item goes on from the page before: "(continued)", "(cont'd)"
_CONTINUED_RE = re.compile(r"\((?:continued|cont(?:['’]?d)?\.?)\)\s*:?\s*$", re.IGNORECASE)


def _talks_about_items(text: str) -> bool:
    if _INTENT_RE.match(text):
        return False  # "The intent of this recommendation is …": the item's own opening
    if COUNT_RE.search(text) or KIND_DEFINED_RE.match(text) or _CALLS_IT_RE.search(text):
        return True
    if _ITEMS_AS_SUBJECT_RE.match(text):
        first = text[: len(text) - len(_after_first_sentence(text))]
        if not directs(first):
            return True
    rest = _WHO_ACTS_RE.sub("", TALK_ABOUT_RE.sub("", text))
    return bool(TALK_ABOUT_RE.search(text)) and not directs(rest)


# How a report says it classes what it finds: "… we report it as a cause of concern"
_CALLS_IT_RE = re.compile(
    r"\b(?:I|we)\s+(?:will\s+)?(?:report|record|describe|class|treat)\s+(?:it|this|them|these)\s+"
    r"as\s+(?:an?\s+)?(?:causes?\s+of\s+concern|areas?\s+for\s+improvement|recommendations?)\b",
    re.IGNORECASE,
)


# An investigation body's statement of what a recommendation is for, printed before or after
# it as part of the item
_INTENT_RE = re.compile(
    r"^(?:\d{1,3}[.)]?\s+)?(?:the )?(?:intent|aim|purpose|objective) of this (?:safety )?"
    r"recommendation is\b",
    re.I,
)


def _narrative_resumes(block: Block, item_x0: float) -> bool:
    """A plain paragraph at the item's margin that asks nothing of anyone: the report's prose."""
    text = block.raw_text
    if _opens_list(text):
        return False  # "The following actions are for …": a lead-in to what follows
    at_margin = block.label is None and abs(block.first.x0 - item_x0) <= 4
    if at_margin and (_talks_about_items(text) or is_process(text)):
        return True  # about the items, or what to tell us of them: the report's own prose
    if at_margin and not block.first.in_box and REPORTED_RE.match(text):
        return True  # "Partners told us that …": others' views, whatever they say should be
    text = re.sub(r"\b(?:we|I|the inspectorate) will\b", "", text, flags=re.IGNORECASE)
    return (
        block.label is None
        and abs(block.first.x0 - item_x0) <= 4
        and not block.first.in_box
        and not text.rstrip().endswith(":")
        and not directs(text)
        and not opens_with_imperative(text)
        and not re.search(r"\b(?:will|within|by \d|immediately)\b", text, re.IGNORECASE)
    )


_FOR_RE = re.compile(r"^For (?P<rest>(?:the |all |each |every )?[\w(][^.;,]{2,80}?):?$")


def _is_for_heading(text: str) -> bool:
    """A heading "For the Home Office" / "For chief constables" over the items for that body
    (not "For example", "For the future", "For victims")."""
    m = _FOR_RE.match(text)
    if m is None or len(text.split()) > 10 or directs(text):
        return False
    rest = m.group("rest")
    words = rest.split()
    named = words[1] if words[0].lower() in TO_DETERMINERS and len(words) > 1 else words[0]
    return named[:1].isupper() or any(
        rest.lower().startswith(alias) for alias in lowercase_aliases(active_bodies_file())
    )


def _without_plain_conclusions(out: list[Candidate], mixed: set[int]) -> list[Candidate]:
    """In a section of conclusions and recommendations that sets its recommendations in bold,
    the plain numbered paragraphs before its first bold one are conclusions too."""
    bold = {c.cluster for c in out if c.cluster in mixed and _all_bold(c.blocks)}
    return [
        c
        for c in out
        if c.cluster not in bold
        or _all_bold(c.blocks)
        or not c.blocks
        or c.blocks[0].label_kind != "number"
        or any(b.lines[0].bold for b in c.blocks)
    ]


def _all_bold(blocks: Sequence[Block]) -> bool:
    """True when there are blocks and every line of them is set in bold."""
    return bool(blocks) and all(ln.bold for b in blocks for ln in b.lines)


def _narrative_numbered(current: Candidate, block: Block) -> bool:
    """True for a paragraph numbered like the labelled item above it that is the narrative
    resuming: "Recommendation 4.7: …", then "4.8 Call handlers were polite" (numbered like it
    but not labelled like it, and asking nothing), or one counting the items ("1.10 We also
    identified nine areas for improvement")."""
    text = block.text
    named = current.named and not (directs(text) or opens_with_imperative(text))
    return named or _talks_about_items(text)


def _concern_titled(cand: Candidate, block: Block) -> bool:
    """True for the paragraph under a cause of concern whose label gives only its title
    ("Cause of concern 1: Response to missing children"): the concern, stated, asks nothing."""
    return (
        cand.kind == "cause_of_concern"
        and len(cand.blocks) == 1
        and block.label is None
        and not _ends_sentence(cand)
        and len(cand.text().split()) <= 15
        and not block.text.rstrip().endswith(":")
    )


def _plain_after_bold(cand: Candidate, block: Block) -> bool:
    """True for a plain paragraph that asks nothing after an item set wholly in bold."""
    bold = _all_bold(cand.blocks)
    plain = not any(ln.bold for ln in block.lines) and block.label is None
    return bold and plain and _ends_sentence(cand) and not directs(block.raw_text)


# A placeholder of a template, in square brackets: "[date]", "[organisation]", "[month year]";
# or an example marked as one ("Illustration only – not a real recommendation")
_TEMPLATE_RE = re.compile(
    r"\[(?:[a-z]+\s){0,2}(?:date|month|year|organi[sz]ation|body|action|outcome|timescale|"
    r"name|x)\]|\b(?:illustration|example)s?\s+only\b|"
    # a mail merge's unfilled field: "«Report_Title»"
    r"«\w+»|"
    r"\bnot\s+a\s+real\s+(?:recommendation|area\s+for\s+improvement|cause\s+of\s+concern)\b",
    re.I,
)


def _ends_sentence(cand: Candidate) -> bool:
    """True when the candidate's text so far ends a sentence."""
    last = cand.blocks[-1].raw_text if cand.blocks else ""
    return bool(re.search(r"[.!?][’”'\")]?\s*$", last))


def _bold_label_run_in(line: Line) -> str:
    """A line's text, with a colon after a bold label run into plain text ("**Area for
    improvement** Police forces should …" reads as "Area for improvement: Police …")."""
    head = line.text[: line.bold_head].strip()
    plain = not head.endswith(":") and not line.text[line.bold_head :].lstrip().startswith(":")
    if 0 < line.bold_head < len(line.text) and plain and BARE_LABEL_RE.fullmatch(head):
        return f"{head}: {line.text[line.bold_head :].strip()}"
    return line.text


def _under_caption(current: Candidate, block: Block) -> bool:
    """True for the block set right under an item's caption naming its kind ("A repeated
    recommendation: a standard handover form"), or under a concern's title: the item's text,
    however plainly it states."""
    return _concern_titled(current, block) or (
        len(current.blocks) == 1
        and _is_title(current.blocks[0])
        and _CAPTION_RE.search(current.blocks[0].raw_text) is not None
        and _just_above(current.blocks[0], block)
    )


def _just_above(above: Block, block: Block) -> bool:
    """True when a block begins on the line under another's last line."""
    last, first = above.lines[-1], block.first
    return last.page == first.page and 0 <= first.top - last.bottom < 2 * first.size


def _one_sentence_list(heading: str, block: Block) -> bool:
    """True for bullets that finish one sentence ("• make sure it has …;") under a heading
    naming one item ("Recommendation", not "Recommendations")."""
    singular = re.fullmatch(
        r"\s*(?:recommendation|area for improvement|cause of concern|action)\s*:?\s*",
        heading,
        re.IGNORECASE,
    )
    words = block.text.split()
    return bool(singular) and block.label_kind == "bullet" and bool(words) and words[0].islower()


def _parent_for(kind: ItemKind, number: str | None, cause: str | None) -> str | None:
    """4a belongs to 4 (and R5a to R5); a recommendation under a cause of concern belongs to
    that cause."""
    m = re.match(r"((?:[A-Z]{1,3}-?)?\d+)\s*[a-z(]", number or "")  # "R5a" belongs to R5 too
    if m:
        return m.group(1)
    return cause if kind == "recommendation" else None


def _heading_bottoms(lines: Sequence[Line], body: float) -> dict[int, list[float]]:
    """Where each page's headings (short lines in bold or display type) end."""
    bottoms: dict[int, list[float]] = {}
    for ln in lines:
        if (ln.bold or ln.size >= body + 1.5) and len(ln.text.split()) <= 12:
            bottoms.setdefault(ln.page, []).append(ln.bottom)
    return bottoms


def split_items(doc: DocumentText, settings: ExtractorSettings = DEFAULT_SETTINGS) -> list[Item]:
    """Find every item in a document once, with number, text and pages as printed."""
    with extra_bodies(settings.bodies_file):
        if not doc.lines:
            return []
        body = body_size(doc.lines)
        lines = sub_numbers(
            coded_entries(
                margin_labels(
                    mark_soft_hyphens(
                        repair_misread_keywords(drop_footnotes(drop_contents(doc.lines), body))
                    ),
                    body,
                )
            )
        )
        lines = inverted_labels(lines)
        actions = pages_with_actions(lines, body)
        runs = item_tables(doc.tables, doc.page_heights, actions, _heading_bottoms(lines, body))
        fill_open_rows(runs, doc.lines)  # as printed: before margin labels join their text
        claimed = {id(t) for run in runs for t in run.tables}
        answers = answer_tables([t for t in doc.tables if id(t) not in claimed])
        claimed |= {id(t) for t in answers}
        label_cands, label_tables = label_table_candidates(
            [t for t in doc.tables if id(t) not in claimed]
        )
        read = [*(t for r in runs for t in r.tables), *label_tables, *answers]
        lines = [ln for ln in lines if not in_tables(ln, read)]
        lines = continue_tables_on_lines(runs, lines, doc.page_heights)
        lines = fill_header_only_tables(runs, doc, lines, body)
        table_cands, used = text_table_candidates(lines, body)
        blocks = make_blocks([ln for i, ln in enumerate(lines) if i not in used])
        tables_led_in(runs, blocks)
        candidates = with_responses(_labelled_and_sectioned(blocks, body), blocks)
        candidates = bold_extent(candidates, blocks)
        candidates += lead_in_lists(blocks, candidates)
        candidates += trailing_labels(blocks) + ordinal_recommendations(blocks)
        candidates += announced_recommendations(blocks) + minute_recommendations(blocks)
        candidates += midparagraph_labels(blocks)
        candidates += bold_closings(blocks, candidates)
        candidates += bold_openings(blocks, candidates)
        candidates = carried_over(trailing_codes(candidates, blocks), blocks)
        candidates += table_candidates(runs) + label_cands + table_cands
        candidates = findings_in_brief(pointed_summaries(candidates, blocks))
        candidates = trailing_fields(record_fields(candidates, blocks))
        candidates = fields_under_items(field_rows_under_items(candidates, doc.tables), doc.tables)
        candidates = titles_timing(runs, candidates)
        if sum(c.kind == "recommendation" and not _a_tables_title(c) for c in candidates) < 2:
            # no list of recommendations found (a summary table of titles points to them):
            # "We recommend …" paragraphs may be them
            standalone = standalone_recommendations(blocks)
            numbered = numbered_asks(blocks)
            # "We recommend …" paragraphs, or the numbered paragraphs that ask when they are more
            # (the bold ones, when the asks are set in bold among plain paragraphs that ask too)
            candidates += _set_in_bold(numbered, standalone) or (
                numbered if len(numbered) > len(standalone) else standalone
            )
            candidates += labelled_asks(blocks) if not (numbered or standalone) else []
        candidates += asks_in_prose(blocks, candidates)
        candidates += announced_lists(blocks, candidates)
        candidates = split_asks(drop_titles(numbered_sections(chapter_paragraphs(candidates))))
        candidates = pointers_to_items(findings_answered(candidates))
        candidates = [
            c
            for c in map(_without_trailing_lead, without_process(candidates))
            if not _TEMPLATE_RE.search(c.text()) and not _LEAD_ONLY_RE.search(c.text())
        ]
        return number_from_leading_labels(_finalise(_prefer_labelled(candidates)))


def _without_trailing_lead(cand: Candidate) -> Candidate:
    """A concern whose last paragraph leads in the asks under it ("To address this cause of
    concern, … the force should:"): the concern without that lead-in, which is theirs."""
    last = cand.blocks[-1] if len(cand.blocks) > 1 else None
    if cand.kind != "cause_of_concern" or last is None or not _LEAD_ONLY_RE.search(last.raw_text):
        return cand
    return replace(cand, blocks=cand.blocks[:-1])


def _set_in_bold(numbered: list[Candidate], standalone: list[Candidate]) -> list[Candidate]:
    """The asking paragraphs set in bold, when there are two or more and some that ask are
    plain (a submission prints its recommendations in bold among its argument)."""
    seen: set[int] = set()
    asks = []
    for cand in (*numbered, *standalone):
        if id(cand.blocks[0]) not in seen:
            seen.add(id(cand.blocks[0]))
            asks.append(cand)
    bold = [c for c in asks if _all_bold(c.blocks)]
    return bold if len(bold) >= 2 and len(bold) < len(asks) else []


# A lead-in waiting for its list ("19 The Home Office, as the department responsible, should:"):
# the entries under it are the items, never the lead-in alone
_LEAD_ONLY_RE = re.compile(r"\b(?:should|must|needs? to|will|ought to)\s*:\s*$")


def _labelled_and_sectioned(blocks: list[Block], body: float) -> list[Candidate]:
    """Read the blocks in order: labelled items, and the entries of sections of items."""
    keyed = [((ln.page, ln.column, round(ln.top)), ln) for b in blocks for ln in b.lines]
    rows = Counter(key for key, _ in keyed)
    shared = frozenset(k for k, n in rows.items() if n > 1)
    rated = frozenset(
        key for key, ln in keyed if key in shared and STATUS_CELL_RE.fullmatch(ln.text.strip())
    )
    splitter = _Splitter(body, shared_rows=shared, rated_rows=rated)
    for block in blocks:
        splitter.feed(block)
    splitter.close()
    return splitter.out


@dataclass(slots=True)
class _Splitter:
    """The reading state while blocks go by: the section, list and item in force."""

    body: float
    shared_rows: frozenset[tuple[int, int, int]] = frozenset()  # rows of several cells
    rated_rows: frozenset[tuple[int, int, int]] = frozenset()  # rows with a status cell
    out: list[Candidate] = field(default_factory=list)
    cluster: int = 0
    current: Candidate | None = None  # a labelled item being collected
    section: ItemKind | None = None
    section_strength: float = 0.0
    mixed: bool = False  # a "conclusions and recommendations" section: only directive paragraphs
    mixed_clusters: set[int] = field(default_factory=set)  # the lists such sections hold
    lead_in: str | None = None
    timing: str | None = None
    parent_number: str | None = None
    narrative_words: int = 0
    item_x0: float = 0.0
    list_x0: float | None = None
    section_items: int = 0
    # a bare "Recommendation" heading, no number yet: its kind, text and block
    pending: tuple[ItemKind, str, Block] | None = None
    pending_lead: Block | None = None  # the lead-in under that heading ("By May, X should:")
    pending_paragraph: bool = False  # a numbered paragraph has led in under that heading
    group: tuple[int, int] | None = None  # "Recommendations 4 to 6": the numbers it labels
    # the section's heading is the plural label ("Areas for improvement"), in a panel or not
    boxed_label: tuple[bool, bool] = (False, False)  # (so headed, the heading in a panel)
    heading: Block | None = None  # the last heading read that opened no section
    titled: Candidate | None = None  # the last numbered item that is only a title so far
    responsible: str | None = None  # a "To the Home Office" line over a group of items
    for_style: tuple[float, bool] | None = None  # (size, bold) of a "For the X" group heading
    by_lead_in: bool = False  # the section is a list a paragraph opened ("we recommend that:")
    numbered_lead: bool = False  # the lead-in in force is a numbered paragraph ("17 We recommend:")
    lead_number: str | None = None  # that paragraph's number ("17")
    section_by_label: bool = False  # the section in force is one a labelled item opened
    # a numbered entry recommending to one body ("8.3 I recommend that the Home Office:"):
    # its margin and text, the lead-in of the entries set in under it
    addressed: tuple[float, str] | None = None
    paragraph: Block | None = None  # in a conclusions section: the numbered paragraph in force
    bold_seen: bool = False  # in a conclusions section: its recommendations are set in bold
    greeted: bool = False  # a letter's "Dear …" was the last text read: its subject line is next
    exhibit: bool = False  # in a box captioned "Box 7.1: …" that names no kind of item
    restated: Block | None = None  # a numbered ask read outside any section: a response may follow
    earlier: bool = False  # under a heading over earlier reports' items and what became of them
    earlier_strength: float = 0.0  # that heading's rank: headings below it do not end it
    quoting: bool = False  # under a heading that labels another report's item ("… (2024)")
    examples: bool = False  # under a sentence saying the items below are made-up examples
    glossary: float | None = None  # under a glossary's heading: that heading's strength
    progress: float | None = None  # under a heading over progress on items: its strength
    none_made: bool = False  # after "we make no recommendations in this report", to a heading
    # after "3.1 A cause of concern is …": the section explains the kind, to a heading
    explained: bool = False
    commenting: bool = False  # under "Commissioner's comment", to a heading or a label
    prev_number: str | None = None  # the number of the last numbered block read
    number_before: str | None = None  # and the one before the block being read
    timing_strength: float = 0.0  # the rank of the timing heading in force ("Immediately")
    categories: bool = False  # a list grouped under "recommendations", "comments" … lines
    list_column: int | None = None  # the column of the lead-in whose list is in force
    section_number: str | None = None  # the number of the heading that opened the section
    sent_to_label: Line | None = None  # a "Sent to" field's label, its cell of bodies next
    sent_to: str | None = None  # the bodies that field lists, owners of the items under it
    answering: str | None = None  # the number of the item whose numbered response is read

    def candidate(
        self,
        kind: ItemKind,
        number: str | None,
        parent: str | None,
        blocks: list[Block],
        labelled: bool = False,
    ) -> Candidate:
        """A candidate carrying the list context in force (lead-in, timing, responsible body)."""
        return Candidate(
            kind=kind,
            number=number,
            parent=parent,
            blocks=blocks,
            cluster=self.cluster,
            lead_in=self.lead_in,
            timing=self.timing,
            responsible=self.responsible or self.sent_to,
            labelled=labelled,
        )

    def close(self) -> None:
        """Finish the labelled item being collected."""
        if self.current is not None and self.current.text().strip() and not self._comment():
            self.out.append(self.current)
        self.current = None
        self.out = _without_plain_conclusions(self.out, self.mixed_clusters)

    def _comment(self) -> bool:
        """True for a label's text under a heading over progress that asks nothing ("Recommendation
        1" / "Thirty-one forces told us …"): commentary on the item, not the item restated."""
        cur = self.current
        if cur is None or self.progress is None or not cur.labelled or not cur.blocks:
            return False
        opening = f"{cur.lead_in or ''} {cur.blocks[0].text}"
        return not (directs(opening) or opens_with_imperative(cur.blocks[0].text))

    def feed(self, block: Block) -> None:
        """Take the next block."""
        text, first = block.raw_text, block.first
        self._read_number(block)
        group_due = _GROUP_DUE_RE.match(text) if block.label is None else None
        if group_due is not None:
            self.timing = group_due.group("when")  # "These recommendations should be …"
            return
        if self._takes_fields(block, text):
            return
        heading = _is_heading(block, self.body)
        if self._sent_to_field(block, text, heading):
            return
        if self._in_answer(block):
            return
        if self._quoted(block, text, heading):
            return
        if self._subject_line(block, text, heading):
            return
        self._answered(block, text)
        label = LABEL_RE.match(first.text) if label_ok(first, self.body) else None
        if label is None:
            label = self._code_label(block, text, heading)
        if label is not None and ANOTHER_REPORTS_RE.match(label.group("rest")):
            label = None  # "Recommendation 1, March 2024 report": a quotation of that report
            if heading:  # "Cause of concern 1 (2024)" heads that concern's own asks, quoted too
                self.close()
                self.quoting = True
                return
        if label is not None and (
            MORE_NUMBERS_RE.match(label.group("rest"))
            or (label.group("sep") in _DASHES and label.group("rest")[:1].isdigit())
        ):
            # "Recommendations 3 to 5: quick wins" heads a group of items, labelled by it
            self.group = _label_range(label.group("num"), label.group("rest"))
            label = None
        inline = None if label is not None else INLINE_LABEL_RE.match(_bold_label_run_in(first))
        if (
            inline is not None
            and label_kind(inline.group("kw")) == "action"
            and _ACTION_NOTE_RE.match(inline.group("rest"))
        ):
            return  # "ACTION: OPCC to include the data in the next report": a meeting's note
        if label is None and inline is not None and first.text[:1].isupper():
            label = inline
        if label is None and block.label_kind == "number":
            label = NUMBERED_RUN_IN_RE.match(first.text)  # "2.1 Key concern: …"
        if self.earlier:
            label = None  # "Recommendation: …" under "Progress on the last report's …": quoted
        if label is not None and self._rated(first, label):
            return
        if label is not None:
            self._open_labelled(block, label, numbered=label is not inline)
            return
        if self.pending is not None and self._after_bare_label(block, text, self.pending):
            return
        bare = self._bare_label(block, text) if heading else None
        if bare is not None and EARLIER_ITEMS_RE.search(text[: bare.start("kw")]):
            bare = None  # "Original cause of concern": the earlier report's, reprinted
        if bare is not None and self._tags_the_entry_above(block):
            return  # "Main recommendation" set in under entry 7.1: a mark on it
        if bare is not None and len(block.lines) == 1 and self._shares_row(block):
            return  # "Area for improvement | Page": a table's header, no label of one item
        if bare is not None:
            self.close()
            self.pending = (label_kind(bare.group("kw")), text, block)
            return
        if self._to_line(block, text, heading):
            return
        if self.current is not None and self._continue_labelled(block, heading, self.current):
            return
        if self._at_category(block, text):
            return
        if heading and self._at_heading(block, text):
            return
        if self.section is None:
            self._outside_section(block, text)
            return
        self._in_section(block, text, self.section)

    def _read_number(self, block: Block) -> None:
        """Note the block's paragraph number, keeping the one read before it."""
        self.number_before = self.prev_number
        if block.label_kind == "number":
            self.prev_number = block.label

    def _bare_label(self, block: Block, text: str) -> re.Match[str] | None:
        """A heading that is a kind's label alone ("Area for improvement"), also when numbered
        as the next paragraph of its chapter ("2.4 Area for improvement" after 2.3): then it
        labels the paragraph under it, as a label does, and heads no section."""
        if block.label_kind == "number" and follows_on(self.number_before or "", block.label):
            return BARE_LABEL_RE.fullmatch(block.text.strip())
        return BARE_LABEL_RE.match(text)

    def _to_line(self, block: Block, text: str, heading: bool) -> bool:
        """True for a line naming whom the items under it are for ("To the Home Office",
        "5.1 To the Government of Istravia", a "For …" heading): it sets their owner."""
        numbered = heading and block.label_kind == "number" and is_to_line(block.text)
        if not numbered and (
            block.label is not None
            or not (is_to_line(text) or (heading and self._for_heading(block, text)))
        ):
            return False
        said = block.text if numbered else text
        self.responsible = said.split(None, 1)[1].strip().rstrip(":")
        if self.current is not None and not self.current.blocks:
            self.current.responsible = self.responsible
        return True

    def _quoted(self, block: Block, text: str, heading: bool) -> bool:
        """True for a block that is no item of this report: a glossary's terms, a captioned
        exhibit's content and someone's comment on an item (see `_in_glossary`, `_in_exhibit`,
        `_in_comment`); made-up examples under a sentence
        saying so, up to the next heading; the text, lead-in and list under a label quoting
        an earlier report's item ("Cause of concern 1 (2024)") up to the next heading or label;
        anything under a heading over earlier items ("Progress on the 2023 recommendations")."""
        if self._in_glossary(block, text, heading) or self._in_exhibit(block, text, heading):
            return True
        if self._in_comment(block, text, heading):
            return True
        if heading:
            self.none_made = self.explained = False
        elif self.none_made or NONE_MADE_RE.search(text):
            # "… we make no recommendations in this report": what follows it in the section
            # ("We encourage forces to consider …") is no item either
            self.none_made = True
            return True
        if heading:
            # a heading ends made-up examples, unless it heads another of them
            self.examples = self.examples and bool(_EXAMPLE_HEADING_RE.match(text))
        elif self.examples or _EXAMPLES_RE.search(text):
            self.examples = True  # "These examples are made up to show the format we use."
            return True
        # the label test only where it decides something: a heading, or while quoting
        labelled = (heading or self.quoting) and bool(LABEL_RE.match(block.first.text))
        if self.quoting and not (heading or labelled):
            return True
        self.quoting = False
        if heading and not labelled and self._under_earlier(block, text):
            return True  # "Cause of concern", "Recommendations" under "… from October 2024"
        return self.earlier and not heading  # the earlier items, their lead-ins and lists

    def _in_comment(self, block: Block, text: str, heading: bool) -> bool:
        """True for a line heading someone's comment on an item ("Commissioner's comment",
        "Chief Constable's response") and the unlabelled paragraphs under it, up to the next
        heading or label: what they say should happen answers the item, asks nothing new."""
        if block.label is None and len(block.lines) == 1 and _COMMENT_HEAD_RE.match(text.strip()):
            self.commenting = True
            return True
        if self.commenting and (
            heading or block.label is not None or LABEL_RE.match(block.first.text)
        ):
            self.commenting = False
        return self.commenting

    def _in_exhibit(self, block: Block, text: str, heading: bool) -> bool:
        """True in a box captioned as an exhibit that names no kind of item ("Box 7.1: What
        the law already requires"): what it quotes or illustrates, up to the box's end."""
        if heading:
            self.exhibit = (
                block.first.in_box
                and bool(_EXHIBIT_RE.match(text))
                and not _KIND_WORD_RE.search(text)
            )
            return self.exhibit
        self.exhibit = self.exhibit and block.first.in_box
        return self.exhibit

    def _in_glossary(self, block: Block, text: str, heading: bool) -> bool:
        """True under a glossary's heading ("Annex: Glossary"), up to a heading as strong: its
        terms ("Cause of concern" / "A serious shortcoming …") define kinds, none is an item."""
        strength = _strength(block.first, text) if heading else 0.0
        if heading and self.glossary is not None and strength >= self.glossary - 0.3:
            self.glossary = None
        if heading and GLOSSARY_HEADING_RE.match(text):
            self.close()
            self.glossary = strength
        return self.glossary is not None

    def _rated(self, first: Line, label: re.Match[str]) -> bool:
        """True for a label rated in its row: "AFI 1: stop and search | Addressed | Closed",
        "Recommendation 2: risk assessment – Partially achieved": an earlier item, rated."""
        return (first.page, first.column, round(first.top)) in self.rated_rows or bool(
            _RATED_RE.search(label.group("rest"))
        )

    def _list_ends(self, block: Block, text: str) -> bool:
        """True when a block ends the list in force: the numbered lead-in's next paragraph
        (read as running text), or a paragraph announcing definitions (their terms no items)."""
        sibling = self._after_lettered_entries(block)
        if not sibling and not (block.label is None and _DEFINITIONS_RE.search(text)):
            return False
        self.close()
        self.section = None
        if sibling:  # "5." after "4. … makes the following recommendations:" and its (a) … (g)
            self._outside_section(block, text)
        return True

    def _after_lettered_entries(self, block: Block) -> bool:
        """True for a paragraph numbered next after the numbered lead-in whose lettered
        entries went before it."""
        lead = self.lead_number if self.numbered_lead else None
        last = self.current if self.current is not None else (self.out[-1] if self.out else None)
        return (
            lead is not None
            and block.label_kind == "number"
            and last is not None
            and last.cluster == self.cluster
            and _bare_letter(last.number)
            and follows_on(lead, block.label)
            # not the list's next ask ("7. We recommend that a log …" after "6. … that:")
            and not _RECOMMENDS_RE.search(block.text)
            and not re.search(r"\bshould\b", block.text)
        )

    def _open_lead_in(self, block: Block, text: str, numbered_lead: bool) -> None:
        """A lead-in opens the list under it: its timing, margin and kind; a meeting's
        "That the Authority:" or findings answered elsewhere close the section instead."""
        above = self.heading
        if text[:1].islower() and above is not None and _just_above(above, block):
            # "Within 12 months, the College of Policing" set as a heading, then "should:"
            text = f"{above.raw_text} {text}"
        if _MEETING_LEAD_RE.match(text) or _ANSWERED_ELSEWHERE_RE.search(text):
            # "That Cabinet: (a) approves …": the meeting's decisions; "the following key
            # concerns, which are the subject of our recommendations in section 7": findings
            self.section = None
            return
        if self.out and self.out[-1].cluster == self.cluster:
            self.cluster += 1  # another lead-in's list: its lettering may start again
        self.timing = self._lead_timing(text)
        self.lead_in, self.list_x0, self.list_column = text, block.first.x0, block.first.column
        self.numbered_lead = numbered_lead
        self.lead_number = block.label if numbered_lead else None
        if self.section in ("action", "cause_of_concern") and _RECOMMENDS_RE.search(text):
            # "Agreed action" over "I recommend the following"; after a cause of concern,
            # "To address it, we recommend that the force takes the following action"
            self.section = "recommendation"
        named = _NAMES_ITS_LIST_RE.search(text)
        if named is not None:  # "… also identified four areas for improvement. These are:"
            # a list of its own kind, with only its own timing
            self.section, self.timing = label_kind(named.group("kw")), timing_in(text)

    def _lead_timing(self, text: str) -> str | None:
        """The timing a new lead-in sets: its own, else the heading's in force; the timing the
        last lead-in stated governed only its own list ("I also recommend that chief
        constables:" after "… by 31 March 2026, every chief constable …:")."""
        inherited = self.timing
        if self.lead_in is not None and inherited == timing_in(self.lead_in):
            inherited = None
        return timing_in(text) or inherited

    def _answer_opens(self, block: Block, current: Candidate) -> bool:
        """True for "1.1 The government agrees …" under "1. Recommendation: …": the item ends,
        and its paragraphs numbered 1.1, 1.2 … answer it."""
        sub = bool(block.label and current.number and _sub_number(current.number, block.label))
        if not (sub and RESPONSE_OPENING_RE.match(block.text)):
            return False
        self.answering = current.number
        self.close()
        return True

    def _in_answer(self, block: Block) -> bool:
        """True for a paragraph numbered under an item whose response has begun ("1.2" after
        "1.1 The government agrees …"): the response goes on, up to another label."""
        if self.answering is None or not block.label:
            return False
        if _sub_number(self.answering, block.label):
            return True
        self.answering = None
        return False

    def _sent_to_field(self, block: Block, text: str, heading: bool) -> bool:
        """True for a "Sent to" field's label and the cell of bodies beside it: in a
        compilation of reports, those bodies own the items of the report it opens, up to the
        next such field or numbered heading."""
        label, self.sent_to_label = self.sent_to_label, None
        first = block.first
        if (
            label is not None
            and first.page == label.page
            and first.x0 > label.x1
            and abs(first.top - label.top) < 3
        ):
            self.sent_to = sent_to_bodies(block.lines)
            return True
        if block.label is None and len(block.lines) == 1 and SENT_TO_LABEL_RE.match(text.strip()):
            self.sent_to_label = first
            self.sent_to = None
            return True
        if heading and block.label_kind == "number":
            self.sent_to = None
        return False

    def _takes_fields(self, block: Block, text: str) -> bool:
        """ "Owner: Chief constables  Timescale: By 31 March 2026" under an item: who owns it
        and when it is due, not more of its text."""
        m = FIELDS_RE.match(text)
        last = self.current if self.current is not None else (self.out[-1] if self.out else None)
        if m is None or last is None or block.label is not None:
            return False
        if not last.blocks and last is not self.current:
            return False  # only a label just read takes fields before its text
        if last.blocks and block.first.page - last.blocks[-1].page_end > 1:
            return False
        who, when = m.group("who"), m.group("when") or m.group("only_when")
        last.responsible = who.strip(" ;|") if who else last.responsible
        last.timing = due_phrase(when.strip(" ;")) if when else last.timing
        return True

    def _own_paragraph(self, block: Block, text: str) -> bool:
        """True for a paragraph numbered under its section's heading number ("4.2" under "4.
        Cause of concern and recommendations") that asks nothing: the document's own
        paragraph numbering, where a concern's own words would also ask nothing."""
        number = self.section_number
        return (
            self.section == "cause_of_concern"
            and number is not None
            and block.label_kind == "number"
            and (block.label or "").startswith(f"{number.rstrip('.')}.")
            and not directs(text)
        )

    def _at_category(self, block: Block, text: str) -> bool:
        """A line that only names what follows in a list of several kinds ("recommendations",
        "comments", "requests for information"): the entries under it are items or not."""
        words = text.strip().rstrip(":").strip()
        if block.label is not None or len(block.lines) > 1:
            return False
        if self.categories and _is_topic_line(words):
            self.close()
            return True  # "Contact with the outside world": the topic the next group is on
        if len(words.split()) > 4:
            return False
        other = bool(_OTHER_CATEGORY_RE.fullmatch(words))
        kind = section_kind(words) if words[:1].islower() or self.categories else None
        if not (other or kind) or (self.section is None and not self.categories):
            return False
        self.categories = True
        self.close()
        self.section = None if other else kind
        if kind is not None:
            self.section_strength, self.cluster = 0.0, self.cluster + 1
        return True

    def _code_label(self, block: Block, text: str, heading: bool) -> re.Match[str] | None:
        """A code label ("R3") where the text asks, in a list of items under a lead-in ("We
        recommend that the force:" over "R1.1 Appoints a lead …"), alone as a heading, or
        over an order in a section of items."""
        first = block.first
        if not (
            CODE_LABEL_RE.match(first.text)
            or _LETTERED_CODE_RE.match(first.text)
            or ACTION_CODE_RE.match(first.text)
        ):
            return None  # no code at the line's start: the costlier tests below cannot help
        if (
            directs(text)
            or self._listed_under_lead_in(heading, text)
            or self._who_acts_above() is not None
        ):
            return CODE_LABEL_RE.match(first.text) or self._lettered_code(first.text)
        alone = CODE_LABEL_RE.match(first.text) if heading and len(block.lines) == 1 else None
        if alone is not None and (
            not alone.group("rest") or re.fullmatch(REVISION_NOTE, alone.group("rest"), re.I)
        ):
            return alone  # "FR1" set as a heading over its item
        if self.section is None:
            return None
        # "R1 Improve attendance …" in a section of items: a code over an order
        coded = CODE_LABEL_RE.match(first.text)
        if coded is None and self.section == "action":
            coded = ACTION_CODE_RE.match(first.text)
        rest = coded.group("rest") if coded else ""
        ordered = coded and (
            opens_with_imperative(rest) or coded.group("sep") or _RESOLVES_RE.match(rest)
        )
        return coded if ordered else None  # "Rec 6: My office will …": a code and colon

    def _lettered_code(self, text: str) -> re.Match[str] | None:
        """In a section of recommendations, a letter and number of the report's own coding
        over an ask ("E2 Evaluators should …" after "R1"–"R7"): the item's label."""
        coded = _LETTERED_CODE_RE.match(text) if self.section == "recommendation" else None
        return coded if coded is not None and directs(coded.group("rest")) else None

    def _who_acts_above(self) -> Candidate | None:
        """The entry just read when it only says who acts, and by when, and ends with a colon
        ("6.3 Within six months, the joint governance board should:")."""
        last = self.out[-1] if self.out and self.current is None else None
        if last is None or last.labelled or len(last.blocks) != 1:
            return None
        text = last.blocks[0].text.rstrip()
        numbered = last.blocks[0].label_kind == "number"
        return last if numbered and text.endswith(":") and names_only_who_acts(text) else None

    def _lead_in_from_entry(self) -> None:
        """Coded items ("R2 agree …") under a numbered paragraph that only says who acts: that
        paragraph is their lead-in, no item of its own."""
        above = self._who_acts_above()
        if above is not None:
            self.out.remove(above)
            self.lead_in = above.blocks[0].text.rstrip()
            self.timing = self._lead_timing(self.lead_in)

    def _under_earlier(self, block: Block, text: str) -> bool:
        """At a heading: True for one set below a heading over earlier reports' items (its
        items are theirs too); else the heading says whether earlier items follow it."""
        strength = _strength(block.first, text)
        if self.progress is not None and strength >= self.progress - 0.3:
            self.close()  # an item under the progress heading is judged by it
            self.progress = None
        if _reports_progress(text):
            self.close()  # the item above is judged as the heading above it says
            self.progress = strength
        if self.earlier and strength < self.earlier_strength - 0.3:
            return True
        self.earlier, self.earlier_strength = _reports_on_earlier_items(text), strength
        if self.earlier and _KIND_WORD_RE.search(text) and section_kind(text) is None:
            self.close()
            self.section = None  # the earlier items' own list is no list of this report's
        return False

    def _shares_row(self, block: Block) -> bool:
        """True when other cells stand on the block's line: a row of a table."""
        first = block.first
        return (first.page, first.column, round(first.top)) in self.shared_rows

    def _tags_the_entry_above(self, block: Block) -> bool:
        """True for a bare label indented under the numbered entry just made: it marks that
        entry ("Main recommendation"), and the next entry stands back at the margin."""
        last = self.out[-1] if self.out and self.current is None and self.pending is None else None
        if last is None or last.labelled or last.blocks[0].label_kind != "number":
            return False
        above = last.blocks[-1]
        return (
            above.lines[-1].page == block.first.page
            and block.first.top - above.lines[-1].bottom < 2 * block.first.size
            and block.first.x0 > last.blocks[0].first.x0 + 12
        )

    def _listed_under_lead_in(self, heading: bool, text: str) -> bool:
        """True for an entry (no heading, a capital after its label, no colon at its end)
        inside a section of items whose lead-in ends with a colon."""
        rest = text.split(None, 1)[1] if len(text.split(None, 1)) > 1 else ""
        lead = (self.lead_in or "").rstrip()
        # after "… the College should:" each entry goes on with its verb ("R1 publish …")
        opens = rest[:1].isupper() or (rest[:1].islower() and bool(SHOULD_COLON_RE.search(lead)))
        return (
            self.section is not None
            and lead.endswith(":")
            and not heading
            and opens
            and not text.rstrip().endswith(":")
        )

    def _open_labelled(self, block: Block, label: re.Match[str], numbered: bool) -> None:
        """A label ("Recommendation 3", "Recommendation:") opens an item."""
        if label.re is CODE_LABEL_RE:
            self._lead_in_from_entry()
        first = block.first
        self.pending = None
        self.close()
        kind = label_kind(label.group("kw"))
        if label.re is CODE_LABEL_RE and label.group("kw") == "R" and self.section == "action":
            kind = "action"  # "R1" in a section of requirements: a requirement's code
        number = label.group("num") if numbered else None
        if self._reopen_continued(block, kind, number):
            return
        if (
            number
            and label.re in (CODE_LABEL_RE, ACTION_CODE_RE)
            and first.text.startswith(label.group("kw") + number)
        ):
            number = label.group("kw") + number  # "R1.1" as printed, its code glued to it
        if self.narrative_words > 60:
            self.cluster += 1
        self.narrative_words = 0
        rest = label.group("rest").strip()
        if _READS_RE.fullmatch(rest):
            rest = ""  # "Recommendation 4 should read:" (a correction): the new text follows
        lines = list(block.lines)
        if rest:
            lines[0] = replace(first, text=rest)
        else:
            lines = lines[1:]
        self.current = self.candidate(
            kind,
            number,
            _parent_for(kind, number, self.parent_number),
            [Block(lines)] if lines else [],
            labelled=True,
        )
        self.current.run_in = not numbered
        self.current.named = label.re is LABEL_RE
        if label.re is LABEL_RE:
            self.current.series = label.group("prefix").strip().lower()
        if not lines:
            self.current.label_in_box = first.in_box
        if kind == "cause_of_concern":
            self.parent_number = number
        self.item_x0 = lines[0].x0 if lines else first.x0
        if numbered:  # "Cause of concern: …" run into its text labels one paragraph only
            self.section_by_label = self.section is None or self.section_by_label
            self.section = self.section or kind

    def _reopen_continued(self, block: Block, kind: ItemKind, number: str | None) -> bool:
        """ "Recommendation 5 (continued)" atop the next slide or page: the rest of item 5,
        which was the last one read. True when it is reopened."""
        if number is None or not _CONTINUED_RE.search(block.first.text):
            return False
        last = self.out[-1] if self.out else None
        if last is None or (last.kind, last.number) != (kind, number):
            return False
        self.current = self.out.pop()
        if len(block.lines) > 1:
            self.current.blocks.append(Block(list(block.lines[1:])))
        return True

    def _after_bare_label(
        self, block: Block, text: str, pending: tuple[ItemKind, str, Block]
    ) -> bool:
        """The block after a bare "Recommendation" heading: its lead-in or the item itself;
        a bulleted list under it makes the heading a section of that kind."""
        kind, lead, heading = pending
        self.pending = None
        if block.label is None and KIND_DEFINED_RE.match(text):
            return True  # "Recommendation" / "A recommendation sets out …": a glossary's term
        again = BARE_LABEL_RE.fullmatch(text.strip())
        if again is not None and label_kind(again.group("kw")) == kind:
            # "Cause of concern" over a box labelled "Cause of concern": the box's label heads
            # the item, the heading above only its page
            self.pending = (kind, text, block)
            return True
        if self.pending_paragraph and block.label is None and _timed_lead(text):
            # "Action" / "18. To remedy this, the Council has agreed to:" / "Within one month,
            # the Council should:" over a list: each entry is an item of the heading's kind
            self.pending_paragraph = False
            self.close()
            self.section, self.section_strength = kind, 0.0
            self.lead_in, self.list_x0, self.section_items = text, block.first.x0, 0
            self.list_column = block.first.column
            self.by_lead_in, self.timing = True, timing_in(text) or self.timing
            self.cluster += 1
            return True
        self.pending_paragraph = False
        lead_in = (
            block.label is None
            and bool(LEAD_IN_RE.search(text) or FOLLOWING_RE.search(text))
            and not asks_in_full(text)
        )
        if lead_in or (block.label_kind == "number" and _opens_list(text)):
            # "32. To remedy this, I recommend the following." under "Agreed action": the
            # paragraph leads in the items, which it says are recommendations
            self.lead_in = block.text if block.label else text
            if _RECOMMENDS_RE.search(text):
                kind = "recommendation"
            self.pending = (kind, lead, heading)
            self.pending_lead = None if block.label else block
            self.pending_paragraph = block.label is not None
            return block.label is not None
        lead_block, self.pending_lead = self.pending_lead, None
        if lead_block is not None and _one_sentence_list(lead, block):
            # "Recommendation" over "Within three months, the force should:" and bullets
            # finishing that sentence: one item, its bullets inside it
            self.close()
            self.current = self.candidate(
                kind, None, _parent_for(kind, None, self.parent_number), [lead_block, block],
                labelled=True,
            )  # fmt: skip
            self.current.lead_in, self.current.whole = None, True
            self.item_x0 = lead_block.first.x0
            return True
        if block.label_kind == "bullet" and section_kind(lead) == kind:
            self._at_heading(heading, lead)  # "Area for improvement" over "• The force should …"
            return False
        if block.label_kind not in ("number", None):
            return False
        self.close()
        number = block.label.rstrip(".") if block.label else None
        self.current = self.candidate(
            kind, number, _parent_for(kind, number, self.parent_number), [block], labelled=True
        )
        self.item_x0 = block.first.x0
        return True

    def _answered(self, block: Block, text: str) -> None:
        """A numbered ask read outside any section, then its response ("12. The Home Office
        should …" over "Government response"): a restated recommendation, an item."""
        prev, self.restated = self.restated, None
        answers = _RESPONSE_HEAD_RE.match(text.strip()) or RESPONSE_OPENING_RE.match(text)
        taken = any(prev is b for c in self.out for b in c.blocks)
        if prev is not None and answers and not taken and prev.label is not None:
            self.out.append(self.candidate("recommendation", prev.label, None, [prev]))
            return
        outside = self.section is None and self.current is None and self.pending is None
        # its first sentence asks (not a paragraph reporting views that quotes an ask)
        body = block.text  # without its number: "12. The Home Office should …"
        first = body[: len(body) - len(_after_first_sentence(body))]
        if outside and block.label_kind == "number" and directs(first):
            self.restated = block

    def _subject_line(self, block: Block, text: str, heading: bool) -> bool:
        """True for a letter's subject line, the heading under "Dear …" ("Accelerated cause of
        concern: strip search of children"): the letter's title, which opens no section
        unless it is only a kind's name ("Recommendations")."""
        greeted, self.greeted = self.greeted, is_salutation(block.first.text)
        if not (greeted and heading and block.label is None):
            return False
        if section_kind(text) is None or _PLURAL_LABEL_RE.fullmatch(text.strip()):
            return False
        self.heading = block
        return True

    def _lead_in_after(self, block: Block, current: Candidate) -> bool:
        """A lead-in after an item's text ("To address this cause of concern, we recommend
        that:") ends the item and opens the list of those that answer it."""
        titled_only = len(current.blocks) == 1 and _is_title(current.blocks[0])
        if (
            not current.blocks
            or block.label is not None
            or not _opens_list(block.raw_text)
            or (current.kind == "recommendation" and titled_only)  # its own lead-in: its text
        ):
            return False
        self.close()
        self.section = None
        self._outside_section(block, block.raw_text)
        return True

    def _heading_ends(self, block: Block, current: Candidate) -> bool:
        """True for a heading that ends a labelled item: unnumbered, in display type, in
        capitals, or numbered in bold but no sub-item of it ("10.3 Single agency …")."""
        return (
            not block.label
            or block.first.size > self.body + 2
            or _numbered_capitals(block)
            or (
                block.first.bold
                and block.label_kind == "number"
                and not _sub_number(current.number or "", block.label)
            )
        )

    def _continue_labelled(self, block: Block, heading: bool, current: Candidate) -> bool:
        """A labelled item runs until a heading, an outdent back to running text, or narrative."""
        if len(block.lines) == 1 and _LINK_NOTE_RE.match(block.raw_text.strip()):
            return True  # "Linked to cause of concern 1" under the label: a note, not its text
        if not current.blocks and (heading or block.first.bold):
            if not _BARE_CAPTION_RE.fullmatch(block.raw_text.strip()):
                current.blocks.append(block)  # the item's own title line
            self.item_x0 = block.first.x0  # "The coroner's concern": a caption, no title
            return True
        if heading and self._heading_ends(block, current):
            self.close()  # a heading, numbered or not ("2. Working with police forces")
            return False
        if self._lead_in_after(block, current):
            return True
        if not current.blocks and _stray_reference(block, self.body):
            return True  # a letter's reference heading the next page ("CoP/HMI/25/044")
        if not current.blocks:
            states = directs(block.text) or current.kind == "cause_of_concern"
            if current.label_in_box and not block.first.in_box and not states:
                # a label and its text share a panel (a label may head a panel from above it):
                # one in a panel over text outside is a reference, unless that text asks, or
                # states the concern the label names (a label set in a shaded bar over its item)
                self.current = None
                return False
            current.blocks.append(block)
            self.item_x0 = block.first.x0
            return True
        if RESPONSE_OPENING_RE.match(block.raw_text) or OTHER_LABEL_RE.match(block.raw_text):
            # "Response: …" after a quoted item answers it; "Safety observation O/2026/037: …"
            # after a recommendation is another numbered thing: neither is ever an item
            self.close()
            return True
        if self._answer_opens(block, current):
            return True
        if current.whole and block.label_kind != "bullet" and _ends_sentence(current):
            self.close()  # the list that finished the item's sentence has ended
            return False
        if not _under_caption(current, block) and (
            _plain_after_bold(current, block) or self._back_to_prose(block, current)
        ):
            # "The force should …" in bold, then the plain paragraph explaining it; an outdent,
            # the panel left, or narrative at the item's margin
            self._left_the_box(block, current)
            self.close()
            return False
        if block.label and current.number and _sub_number(current.number, block.label):
            # "2.1", "2.2" under "Recommendation 2": its numbered sub-items, each an item, led
            # in by the item's own text ("… each of the following actions is for the MoJ")
            kind, lead_in = current.kind, " ".join(current.text().split())
            self.close()
            self.current = self.candidate(
                kind, block.label.rstrip("."), current.number, [block], labelled=True
            )
            self.current.lead_in = lead_in
            return True
        if (
            block.label_kind == "number"
            and block.label
            and current.number
            and _same_style(current.number, block.label)
            and block.label != current.number
        ):
            if _narrative_numbered(current, block):
                self.close()
                return False
            # The next numbered paragraph under the same label heading is its own item.
            kind, parent = current.kind, current.parent
            self.close()
            self.current = self.candidate(kind, block.label, parent, [block], labelled=True)
            self.current.lead_in = current.lead_in  # a sibling sub-item shares the lead-in
            return True
        if len(current.blocks) == 1 and _is_title(current.blocks[0]):
            # under the item's own title its text sets the margin: commentary set back at the
            # title's margin after an indented text is the report's, not the item's
            self.item_x0 = block.first.x0
        current.blocks.append(block)
        return True

    def _left_the_box(self, block: Block, current: Candidate) -> None:
        """A numbered paragraph after a boxed item the prose quotes: the prose's own numbering
        goes on, and the section the item's label opened ends."""
        boxed = current.blocks[-1].first.in_box and not block.first.in_box
        if boxed and current.labelled and block.label_kind == "number" and self.section_by_label:
            self.section = None

    def _back_to_prose(self, block: Block, current: Candidate) -> bool:
        """True when a block after a labelled item's text is the report's own prose again."""
        return (
            (block.first.x0 < self.item_x0 - 6 and block.first.page == current.blocks[-1].page_end)
            or (current.blocks[-1].first.in_box and not block.first.in_box)
            or _narrative_resumes(block, self.item_x0)
            # prose back at the margin of the item's own title, its text indented under it
            or (
                _is_title(current.blocks[0])
                and _narrative_resumes(block, current.blocks[0].first.x0)
            )
            or _after_run_in(current, block, self.item_x0)
        )

    def _for_heading(self, block: Block, text: str) -> bool:
        """A "For the X" heading over X's items; its siblings, set alike, head groups too."""
        style = (block.first.size, block.first.bold)
        if _is_for_heading(text):
            self.for_style = style
            return True
        # "For police forces", then "For probation regions": a body the registry does not know
        return style == self.for_style and bool(_FOR_RE.match(text)) and not directs(text)

    def _at_heading(self, block: Block, text: str) -> bool:
        """A heading opens a section of items, sets a timing, or closes the section."""
        first = block.first
        if (_opens_list(text) or _timed_lead(text)) and (
            self.section is None or SHOULD_COLON_RE.search(text) or text.rstrip().endswith(":")
        ):
            # a lead-in set like a heading ("By May, the Council should:", "We recommend
            # that:"), in a section of items ("Recommendations" / "By April, both chief
            # constables should:") or not
            return False
        opened = section_kind(text)
        title_size = first.size < self.body + 3  # a chapter's heading is set larger
        if opened is not None and opened == self.section and block.label_kind == "number":
            # "12. Giving effect to the recommendations": an item's own title; "10.3 Single
            # agency recommendations" names a list of them, a section of its own
            rest = text.split(None, 1)[-1]
            # "7.2 Recommendations for the Programme Board": a list for one body
            listed = _LIST_NAMED_RE.match(rest) or KIND_FOR_RE.match(rest)
            opened = None if title_size and not listed else opened
        if self._shares_row(block) and len(block.lines) == 1:
            opened = None  # "Status | Recommendations | Areas for improvement": a table's header
            if self.section is not None:
                return True  # "Ref | Action | Owner" repeated over the list's next page
        if opened is not None:
            logger.debug("p%d: %s section opened by %r", first.page, opened, text)
            # "Actions for the NPCC", "Recommendations for chief constables": whom they are for
            meant = KIND_FOR_RE.match(block.text.strip())  # past "7.2": the heading's words
            self.responsible = meant.group("who") if meant else None
            if opened in ("area_for_improvement", "action"):
                self.parent_number = None
            self.section, self.section_strength = opened, _strength(first, text)
            self.section_by_label = False
            self.section_number = block.label if block.label_kind == "number" else None
            self.by_lead_in = self.numbered_lead = False
            self.mixed = bool(
                re.search(r"conclusions|findings|observations|implications", text, re.IGNORECASE)
            )
            if self.mixed:
                self.mixed_clusters.add(self.cluster + 1)
            self.paragraph, self.bold_seen = None, False
            self.lead_in, self.list_x0, self.section_items = None, None, 0
            self.list_column = None
            self.timing, self.group = heading_due(text), None
            # a panel headed "Areas for improvement", as others are headed "Area for
            # improvement", labels its entries as those labels do
            plural = bool(_PLURAL_LABEL_RE.fullmatch(text.strip()))
            self.boxed_label = (
                plural and (first.in_box or first.size < self.body + 3),
                first.in_box,
            )
            self.cluster += 1
            self.narrative_words = 0
            return True
        due = heading_due(text) if self.section is not None else None
        if (TIMING_RE.match(text) or due) and self.section is not None:
            self.timing = due or PART_PREFIX_RE.sub("", text.rstrip(":").strip())
            self.timing_strength = _strength(first, text)
            self.heading = block
            if SHOULD_COLON_RE.search(text):
                self.lead_in = text  # "Within three months, the council should:" leads anew
            return True
        if _strength(first, text) >= self.timing_strength - 0.3:
            # a timing heading governs only the items under it, up to a heading as strong
            # (not an item's own "Force response" set smaller)
            self.timing = None
        if self.section is not None and (
            _strength(first, text) >= self.section_strength - 0.3
            or OTHER_SECTION_RE.match(text.strip().rstrip(":"))  # "Good practice", however set
        ):
            self.section = None
            self.parent_number = None
        if self.section is None:
            self.narrative_words += _word_count(text)
            self.heading = block
            return True
        return False

    def _outside_section(self, block: Block, text: str) -> None:
        """Running text: it may open a list ("we recommend the following:") or resume one."""
        last = self.out[-1] if self.out else None
        if (
            block.label_kind == "number"
            and last is not None
            and last.number is not None
            and follows_on(last.number, block.label)
            and directs(text)
            # not under a section that is no list's ("Financial implications")
            and not (
                self.heading is not None
                and OTHER_SECTION_RE.match(self.heading.raw_text.strip().rstrip(":"))
            )
        ):
            # 12.6, a paragraph of narrative, then 12.7: the numbered list goes on
            self.section = last.kind
            self._in_section(block, text, last.kind)
            return
        timed = self.pending is None and _timed_lead(text)  # not a bare label's own lead-in
        required = block.label_kind in (None, "number") and bool(_REQUIRED_STEPS_RE.search(text))
        # "4. … the Tribunal makes the following recommendations:", numbered, leads in too
        opens = block.label is None or required or _numbered_lead(block, text)
        if opens and (_opens_list(text) or timed or required):
            logger.debug("p%d: list opened by %r", block.first.page, text)
            # "… the following areas for improvement.": the kind the lead-in names, unless it
            # recommends them ("we recommend that the force takes the following action")
            following = FOLLOWING_RE.search(text)
            named = label_kind(following.group("kind")) if following else "recommendation"
            recommends = bool(_RECOMMENDS_RE.search(text))
            self.section = "action" if required else ("recommendation" if recommends else named)
            self.section_strength, self.section_by_label = 0.0, False
            self.timing = self._lead_timing(text)
            self.lead_in, self.list_x0, self.section_items = text, block.first.x0, 0
            self.list_column = block.first.column
            self.by_lead_in = True
            self.numbered_lead = block.label is not None
            self.lead_number = block.label
            self.cluster += 1
            return
        self.narrative_words += _word_count(text)

    def _in_section(self, block: Block, text: str, section: ItemKind) -> None:
        """Inside a section of items: continuations, lead-ins, sub-entries or a new entry."""
        if self._list_ends(block, text):
            return
        if TIMING_RE.match(text):
            self.timing = text.rstrip(":").strip()
            if SHOULD_COLON_RE.search(text):
                self.lead_in = text  # "Within one month of this report, the Trust should:"
            return
        if self.mixed and self._bold_among_conclusions(block, text, section):
            return
        if self._joins_previous(block, text):
            return
        if self._list_over(block):
            self.section = None  # prose back at the lead-in's margin after its labelled entries
            self._outside_section(block, text)
            return
        numbered_lead = _numbered_lead(block, text)
        if (
            (block.label is None and LEAD_IN_RE.search(text))
            or FOLLOWING_RE.search(text)
            or numbered_lead
            or _MEETING_LEAD_RE.match(text)  # "2.1 That the Authority:"
        ):
            self._open_lead_in(block, text, numbered_lead)
            return
        if self._not_an_entry(block, text):
            self._lead_in_over(block)
            return
        if self._sub_entry(block, section):
            return
        titled = self.titled
        if (
            block.label is None
            and titled is not None
            and self.out
            and self.out[-1] is titled
            and len(titled.blocks) == 1
        ):
            titled.blocks.append(block)  # the body under an item's own title line
            return
        number = block.label if block.label_kind in ("number",) else None
        if block.label_kind in ("letter", "roman") and (
            self.numbered_lead or self.parent_number is not None or self._lettered_list(block)
        ):
            # "a)" … "h)" under "17 We recommend:", or under a numbered cause of concern:
            # each its own item, numbered by its letter
            number = block.label
        if len(block.text.split()) < 4 and not _is_title(block):
            return  # a contents line or a caption, not an item
        self.section_items += 1
        parent = _parent_for(section, number, self.parent_number)
        headed, panel = self.boxed_label
        # under it, an entry in the same panel, numbered, or set apart in bold, is labelled
        boxed = headed and (
            (panel and block.first.in_box and number is not None)
            or (not panel and _all_bold([block]))
        )
        grouped = boxed or (self.group is not None and _in_range(number, self.group))
        addressed = self.addressed
        if addressed is not None and block.first.x0 <= addressed[0] + 2:
            # an entry back at the margin of "8.3 I recommend that the Home Office:": past
            # the list set in under it
            self.lead_in = None if self.lead_in == addressed[1] else self.lead_in
            self.addressed = None
        self.out.append(self.candidate(section, number, parent, [block], labelled=grouped))
        if block.label_kind == "number" and _ONE_ADDRESSEE_RE.search(text):
            # the body the entries set in under it are for
            self.lead_in, self.addressed = block.text, (block.first.x0, block.text)
        is_title = number is not None and _is_title(block)
        self.titled = (
            self.out[-1] if is_title else (titled if block.label_kind != "number" else None)
        )

    def _bold_among_conclusions(self, block: Block, text: str, section: ItemKind) -> bool:
        """In a section of conclusions and recommendations that sets its recommendations in
        bold: a plain numbered paragraph is a conclusion, and the bold sentences that follow a
        paragraph's plain opening are its recommendation. True when the block is handled."""
        bold = any(ln.bold for ln in block.lines)
        if block.label_kind == "number":
            self.paragraph = block
            self.bold_seen = self.bold_seen or bold
            return self.bold_seen and not bold
        paragraph = self.paragraph
        if block.label is not None or paragraph is None or not bold or not directs(text):
            return False
        if len(text.split()) <= 6 and not SENTENCE_END_RE.search(text):
            return False  # a heading ("We recommend"), not a paragraph's bold sentence
        if self.out and self.out[-1].blocks and self.out[-1].blocks[0] is paragraph:
            return False  # the paragraph is an entry already: this is more of it
        self.bold_seen = True
        self.section_items += 1
        parent = _parent_for(section, paragraph.label, self.parent_number)
        self.out.append(self.candidate(section, paragraph.label, parent, [block]))
        return True

    def _lettered_list(self, block: Block) -> bool:
        """True for an entry of a lettered list that runs from "a" (or "i"), under a lead-in
        or a heading, or goes on with the letter after the last entry's under the next lead-in
        ("HM Treasury should:" over "e"): a lone "(b)" restating one part of a list printed
        elsewhere is not numbered so."""
        last = self.out[-1] if self.out else None
        if last is not None and (_bare_letter(last.number) or _roman(last.number)):
            if last.cluster == self.cluster:
                return True
            previous = last.number or ""
            if len(previous) == 1 and block.label == chr(ord(previous) + 1):
                return True
            if _roman(previous) and _roman(block.label) == _roman(previous) + 1:
                return True  # "VII" under the next heading, after "VI"
        return block.label in ("a", "A", "i", "I")

    def _bold_entries(self) -> bool:
        """True when the section's last entry is set in bold (its commentary is not)."""
        last = self.out[-1] if self.out else None
        return last is not None and last.cluster == self.cluster and _all_bold(last.blocks)

    def _lead_in_over(self, block: Block) -> None:
        """Narrative back at a lead-in's margin after the entries it led in ends the lead-in,
        with its timing and group ("We recommend that by March 2027 the Home Office:")."""
        if (
            self.lead_in is not None
            and self.list_x0 is not None
            and block.label is None
            and block.first.x0 <= self.list_x0 + 4
            and len(block.raw_text.split()) >= 12  # a paragraph, not a running line
            and self.out
            and self.out[-1].lead_in == self.lead_in
            and self.out[-1].blocks[-1].page_end == block.first.page
        ):
            self.lead_in = self.timing = self.list_x0 = self.group = None
            self.list_column = None

    def _list_over(self, block: Block) -> bool:
        """True when a list a paragraph opened has had its labelled entries (bullets, letters)
        and an unlabelled paragraph stands at the lead-in's margin again."""
        return (
            self.by_lead_in
            and block.label is None
            and not STANDALONE_RE.match(block.raw_text)  # "I also recommend that …": an entry
            and self.list_x0 is not None
            and block.first.x0 <= self.list_x0 + 4
            and block.first.size >= self.body - 1  # smaller print: a running line or a caption
            and self.section_items > 0
            and all(c.blocks[0].label is not None for c in self.out if c.cluster == self.cluster)
        )

    def _joins_previous(self, block: Block, text: str) -> bool:
        """An unlabelled block that continues the entry before it (same entry, or indented)."""
        out = self.out
        if not out or block.label is not None or not self.section_items:
            return False
        if out[-1].cluster != self.cluster:
            return False
        if _follows(out[-1].blocks[-1], block) and not RESPONSE_OPENING_RE.match(text):
            out[-1].blocks.append(block)  # same entry, split only by a change of font
            return True
        last = out[-1].blocks[-1].lines[-1]
        if (
            block.first.x0 > out[-1].blocks[0].first.x0 + 4
            and (block.first.page != last.page or block.first.column == last.column)
            and not _looks_like_subheading(block)
            # "than they should, and …" goes on with a sentence, not one the entry ended
            and not (text[:1].islower() and _ends_sentence(out[-1]))
        ):
            # indented under the current entry: part of it (the next column on its page is not)
            out[-1].blocks.append(block)
            return True
        return False

    def _flows_on(self, block: Block) -> bool:
        """True when the list runs on from the foot of its column to the top of the next: an
        entry labelled as the last one, in the next column, above every entry of the page."""
        last = self.out[-1] if self.out else None
        if last is None or last.cluster != self.cluster or self.list_column is None:
            return False
        page = block.first.page
        above = [
            c.blocks[0].first.top
            for c in self.out
            if c.blocks[0].first.page == page and c.blocks[0].first.column == self.list_column
        ]
        return (
            block.first.column == self.list_column + 1
            and last.blocks[-1].page_end == page
            and block.label_kind is not None
            and block.label_kind == last.blocks[0].label_kind
            # above where the list began: run on, not a sidebar beside it
            and all(block.first.top < top for top in above)
        )

    def _not_an_entry(self, block: Block, text: str) -> bool:
        """Narrative about the items, counts, and paragraphs that ask nothing are not entries."""
        if self.list_column is not None and block.first.column != self.list_column:
            if not self._flows_on(block):
                return True  # a sidebar beside the list ("What success looks like"), not its entry
            self.list_column = block.first.column
        listed = self.list_x0 is not None and block.first.x0 > self.list_x0 + 8
        if block.label_kind == "number" and (self.explained or _KIND_IS_RE.match(block.text)):
            # "3.1 A cause of concern is …", "3.2 When we identify one, we …": a statement of
            # how a body reports, its paragraphs numbered, no items of a report
            self.explained = True
            return True
        if not listed and block.label is None and _talks_about_items(text):
            return True
        if OTHER_LABEL_RE.match(block.raw_text) or _TEMPLATE_RE.search(text):
            # "Learning point 3: …", "Safety observation O/2026/037: …"; a template's
            # "By [date], the [organisation] should [action]" asks no one
            return True
        if self._own_paragraph(block, text):
            return True  # "4.2 Force update: …" under "4. Cause of concern …": the paper's own
        if self._back_at_the_margin(block, text):
            return True
        # a concern states a problem, and may count the recommendations made about it
        numbered = block.label_kind == "number" and self.section != "cause_of_concern"
        # in a list of actions each entry is a commitment: "3. The College will review …"
        commits = (self.section == "action" and bool(_COMMITS_RE.match(block.text))) or bool(
            _AGREED_RE.search(text)
        )
        talks = _talks_about_items(text) or _talks_about_items(block.text)  # with its label or not
        if numbered and talks and not directs(text) and not commits:
            return True  # "4.6 We will consider progress on these recommendations …"
        # a concern states a problem, whoever it quotes ("(5) Although the Trust told the
        # inquest that …"): a labelled one is an entry
        concern = self.section == "cause_of_concern" and block.label is not None
        if (
            REPORTED_RE.match(block.text)
            and not directs(_after_first_sentence(block.text))
            and not concern
        ):
            return True  # "Staff told us that the service should …": their view, not an ask
        if (
            block.label_kind == "bullet"
            and COUNT_RE.search(text)
            and not directs(text)
            and not opens_with_imperative(block.text)
        ):
            return True
        if (
            not listed
            and (
                block.label is None
                or ((self.mixed or self.numbered_lead) and block.label_kind == "number")
                # among implications or conclusions, a bullet that asks nothing is one of them
                or (self.mixed and block.label_kind == "bullet")
            )
            and not directs(text)
            and not opens_with_imperative(text)
            and not ASKS_THAT_RE.match(block.text)
        ):
            # a return to narrative closes the list, unless the entries are set in bold and
            # this plain paragraph explains the one before ("The force should …" in bold,
            # then "We reviewed 80 reports …")
            explains = self._bold_entries() and not block.first.bold
            if self.section_items and block.label is None and len(text.split()) > 25:
                self.section = self.section if explains else None
            return True
        return False

    def _back_at_the_margin(self, block: Block, text: str) -> bool:
        """True for a numbered paragraph back at the margin, left of the numbered list it
        follows, whose number does not go on from the list's ("3.6" after entries 1 to 3 set
        in under "Within six months, the force should:"): the report's own paragraph. One that
        asks nothing also ends the section."""
        last = self.out[-1] if self.out else None
        if (
            block.label_kind != "number"
            or last is None
            or last.cluster != self.cluster
            or last.number is None
            or last.blocks[0].label_kind != "number"
            or block.first.x0 > last.blocks[0].first.x0 - 8
            or follows_on(last.number, block.label)
            # "5." after "4a" … "4c" set in under "4. The Home Office should:": on from "4"
            or follows_on(re.sub(r"(?<=\d)[a-z]$", "", last.number), block.label)
        ):
            return False
        if not directs(text):
            self.section = None
        return True

    def _sub_entry(self, block: Block, section: ItemKind) -> bool:
        """A lettered or bulleted entry under the previous one: part of it, or its sub-item."""
        out, first = self.out, block.first
        if block.label is None or not out or not out[-1].blocks:
            return False
        prev = out[-1]
        bullets_under = block.label_kind == "bullet" and (
            prev.text().rstrip().endswith(":")
            or any(
                b.label_kind == "bullet" and abs(b.first.x0 - first.x0) < 3 for b in prev.blocks[1:]
            )
        )
        if not (_is_sub_label(block) or bullets_under):
            return False
        head = (
            self.titled if self.titled is not None and self.titled.cluster == self.cluster else None
        )
        if prev.cluster != self.cluster or not (
            first.x0 > prev.blocks[0].first.x0 + 4
            or (head is not None and first.x0 > head.blocks[0].first.x0 + 4)
            or _romans_under(prev, block)
        ):
            return False
        if (
            block.label_kind == "letter"
            and head is not None
            and head.number
            and first.x0 > head.blocks[0].first.x0 + 4
            and (prev is head or first.x0 < prev.blocks[0].first.x0 + 4)
        ):
            self.section_items += 1
            out.append(self.candidate(section, f"{head.number}{block.label}", head.number, [block]))
            return True
        prev.blocks.append(block)
        return True


def _prefer_labelled(candidates: list[Candidate]) -> list[Candidate]:
    """A report that labels its items ("Recommendation 3") labels all of that kind.

    An unlabelled candidate that reprints a labelled one (a closing numbered list repeating the
    labelled paragraphs of the body) stays: it is another printing of that item, and the
    choice of the definitive printing is made between them. Where the labels are only
    "Recommendation:" run into a paragraph, a list of their own that reprints none of them (a
    chapter's closing "Recommendations" section) stays too.
    """
    labelled = _labelled_kinds(candidates)
    numbered = Counter(c.kind for c in candidates if c.labelled and c.number is not None)
    in_prose = _numbered_in_prose(candidates)
    inline = Counter(
        (c.kind, c.cluster) for c in candidates if c.labelled and c.number is None and c.run_in
    )
    texts = {
        kind: [c.text() for c in candidates if c.labelled and c.kind == kind] for kind in labelled
    }
    reprint = {
        id(c): c.number is not None and any(_reprints(c.text(), t) for t in texts[c.kind])
        for c in candidates
        if not c.labelled and labelled[c.kind] >= 2
    }
    reprinting = {c.cluster for c in candidates if reprint.get(id(c))}

    def own_list(c: Candidate) -> bool:
        few = numbered[c.kind] < 2 or (in_prose[c.kind] < 2 and _asks_at_once(c))
        return few and not inline[(c.kind, c.cluster)] and c.cluster not in reprinting

    # lists that reprint labelled items printed elsewhere (not their own entries labelled
    # where they stand, as "(Recommendation, Paragraph 3)" labels a committee's list)
    pages = {kind: [c.blocks[0].page_start for c in candidates if c.labelled and c.kind == kind
                    and c.blocks] for kind in labelled}  # fmt: skip
    full_lists = {
        c.cluster
        for c in candidates
        if reprint.get(id(c)) and c.blocks and c.blocks[0].page_start not in pages[c.kind]
    }
    full_lists |= _lists_going_on(candidates, full_lists)

    def completes_list(c: Candidate) -> bool:
        # a numbered list that reprints labelled items printed elsewhere is the report's full
        # list: its other entries are the items the body printed without a label
        text = c.text()
        # "Within six months, amend …": an instruction after its time
        told = opens_with_imperative(text) or opens_with_imperative(text.split(",", 1)[-1])
        asks = directs(text) or told or _led_in_by_ask(c)  # "amends the Code" after its lead-in
        return (
            c.number is not None
            and c.cluster in full_lists
            and asks
            and not _TAGGED_CONCLUSION_RE.search(text)
        )

    own_asks = _asks_beside_a_table(candidates, texts) | _asks_after_the_labelled(candidates, texts)
    series = _numbered_as_labelled(candidates)
    # an answer under an item's label, where the item is printed in full elsewhere
    answers = {id(c) for c in candidates if c.labelled and _only_answers(c)}
    printed = {(c.kind, c.number) for c in candidates if c.number and id(c) not in answers}
    answered = {id(c) for c in candidates if id(c) in answers and (c.kind, c.number) in printed}
    listed = _asks_under_causes(candidates) | _in_pointer_lists(candidates)
    return [
        c
        for c in candidates
        if id(c) not in answered
        and (
            c.labelled
            or labelled[c.kind] < 2
            or reprint[id(c)]
            or own_list(c)
            or completes_list(c)
            or c.cluster in own_asks
            or id(c) in series
            # a numbered entry finishing its lead-in's ask ("Lowfold Police should:"), in a
            # list of its own beside the labelled items (an agency's own recommendations)
            or (c.number is not None and _told_by_its_lead_in(c))
            or _said_to_recommend(c)
            or id(c) in listed
        )
    ]


def _asks_under_causes(candidates: list[Candidate]) -> set[int]:
    """The asks under a labelled cause of concern: its recommendations, labelled or not
    ("Cause of concern 1" … "Recommendations" … "By 2027, forces should …")."""
    causes = {c.number for c in candidates if c.labelled and c.kind == "cause_of_concern"}
    return {
        id(c)
        for c in candidates
        if c.kind == "recommendation" and c.parent in causes and directs(c.text())
    }


def _numbered_in_prose(candidates: list[Candidate]) -> Counter[ItemKind]:
    """How many numbered items of each kind the prose labels. A table numbering its rows
    labels them, not the prose: a numbered list of asks in the prose that reprints none of
    its rows is a list of its own (a review's own recommendations, the agencies' in a table
    at its end)."""
    return Counter(
        c.kind for c in candidates if c.labelled and c.number is not None and not c.in_table
    )


def _asks_at_once(cand: Candidate) -> bool:
    """True for a numbered entry whose first sentence asks someone to act."""
    text = cand.text()
    first = text[: len(text) - len(_after_first_sentence(text))]
    return cand.number is not None and directs(first)


def _labelled_kinds(candidates: list[Candidate]) -> Counter[ItemKind]:
    """How many items of each kind the report labels. A table of short titles (an action
    plan's "No. | Recommendation (summary) | Lead") labels titles, not the items, so the lists
    that print them in full keep their entries; unless the table's other rows print the items'
    text under their titles."""
    texts_in_table = {c.cluster for c in candidates if not c.labelled and c.in_table}
    return Counter(
        c.kind
        for c in candidates
        if c.labelled and not (_a_tables_title(c) and c.cluster not in texts_in_table)
    )


def _a_tables_title(cand: Candidate) -> bool:
    """True for a table row's short title for an item ("Re-inspection of blocks with defective
    self-closers" in a plan's "Recommendation (summary)" column)."""
    return cand.in_table and _only_a_title(cand)


def _lists_going_on(candidates: list[Candidate], lists: set[int]) -> set[int]:
    """The clusters that carry a full list's numbering on under the next heading ("8" under
    "Recommendations to the Home Office", then "9" … under "… to the Ministry of Justice")."""
    more: set[int] = set()
    last: dict[int, str] = {}  # each cluster's last unlabelled number, in reading order
    for c in candidates:
        if not c.labelled and c.number is not None:
            if c.cluster not in last and c.cluster not in lists:
                before = [n for k, n in last.items() if k in lists | more]
                if before and follows_on(before[-1], c.number):
                    more.add(c.cluster)
            last[c.cluster] = c.number
    return more


def _shape(number: str) -> str:
    """A number's pattern: "2.1" -> "9.9", "R3" -> "A9", "12" -> "9"."""
    return re.sub(r"\d+", "9", re.sub(r"[A-Za-z]+", "A", number))


def _numbered_as_labelled(candidates: list[Candidate]) -> set[int]:
    """Unlabelled entries numbered in the labelled items' own scheme, with numbers none of
    them has ("1.1", "1.2" under a lead-in beside "Recommendation 2.1", "Recommendation 2.2"),
    that ask: the same series, printed without the word."""
    labels: dict[ItemKind, set[str]] = {}
    for c in candidates:
        if c.labelled and c.number:
            labels.setdefault(c.kind, set()).add(c.number)
    shapes = {kind: {_shape(n) for n in numbers} for kind, numbers in labels.items()}
    return {
        id(c)
        for c in candidates
        if not c.labelled
        and c.number
        and c.kind in labels
        and c.number not in labels[c.kind]
        and (
            ("." in c.number and shapes[c.kind] == {_shape(c.number)})
            or _fills_gap(c.number, labels[c.kind])  # 3 to 5 under a lead-in, 1, 2, 6 labelled
        )
        and (
            directs(c.text()) or _led_in_by_ask(c) or bool(SHOULD_COLON_RE.search(c.lead_in or ""))
        )
    }


def _fills_gap(number: str, labelled: set[str]) -> bool:
    """True for a whole number missing from inside the labelled items' run of whole numbers."""
    whole = sorted(int(n) for n in labelled if n.isdigit())
    return number.isdigit() and len(whole) >= 2 and whole[0] < int(number) < whole[-1]


def _only_answers(cand: Candidate) -> bool:
    """True for a labelled entry whose text answers its item rather than asks anything ("We
    accept that …", "We have funded …"): a response printed under the item's label."""
    text = cand.text()
    return (
        cand.kind != "cause_of_concern"
        and bool(_ANSWERS_RE.match(text))
        and not directs(text)
        and not opens_with_imperative(text)
    )


# How a body's answer to an item opens: "We accept …", "I agree …", "We have funded …"
_ANSWERS_RE = re.compile(
    r"^(?:we|I|the [\w ]{2,60}?(?: and I)?)\s+(?:(?:have|has|do|does|will|would)\s+)?"
    r"(?:accept|agree|support|welcome|note|reject|partially accept|funded|already|not)",
    re.IGNORECASE,
)


def _asks_beside_a_table(candidates: list[Candidate], texts: dict[ItemKind, list[str]]) -> set[int]:
    """Where every labelled item of a kind is a table's row, the clusters of unlabelled ones
    that each ask and reprint none of them: a list of more items under its own heading ("Single-
    agency recommendations" after a table of the multi-agency ones)."""
    tabled = {
        kind
        for kind in texts
        if all(c.in_table for c in candidates if c.labelled and c.kind == kind)
    }
    clusters: dict[int, list[Candidate]] = {}
    for c in candidates:
        if not c.labelled and c.kind in tabled and c.cluster >= 0:
            clusters.setdefault(c.cluster, []).append(c)
    return {
        cluster
        for cluster, members in clusters.items()
        if (len(members) >= 2 or _led_in_by_ask(members[0]))
        and all(directs(m.text()) or _led_in_by_ask(m) for m in members)
        and not any(_reprints(m.text(), t) for m in members for t in texts[m.kind])
    }


def _asks_after_the_labelled(
    candidates: list[Candidate], texts: dict[ItemKind, list[str]]
) -> set[int]:
    """The clusters of unlabelled asks printed after every labelled item, unnumbered, each
    naming who must act and reprinting none: a list of the document's own under a heading of
    its own ("What must happen next" after the quoted recommendations it welcomes)."""
    last = max((_at(c) for c in candidates if c.labelled), default=(0, 0.0))
    theirs = {c.cluster for c in candidates if c.labelled}
    clusters: dict[int, list[Candidate]] = {}
    for c in candidates:
        if not c.labelled and c.cluster >= 0 and c.cluster not in theirs and _at(c) > last:
            clusters.setdefault(c.cluster, []).append(c)
    return {
        cluster
        for cluster, members in clusters.items()
        if len(members) >= 2
        and all(m.number is None and directs(m.text()) for m in members)
        # not a reply quoting them ("> Recommendation 2 > Within six months, …")
        and not any(_QUOTED_ITEM_RE.search(m.text()) for m in members)
        and not any(_reprints(m.text(), t) for m in members for t in texts.get(m.kind, []))
    }


# A message's quoted lines ("> … "), or an item's label inside an ask: a copy of an item
_QUOTED_ITEM_RE = re.compile(
    r"(?:^|\s)>\s|\b(?:Recommendation|Area for improvement|Cause of concern)\s+\d", re.IGNORECASE
)


def _at(cand: Candidate) -> tuple[int, float]:
    """Where a candidate starts: its page and the top of its first line."""
    if not cand.blocks:
        return (0, 0.0)
    return (cand.blocks[0].page_start, cand.blocks[0].lines[0].top)


def _led_in_by_ask(cand: Candidate) -> bool:
    """True for an entry whose lead-in asks ("We recommend that the Board:" over "reduces …")."""
    return cand.lead_in is not None and bool(OPENS_LIST_RE.search(cand.lead_in))


# An entry the report itself tags as a finding: "… (Conclusion, Paragraph 17)".
_TAGGED_CONCLUSION_RE = re.compile(r"\(\s*conclusions?\b[^)]{0,40}\)\s*$", re.IGNORECASE)


def _reprints(a: str, b: str) -> bool:
    """True when two texts are the same item printed twice (most words shared, both ways)."""
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    if not wa or not wb:
        return False
    na, nb = _norm(a), _norm(b)
    shorter, longer = sorted((na, nb), key=len)
    if len(shorter.split()) >= 8 and longer.startswith(shorter):
        return True  # a box that prints only an item's first sentence
    return len(wa & wb) / max(len(wa), len(wb)) >= 0.75


def _follows(prev: Block, block: Block) -> bool:
    """True when block sits directly under prev (no paragraph gap, same indent)."""
    last, first = prev.lines[-1], block.first
    if last.page != first.page or last.column != first.column:
        return False
    return first.top - last.bottom < 0.6 * first.size and abs(first.x0 - prev.first.x0) < 4


def _strength(line: Line, text: str) -> float:
    """Rank a heading: larger, bold and capitalised headings outrank the others."""
    letters = [c for c in text if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return line.size + (1.0 if line.bold else 0.0) + (0.5 if upper else 0.0)


def _looks_like_subheading(block: Block) -> bool:
    """A one-line caption such as "Role of Government scientists" between numbered paragraphs."""
    text = block.raw_text
    return (
        len(block.lines) == 1
        and len(text.split()) <= 12
        and text[:1].isupper()
        and not text.rstrip().endswith((".", ";", ":", ","))
    )


_RECOMMENDS_RE = re.compile(r"\b(?:I|we)\s+(?:\w+\s+){0,2}recommend\b", re.IGNORECASE)
# A group's own timescale: "These recommendations should be completed by 31 December 2026."
_GROUP_DUE_RE = re.compile(
    r"^(?:these|the following|all)\s+(?:recommendations?|actions?)(?:\s+below)?\s+"
    r"(?:should|must)\s+be\s+(?:completed|implemented|met|achieved|in place)\s+"
    r"(?P<when>(?:by|within|before|no later than)\b[^.]{3,80}?)\.?\s*$",
    re.IGNORECASE,
)
_DASHES = frozenset("-–—")


_PLURAL_LABEL_RE = re.compile(
    r"(?:recommendations|areas for improvement|causes of concern|actions)"
    r"(?:\s*\(?(?:continued|cont(?:'|’)?d\.?)\)?)?\s*:?",  # "… (continued)" on the next page
    re.IGNORECASE,
)


def _label_range(first: str | None, rest: str) -> tuple[int, int] | None:
    """The numbers a group heading labels: "4" and "to 6" -> (4, 6); "5" and ", 7 and 8"
    -> (5, 8)."""
    numbers = MORE_NUMBERS_RE.match(rest)
    if not (first and first.isdigit() and numbers):
        return None
    return int(first), int(re.findall(r"\d+", numbers.group(0))[-1])


def _in_range(number: str | None, group: tuple[int, int]) -> bool:
    """True for an entry numbered within a group heading's range."""
    return bool(
        number and number.rstrip(".").isdigit() and group[0] <= int(number.rstrip(".")) <= group[1]
    )


def _sub_number(number: str, label: str) -> bool:
    """True when a label numbers a sub-item of the item numbered so ("2.1" under "2")."""
    return re.fullmatch(re.escape(number) + r"\.\d{1,2}\.?", label) is not None


def _same_style(a: str, b: str) -> bool:
    """True when two item numbers are printed alike (8.3 / 8.4, 12 / 13), not 4 / 4.1."""

    def shape(n: str) -> str:
        return re.sub(r"\d+", "9", n.rstrip("."))

    return shape(a) == shape(b)


def _stray_reference(block: Block, body: float) -> bool:
    """A lone line of a few words set smaller than the text with no sentence in it: a
    reference or running line, never the text a label labels."""
    return (
        len(block.lines) == 1
        and block.first.size < body - 0.5
        and len(block.text.split()) <= 3
        and not block.text.rstrip().endswith((".", ":"))
    )


def _is_title(block: Block) -> bool:
    """A short bold line with no directive: an item's own heading, e.g. "2. Compensation"."""
    text = block.text
    return (
        block.first.bold
        and len(text.split()) <= 15
        and not directs(text)
        and (not text.endswith(".") or len(text.split()) <= 12)
    )


_BODY_WORDS = AGENT_NOUNS | {"constable"}


# A pointer to the page where an item is printed in full: "… held. (page 34)", "(see p. 12)"
_PAGE_POINTER_RE = re.compile(
    r"\s*\((?:see\s+)?(?:page|p\.|pp\.)\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?\)\.?\s*$", re.I
)
# A summary's pointer to the part of the report that gives the item in full: "(chapter 2)",
# "(see section 4)", "(Annex B)"
# "(chapter 2)", "(see annex B)": the part of the report that prints an item in full
_PART = (
    r"\((?:see\s+)?(?:chapters?|sections?|part|annex|appendix)\s+(?:\d{1,2}(?:\.\d{1,2})?|[A-Z])\)"
)
_PART_POINTER_RE = re.compile(rf"\s*{_PART}\.?\s*$", re.I)  # closing the entry
_PART_MENTION_RE = re.compile(_PART, re.I)  # anywhere in it


def _points_to_part(text: str) -> bool:
    """True for an entry ending in a pointer to the part that prints it ("… (chapter 2)."), or
    a short one with such a pointer inside ("backlogs (chapter 2), with recommendation 1")."""
    return bool(
        _PART_POINTER_RE.search(text) or (len(text.split()) <= 25 and _PART_MENTION_RE.search(text))
    )


# A closing list's pointer to the paragraph that made the item, before its words: "(§ 17)",
# "(paragraph 4.12)", "(paras 20–21)"
_PARAGRAPH_POINTER_RE = re.compile(
    r"^\((?:§§?|paras?\.?|paragraphs?)\s*\d{1,3}(?:\.\d{1,3})*(?:\s*[-–]\s*\d{1,3})?\)\s*(?=\S)",
    re.I,
)


def _without_owner_title(cand: Candidate) -> str:
    """The item's text without a title line that only names who acts ("1 College of
    Policing" over "The College of Policing should …"): the owner's tag, not a heading."""
    blocks = cand.blocks
    if len(blocks) < 2 or len(blocks[0].lines) != 1 or not _is_title(blocks[0]):
        return cand.text()
    owner = _norm(blocks[0].text)
    body = blocks[1].raw_text
    ask = re.search(r"\b(?:should|must|shall|will|to)\b", body)
    subject = _norm(body[: ask.start()] if ask else "")
    if (
        not owner
        or len(owner.split()) > 8
        or f" {owner} " not in f" {subject} "
        or not any(w.removesuffix("s") in _BODY_WORDS for w in owner.split())  # "Compensation"
    ):
        return cand.text()
    return join_text(b.raw_text for b in blocks[1:])


# "Government response", "Response", "The Department's response:" over the answer to an item
# Someone's comment on the item above: "Commissioner's comment", "Chief Constable's response",
# "PCC comments"
_COMMENT_HEAD_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?:[A-Z][\w-]*['’]s|PCC|OPCC)\s+"
    r"(?:comments?|response|view)\s*:?$"
)
_RESPONSE_HEAD_RE = re.compile(
    r"^(?:(?:the\s+)?(?:government|department|ministry|home office|force|council|college)"
    r"(?:['’]s)?\s+)?response\s*:?$",
    re.IGNORECASE,
)


def _romans_under(prev: Candidate, block: Block) -> bool:
    """True for "(i)", "(ii)" … at the margin of a lettered entry whose text asked for them
    ("b) … use the results to:"): its sub-points, not the next letters (after "b" comes "c")."""
    own = prev.blocks[0].label or ""
    if block.label not in ROMANS or len(own) != 1 or not own.isalpha() or own in "iv":
        return False
    if chr(ord(own.lower()) + 1) == block.label:
        return False  # "h)" then "i)": the next letter
    last = prev.blocks[-1]
    asked = prev.text().rstrip().endswith(":")
    return asked or (last is not prev.blocks[0] and last.label in ROMANS)


def _is_sub_label(block: Block) -> bool:
    return block.label_kind in ("roman", "letter") or (
        block.label_kind == "bullet" and block.label in ("-", "–", "◦", "○")
    )


# --- de-duplication and output ------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _renumbered(cand: Candidate, group: Sequence[Candidate]) -> bool:
    """True when a numbered item is printed again word for word under another number in
    another list: a paragraph number in the body ("35") and the closing list's ("6")."""
    if cand.number is None or any(c.number == cand.number for c in group):
        return False
    if any(c.cluster == cand.cluster for c in group):
        return False
    if len(cand.text().split()) < _RENUMBERED_WORDS:
        return False
    return any(
        min(len(a.split()), len(b.split())) >= 0.9 * max(len(a.split()), len(b.split()))
        and _similar(a, b, 0.95)
        for c in group
        for a in _printings(cand)
        for b in _printings(c)
    )


def _printings(cand: Candidate) -> list[str]:
    """An item's words as printed, and with the lead-in it completes ("The Committee
    recommends that the Partnership:" over "publishes its strategy"), as a box restates it."""
    text = _PARAGRAPH_POINTER_RE.sub("", cand.text())
    lead = (cand.lead_in or "").rstrip()
    return [text, f"{lead[:-1]} {text}"] if lead.endswith(":") else [text]


_RENUMBERED_WORDS = 8  # shorter texts ("Review the policy.") may be two items alike


# A summary list's pointer to the paragraph that made the item, closing it: "(1.8)", "(S12)",
# "(1.3, repeated recommendation 1.12)"
_CLOSING_POINTER_RE = re.compile(r"\([A-Z]?\d{1,2}(?:\.\d{1,2})?(?:,[^()]{1,60})?\)\.?\s*$")


def _pointer_lists(candidates: Sequence[Candidate]) -> set[tuple[int, ItemKind]]:
    """The numbered lists (cluster and kind) of three or more entries, two in three closing on
    a pointer to the paragraph that made the item: a report's summary of all its items."""
    entries: dict[tuple[int, ItemKind], list[bool]] = {}
    for c in candidates:
        if c.number is not None and not c.labelled:
            key = (c.cluster, c.kind)
            entries.setdefault(key, []).append(bool(_CLOSING_POINTER_RE.search(c.text())))
    return {k for k, got in entries.items() if len(got) >= 3 and 3 * sum(got) >= 2 * len(got)}


def _in_pointer_lists(candidates: Sequence[Candidate]) -> set[int]:
    """The entries of a report's closing list that points to each item's paragraph."""
    lists = _pointer_lists(candidates)
    return {id(c) for c in candidates if (c.cluster, c.kind) in lists}


def _listed_from_one(candidates: Sequence[Candidate]) -> set[tuple[int, ItemKind]]:
    """The lists (cluster and kind) whose whole numbers run 1, 2, 3 … without a gap."""
    runs: dict[tuple[int, ItemKind], list[int]] = {}
    for c in candidates:
        if c.number is not None and c.number.isdigit():
            runs.setdefault((c.cluster, c.kind), []).append(int(c.number))
    return {key for key, got in runs.items() if sorted(got) == list(range(1, len(got) + 1))}


def _similar(a: str, b: str, share: float = 0.8) -> bool:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= share


def _without_leftover_titles(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """A summary whose short titles mostly restate items printed in full elsewhere restates
    them all: its few titles that matched none ("Joint review of funding") are paraphrases."""
    restating: Counter[int] = Counter()
    titles: Counter[int] = Counter()
    for group in groups:
        for c in group:
            if _only_a_title(c):
                titles[c.cluster] += 1
                restating[c.cluster] += any(o.cluster != c.cluster for o in group)
    summaries = {k for k, n in titles.items() if n >= 4 and restating[k] >= 0.75 * n}
    return [
        g for g in groups if not (len(g) == 1 and g[0].cluster in summaries and _only_a_title(g[0]))
    ]


def _only_a_title(cand: Candidate) -> bool:
    """True for a short unpunctuated text ("Improve how call handlers record vulnerability"):
    a summary's title for an item printed in full elsewhere."""
    text = cand.text().strip()
    words = text.split()
    return (
        0 < len(words) <= 15
        and text[:1].isupper()  # not a list entry finishing a lead-in ("allocate …; and")
        and words[-1].lower() not in {"and", "or"}
        and not re.search(r"[.;:!?]$", text)
    )


def _bare_letter(number: str | None) -> bool:
    """True for a label that is a letter or roman numeral alone ("b", "B", "iv")."""
    return bool(number) and bool(re.fullmatch(r"[a-z]|[A-H]|[ivx]{1,4}", number or ""))


def _in_brief(cand: Candidate, group: Sequence[Candidate]) -> bool:
    """True when another printing of the item says it in at least twice the words and asks
    it in full ("the award is fully funded;" in a summary, a paragraph in its chapter)."""
    words = len(cand.text().split())
    return any(
        c is not cand and len(c.text().split()) >= max(2 * words, words + 12) and directs(c.text())
        for c in group
    )


def _fuller(cand: Candidate, group: Sequence[Candidate]) -> bool:
    """True when the candidate prints the whole of another printing and more (a box that
    gives only an item's first sentence, beside the list that gives all of it)."""
    text = _norm(cand.text())
    return any(
        c is not cand and len(_norm(c.text())) < len(text) and text.startswith(_norm(c.text()))
        for c in group
    )


_CODE_NUMBER_RE = re.compile(r"^[A-Z]{1,4}\d")


def _restarts(cand: Candidate, group: Sequence[Candidate]) -> bool:
    """True when a number repeats with other words, labelled or in a list of another section:
    numbering restarted (each chapter's "Area for improvement 1", each inspectorate's list),
    not the item printed again (a summary list and the body)."""
    # in one list, a number printed again in other words starts a sub-list's numbering
    # again ("Police: 1, 2", "Health: 1, 2" under "Single agency recommendations")
    apart = (
        (cand.labelled and all(c.labelled for c in group))
        or all(c.cluster != cand.cluster for c in group)
        # "1. review its training" under "Lowfold Police should:" asks as its lead-in does
        or (all(c.cluster == cand.cluster for c in group) and directs(_with_lead(cand)))
        # "TO THE MINISTER: 1, 2", "TO THE GOVERNOR: 1, 2": each body's list numbered anew
        or (cand.responsible is not None and all(c.responsible != cand.responsible for c in group))
    )
    if _only_a_title(cand) or any(_only_a_title(c) for c in group):
        return False  # a summary's short title for the item, in other words than the body's
    if _points_to_part(cand.text()) or any(_points_to_part(c.text()) for c in group):
        return False  # "… (chapter 2), with recommendations 1 and 2": in brief, given in full
    if cand.number and _CODE_NUMBER_RE.match(cand.number):
        return False  # a code ("OR2") names one item: printed again in other words, restated
    if cand.series and any(c.series and c.series != cand.series for c in group):
        return True  # "Strategic recommendation 2", "Operational recommendation 2": two lists
    return apart and not any(
        _similar(_content(cand.text()), _content(c.text()), 0.5) for c in group
    )


# Words every recommendation shares: two different items share them, a restatement needs more.
_FUNCTION_WORDS = (
    STOP_WORDS | DETERMINERS | {"should", "must", "shall", "and", "or", "its", "their", "be", "is"}
)


# "A cause of concern is …", "An area for improvement means …": the kind defined
_KIND_IS_RE = re.compile(
    r"^an?\s+(?:recommendation|area\s+for\s+improvement|cause\s+of\s+concern|action)\s+"
    r"(?:is|means)\b",
    re.IGNORECASE,
)
# A paragraph announcing what a list of terms means: "… using the definitions below", "The
# priorities are defined as follows:"
_DEFINITIONS_RE = re.compile(
    r"\b(?:the\s+)?definitions?\s+(?:below|that follow|in the table below)\b|"
    r"\bare\s+defined\s+(?:as\s+follows|below)\b",
    re.IGNORECASE,
)

# A heading whose head noun is a plural kind ("Single agency recommendations"), not one that
# only mentions them ("Giving effect to the recommendations")
_LIST_NAMED_RE = re.compile(
    r"(?:(?!(?:to|the|of|on|about|with|and|from|our|these|its|their)\b)[\w'’-]+\s+){1,3}"
    r"(?:recommendations|areas for improvement)\s*$",
    re.IGNORECASE,
)


# A lead-in that is the report's own recommending: "We recommend that:", "I also recommend
# that:"
_WE_RECOMMEND_THAT_RE = re.compile(
    r"^(?:\w+,\s+)?(?:we|i) (?:also |further |therefore )?recommend that\s*:\s*$", re.IGNORECASE
)


# A note under an item's label tying it to another item: "Linked to cause of concern 1",
# "Relates to AFI 3"
_LINK_NOTE_RE = re.compile(
    r"^(?:linked|relates?|related|responds?|responding)\s+to\s+(?:the\s+)?"
    r"(?:causes? of concern|recommendations?|areas? for improvement|afis?|coc)\s*[\w.]{1,6}$",
    re.IGNORECASE,
)


def _said_to_recommend(cand: Candidate) -> bool:
    """True for one more recommendation said so in its own words ("The Committee also
    recommends that …"), or an entry finishing the report's own "We recommend that:"."""
    own = STANDALONE_RE.match(cand.text())
    also = own is not None and re.search(r"\b(?:also|further)\b", own.group(0)) is not None
    return also or bool(_WE_RECOMMEND_THAT_RE.search(cand.lead_in or ""))


def _told_by_its_lead_in(cand: Candidate) -> bool:
    """True for an entry that is the verb phrase its lead-in asks for ("Harrowmere Homes
    should:" over "1. review its policy on …")."""
    lead = (cand.lead_in or "").rstrip()
    return bool(SHOULD_COLON_RE.search(lead)) and opens_with_imperative(cand.text())


def _with_lead(cand: Candidate) -> str:
    """The entry's text after its lead-in's ("Lowfold Police should:" "review its training")."""
    return f"{cand.lead_in or ''} {cand.text()}"


def _content(text: str) -> str:
    """The text's words without the function words that any two recommendations share."""
    return " ".join(w for w in _norm(text).split() if w not in _FUNCTION_WORDS)


def _finalise(candidates: list[Candidate]) -> list[Item]:
    # The definitive printing is the fullest list of that kind; between equals, the first.
    cluster_sizes = Counter((c.cluster, c.kind) for c in candidates)
    groups: list[list[Candidate]] = []
    for cand in candidates:
        # printed again word for word under another number: that item, whatever else shares
        # its number ("1" is a paragraph of the body and the first entry of a closing list)
        again = next((g for g in groups if g[0].kind == cand.kind and _renumbered(cand, g)), None)
        if again is not None:
            again.append(cand)
            continue
        for group in groups:
            if group[0].kind != cand.kind:
                continue
            numbers = {c.number for c in group if c.number is not None}
            if cand.number is not None and cand.number in numbers and not _restarts(cand, group):
                group.append(cand)
                break
            # a bare letter ("(b)") is a sub-item's label printed without its parent's number
            loose = cand.number is None or not numbers or _bare_letter(cand.number)
            if (
                loose
                and (len(numbers) <= 1 or _bare_letter(cand.number))
                and any(_similar(cand.text(), c.text()) for c in group)
            ):
                group.append(cand)
                break
        else:
            groups.append([cand])
    order = {id(c): k for k, c in enumerate(candidates)}
    from_one = _listed_from_one(candidates)
    placed: list[tuple[tuple[int, int, float, int], Item]] = []
    for group in _without_leftover_titles(groups):
        renumbered = len({c.number for c in group}) > 1
        best = max(
            group,
            key=lambda c: (
                c.number is not None,
                not _bare_letter(c.number),  # "3b" over the same item printed "(b)"
                # a summary's entry that points to its full printing ("… (page 34)"): that one
                not _PAGE_POINTER_RE.search(c.text()),
                not _points_to_part(c.text()),  # "… (chapter 2)": printed in full there
                not _only_a_title(c),  # the body's full text over a summary's short title
                # "X should revise its guidance" over an annex's "Revise guidance." in brief
                directs(_with_lead(c)),
                # printed again under another number: the list's number, not its paragraph's
                renumbered and (c.cluster, c.kind) in from_one,
                not _in_brief(c, group),  # a summary's one line, beside the item in full
                cluster_sizes[(c.cluster, c.kind)],
                _fuller(c, group),
                -c.blocks[0].page_start,
            ),
        )
        pages = sorted({p for c in group for b in c.blocks for p in (b.page_start, b.page_end)})
        text = _PARAGRAPH_POINTER_RE.sub("", _PAGE_POINTER_RE.sub("", _without_owner_title(best)))
        if not text:
            continue
        first = best.blocks[0].first
        position = (first.page, first.column, first.top, order[id(best)])
        placed.append(
            (
                position,
                Item(
                    kind=best.kind,
                    number=best.number,
                    parent=best.parent,
                    page_start=best.blocks[0].page_start,
                    page_end=best.blocks[-1].page_end,
                    text=text,
                    occurrences=tuple(pages),
                    lead_in=best.lead_in,
                    # a summary table's timescale for the item printed in full elsewhere
                    timing=best.timing or next((c.timing for c in group if c.timing), None),
                    responsible=best.responsible,
                    response=next((c.response for c in group if c.response), None),
                ),
            )
        )
    placed.sort(key=lambda pair: pair[0])  # reading order of each item's definitive printing
    return [item for _, item in placed]

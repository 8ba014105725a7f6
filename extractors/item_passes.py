"""Passes over the splitter's candidates: responses set apart, titles dropped, asks split out."""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from extractors.blocks import Block, Candidate
from extractors.item_patterns import (
    CLOSING_REF_RE,
    FIELDS_RE,
    LABEL_RE,
    LEAD_LINES,
    RESPONSE_OPENING_RE,
    SENTENCE_END_RE,
    SHOULD_COLON_RE,
    STANDALONE_RE,
    TRAILING_FIELDS_RE,
    known_kind,
    label_kind,
    section_kind,
    timing_in,
)
from extractors.item_tables import due_phrase
from extractors.vocabulary import (
    DECLINED_RE,
    MEETING_BUSINESS_RE,
    directs,
    in_welsh,
    is_process,
    opens_with_imperative,
)
from models.records import ItemKind, Line

logger = logging.getLogger(__name__)


def with_responses(candidates: list[Candidate], blocks: Sequence[Block]) -> list[Candidate]:
    """Note the response printed right after an item ("The government accepts this …"): in a
    response document it names who acts on a recommendation that names nobody itself."""
    after = {id(a.lines[-1]): b for a, b in itertools.pairwise(blocks) if a.lines}
    for cand in candidates:
        last = cand.blocks[-1].lines if cand.blocks else []
        following = after.get(id(last[-1])) if last else None
        if following is not None and RESPONSE_OPENING_RE.match(following.text):
            cand.response = following.text[:300]
    return candidates


# A reference code standing alone on its line, with a figure in it: "HSIB/2026/014", "R-07".
_CODE_ALONE_RE = re.compile(r"^[A-Z]{1,8}(?:[/-][A-Z0-9]{1,8}){1,3}$")


def carried_over(candidates: list[Candidate], blocks: Sequence[Block]) -> list[Candidate]:
    """An item that stops mid-sentence at the foot of its panel or column goes on in the next
    page's first text of that panel or column: a sidebar's item carried over (the page's own
    column is read first), or one column of a page of two languages side by side."""
    claimed = {id(b) for c in candidates for b in c.blocks}
    for cand in candidates:
        last = cand.blocks[-1] if cand.blocks else None
        if last is None or SENTENCE_END_RE.search(last.raw_text) or _goes_on(last, blocks):
            continue
        nxt = _next_pages_part(last, blocks)
        if nxt is not None and id(nxt) not in claimed:
            cand.blocks.append(nxt)
            claimed.add(id(nxt))
    return candidates


def _goes_on(last: Block, blocks: Sequence[Block]) -> bool:
    """True when more of the block's panel or column follows it on its own page."""
    end = last.lines[-1]
    return any(
        b.first.page == end.page
        and b.first.top > end.top
        and b.first.column == last.first.column
        and b.first.in_box == last.first.in_box
        for b in blocks
    )


def _next_pages_part(last: Block, blocks: Sequence[Block]) -> Block | None:
    """The next page's first block of the same panel or column, when it reads as the rest of
    a sentence: opening in lower case, or (in a column) hanging at the entry's text margin."""
    page, first = last.page_end, last.first
    if first.in_box:
        nxt = next((b for b in blocks if b.first.page == page + 1 and b.first.in_box), None)
        return nxt if nxt is not None and nxt.raw_text[:1].islower() else None
    if first.column == 0 and not any(b.first.column > 0 for b in blocks if b.first.page == page):
        return None  # a page of one column: the splitter joins its next page itself
    nxt = next(
        (b for b in blocks if b.first.page == page + 1 and b.first.column == first.column), None
    )
    if nxt is None or nxt.label is not None:
        return None
    hangs = last.label is not None and nxt.first.x0 > first.x0 + 4
    return nxt if nxt.raw_text[:1].islower() or hangs else None


def trailing_codes(candidates: list[Candidate], blocks: Sequence[Block]) -> list[Candidate]:
    """An unnumbered item whose text is followed by a reference code alone on its line takes
    the code as its number, unless another item's text follows the code (then it labels that)."""
    after = {
        id(a.lines[-1]): (b, c)
        for a, b, c in zip(blocks, blocks[1:], [*blocks[2:], None], strict=False)
        if a.lines
    }
    firsts = {id(c.blocks[0].lines[0]) for c in candidates if c.blocks and c.blocks[0].lines}
    for cand in candidates:
        last = cand.blocks[-1].lines if cand.blocks else []
        hit = after.get(id(last[-1])) if last and cand.number is None else None
        if hit is None:
            continue
        code, following = hit
        text = code.text.strip()
        if len(code.lines) != 1 or not _CODE_ALONE_RE.match(text) or not re.search(r"\d", text):
            continue
        if following is not None and following.lines and id(following.lines[0]) in firsts:
            continue
        cand.number = text
    return candidates


_SUBJECT_ASKS_RE = re.compile(
    r"^\W*(?:by [^,]{3,40},\s*)?\w.{0,80}?\b(?:should|must|shall)\b", re.I
)


def drop_titles(candidates: list[Candidate]) -> list[Candidate]:
    """A numbered title ("2) Training") followed by an entry of its kind with the same number
    ("2. The College should …") or by its sub-items ("2.1", "2a") only heads them: the entries
    are the items. A cause of concern is an item even when short; its recommendations follow
    it."""
    out: list[Candidate] = []
    lead: tuple[str, str] | None = None  # a dropped "11 … should:" and its number, leading in
    for k, cand in enumerate(candidates):
        number = (cand.number or "").rstrip(".)")
        following = candidates[k + 1] if k + 1 < len(candidates) else None
        title = cand.text()
        if lead is not None and cand.lead_in is None and _heads(lead[0], cand):
            cand = replace(cand, lead_in=lead[1], timing=cand.timing or timing_in(lead[1]))
        if (
            following is not None
            and following.kind == cand.kind
            and re.fullmatch(r"\d+(?:\.\d+)*", number) is not None
            and len(title.split()) <= 12
            # "11 By 30 April 2025, chief constables should:" over 11a, 11b: their lead-in
            and (not directs(title) or (names_only_who_acts(title) and not cand.labelled))
            and _heads(number, following)
            # a title over its own sub-items ("3 Training" over 3.1, 3.2) heads them whatever
            # they say; over an entry of the same number, only over one that asks
            and (following.number != cand.number or directs(following.text()))
        ):
            lead = (number, title) if names_only_who_acts(title) else None
            continue
        out.append(cand)
    return out


def _heads(number: str, following: Candidate) -> bool:
    """True when a title numbered `number` heads the entry after it: one with the same number,
    or one that prints a sub-number of it as its label ("2a.", "2.1", "Recommendation 2a";
    not a bare "(a)")."""
    after = (following.number or "").rstrip(".)")
    if after == number:
        return True
    printed = (following.blocks[0].label or "") if following.blocks else ""
    return (printed.startswith(number) or following.labelled) and re.fullmatch(
        rf"{re.escape(number)}(?:[a-z]|(?:\.\d+)+)", after
    ) is not None


# A lead-in whose list completes it: "…, we recommend that:" (not "…these principles:").
_RECOMMEND_THAT_RE = re.compile(
    r"\brecommends?(?: that| the following(?: actions?| steps)?)?\s*:$", re.IGNORECASE
)


def split_asks(candidates: list[Candidate]) -> list[Candidate]:
    """A recommendation whose lead-in ends "we recommend that:" and whose lettered parts each
    ask their own actor ("the College of Policing should …") is that many items under it.

    Under a labelled recommendation ("Recommendation 3") the parts are 3a, 3b …; under a
    numbered paragraph ("9 We recommend the following:") the paragraph is no item, and the
    parts keep their own letters.
    """
    out: list[Candidate] = []
    split_clusters: set[int] = set()
    asking = _numbered_asks_clusters(candidates)
    for cand in candidates:
        parts = _numbered_parts(cand)
        if parts:  # "7a", "7b" under "Recommendation 7 … so that:": items in their own right
            lead = " ".join(b.text for b in cand.blocks[: len(cand.blocks) - len(parts)])
            timing = timing_in(lead) or cand.timing
            out += [
                replace(
                    cand,
                    number=b.label,
                    parent=cand.number,
                    blocks=[b],
                    lead_in=lead,
                    timing=timing,
                )
                for b in parts
            ]
            continue
        asks = _asks(cand.blocks[1:])
        lead = cand.blocks[0].text.rstrip() if cand.blocks else ""
        if not _splits(cand, lead, asks, cand.cluster in asking):
            if cand.cluster in split_clusters and not _asks_anything(cand.text()):
                continue  # after lead-ins whose lists were the items, a paragraph of prose
            out.append(cand)
            continue
        split_clusters.add(cand.cluster)
        parent = cand.number if cand.labelled else None
        timing = timing_in(lead) or cand.timing
        for ask in asks:
            first = ask[0]
            letter = first.label if first.label_kind in ("letter", "roman") else None
            number = f"{parent}{letter}" if parent and letter else letter
            out.append(
                replace(cand, number=number, parent=parent, blocks=ask, lead_in=lead, timing=timing)
            )
    return out


def _numbered_asks_clusters(candidates: Sequence[Candidate]) -> set[int]:
    """The lists whose numbered entries ask something themselves (not only who acts, and not
    the report's process: "3. The council will send us evidence it has done so")."""
    return {
        c.cluster
        for c in candidates
        if c.number is not None
        and c.blocks
        and c.blocks[0].label_kind == "number"
        and not names_only_who_acts(c.blocks[0].text.rstrip())
        and not is_process(c.text())
    }


def _splits(cand: Candidate, lead: str, asks: list[list[Block]], among_asks: bool = False) -> bool:
    """True when an entry is a lead-in over asks that are the items: "we recommend that:" over
    asks each naming its actor, or "Within a month, the Council should:" over any list; but
    the parts of an entry whose numbered siblings ask are its own ("1. Within 4 weeks the
    landlord must: a. … b. …" beside "2. Within 6 weeks the landlord must arrange …")."""
    if cand.whole or len(asks) < 2:
        return False
    if not all(a[0].label_kind in ("letter", "roman", "bullet") for a in asks):
        return False
    if cand.kind == "recommendation" and _RECOMMEND_THAT_RE.search(lead):
        return all(_names_its_actor(a[0].text) for a in asks)
    if cand.labelled and _is_group_title(lead):
        # "Recommendation II: Intelligence sharing" over (a), (b) each asking its own body
        return all(_names_its_actor(a[0].text) for a in asks)
    # "Recommendation 3.1" over "The Welsh Government should:" and (a) … (d): the label
    # makes one item of it
    numbered_entry = (cand.number is not None and among_asks) or cand.named
    return names_only_who_acts(lead) and not numbered_entry


def _numbered_parts(cand: Candidate) -> list[Block]:
    """The parts closing an item, two or more, each labelled with its number and a letter."""
    parts: list[Block] = []
    for block in reversed(cand.blocks[1:]):
        if not (cand.number and _numbered_under(cand.number, block)):
            break
        parts.insert(0, block)
    return parts if len(parts) >= 2 else []


def _numbered_under(number: str, block: Block) -> bool:
    """True for a part labelled with its item's number and a letter ("7a" under "7")."""
    label = block.label or ""
    return (
        block.label_kind == "number"
        and re.fullmatch(re.escape(number) + r"[a-z]", label) is not None
    )


def _lettering_runs_on(lists: Sequence[tuple[int, Block, list[Block]]], n: int) -> bool:
    """True when a lettered list goes on from the one before or into the one after it
    ("21. … should: (a) (b)", "22. … should: (c) (d)"): its letters number items."""

    def letters(entries: list[Block]) -> list[str]:
        return [b.label or "" for b in entries if b.label_kind == "letter"]

    mine = letters(lists[n][2])
    if not mine or len(mine[0]) != 1:
        return False
    before = letters(lists[n - 1][2]) if n > 0 else []
    after = letters(lists[n + 1][2]) if n + 1 < len(lists) else []
    after_ok = bool(after) and len(after[0]) == 1 and ord(after[0]) == ord(mine[-1][0]) + 1
    before_ok = bool(before) and ord(mine[0]) == ord(before[-1][0]) + 1
    return after_ok or before_ok


def names_only_who_acts(text: str) -> bool:
    """True for one sentence that says who must act, and maybe by when, and stops at a colon
    ("Within one month, the Council should:"); one that asks something first ("… agree a
    protocol. The protocol should:") is an item itself."""
    one_sentence = not re.search(r"[.!?]\s+\S", text) and len(text.split()) <= 30
    if re.search(r"\b(?:recommended|urged|asked|called on)\b", text, re.IGNORECASE):
        return False  # "a bulletin, which recommended that owners should:": done before
    if one_sentence and bool(SHOULD_COLON_RE.search(text) or _URGES_RE.search(text)):
        return True
    # "… a chance to put this right. We are therefore asking you to:": the last sentence
    # asks, the ones before it only tell
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    told = text[: len(text) - len(last)]
    return len(last.split()) <= 30 and bool(_URGES_RE.search(last)) and not directs(told)


# "We urge MPs to:", "We are therefore asking you to:", "We call on the Government to:"
_URGES_RE = re.compile(
    r"\b(?:we|I)\s+(?:\w+\s+){0,2}?(?:urge|urging|ask|asking|call\s+on|calling\s+on|invite)\s+"
    r"[\w’' -]{2,60}?\s+to\s*:\s*$",
    re.IGNORECASE,
)


def _is_group_title(text: str) -> bool:
    """A short title that asks nothing ("Intelligence sharing with forces", "Support for
    victims": a noun that may be read as a verb)."""
    text = text.strip()
    return 0 < len(text.split()) <= 10 and not SENTENCE_END_RE.search(text) and not directs(text)


def _asks_anything(text: str) -> bool:
    """True when a text directs someone or opens with the verb of an ask."""
    return directs(text) or opens_with_imperative(text)


def _names_its_actor(text: str) -> bool:
    """True when an ask opens with the body it asks ("the College of Policing should …")."""
    return bool(_SUBJECT_ASKS_RE.match(text)) and not opens_with_imperative(text)


def _asks(parts: Sequence[Block]) -> list[list[Block]]:
    """The asks of a lead-in: each part of the list's own label style, with the sub-list of a
    part that ends in a colon ("the College should:" then bullets) kept inside that part."""
    asks: list[list[Block]] = []
    style = parts[0].label_kind if parts else None
    for block in parts:
        if asks and block.label_kind != style and asks[-1][0].text.rstrip().endswith(":"):
            asks[-1].append(block)
        else:
            asks.append([block])
    return asks


def without_process(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates less the statements of the report's process, when others remain, and
    less any of a word or two ("1. Summary" is a heading, not an ask); never a meeting's own
    business, a recommendation declined, or the Welsh twin of an English item."""
    every = [(c, c.text()) for c in candidates]
    welsh = {id(c) for c, text in every if in_welsh(text)}
    english = len(welsh) < len(every)
    texts = [
        (c, text)
        for c, text in every
        if not MEETING_BUSINESS_RE.search(text)
        and not DECLINED_RE.match(text)
        # the Welsh twin of an English item in a bilingual report: its translation
        and not (english and id(c) in welsh)
    ]
    worded = [(c, text) for c, text in texts if len(text.split()) > _FEWEST_WORDS]
    kept = [c for c, text in worded if not is_process(text)]
    return kept if kept else [c for c, _ in worded]


_FEWEST_WORDS = 2


# "I also recommend that …", "We further recommend that …": an ask added to a list
_ALSO_RECOMMENDS_RE = re.compile(r"(?:I|We)\s+(?:also|further)\s+recommends?\b")


def numbered_sections(candidates: list[Candidate]) -> list[Candidate]:
    """In a section whose entries are numbered (12.1, 12.2 …), a plain paragraph with no label
    is the author's prose between them ("That must change."), not an item."""
    numbered = Counter(
        c.cluster for c in candidates if c.blocks and c.blocks[0].label_kind == "number"
    )
    return [
        c
        for c in candidates
        if numbered[c.cluster] < 2
        or c.labelled
        or c.number is not None
        or not c.blocks
        or c.blocks[0].label is not None
        or _ALSO_RECOMMENDS_RE.match(c.text()) is not None  # one more ask after the list
    ]


def findings_answered(candidates: list[Candidate]) -> list[Candidate]:
    """A concern or shortfall set as a plain paragraph and answered at once by its own
    "Recommendation: …" (a prisons inspectorate's key concerns) is the finding behind that
    recommendation, not an item of its own; a labelled "Cause of concern" stays one."""
    answered = [
        c
        for c, d in itertools.pairwise(candidates)
        if c.kind in ("cause_of_concern", "area_for_improvement")
        and not c.labelled
        and d.kind == "recommendation"
        and d.run_in
        and c.blocks
        and d.blocks
        and _answers(c.blocks[-1], d.blocks[0])
    ]
    if _numbered_on(answered, candidates):
        return candidates  # concerns 1-3, then areas for improvement 4-7: one list of items
    drop = {id(c) for c in answered}
    return [c for c in candidates if id(c) not in drop]


def _numbered_on(concerns: Sequence[Candidate], candidates: Sequence[Candidate]) -> bool:
    """True when other items carry on the concerns' numbering (the next whole number)."""
    numbers = [int(c.number) for c in concerns if c.number and c.number.isdigit()]
    if not numbers:
        return False
    after, taken = str(max(numbers) + 1), {id(c) for c in concerns}
    return any(c.number == after and id(c) not in taken for c in candidates)


def _answers(finding: Block, answer: Block) -> bool:
    """True when the answer's label stands right under the finding's last line."""
    last, first = finding.lines[-1], answer.first
    if first.page == last.page:
        return 0 <= first.top - last.bottom < 2.5 * first.size
    return first.page == last.page + 1


_WHOLE_NUMBER_RE = re.compile(r"\d{1,3}")
_DECIMAL_RE = re.compile(r"\d{1,3}\.\d{1,3}")


def chapter_paragraphs(candidates: list[Candidate]) -> list[Candidate]:
    """A list numbered 1, 2, 3 … under a chapter whose paragraphs are numbered 5.1, 5.2: the
    decimal paragraphs before the list are the chapter's prose about it, not its entries."""
    out: list[Candidate] = []
    for cluster in dict.fromkeys(c.cluster for c in candidates):
        members = [c for c in candidates if c.cluster == cluster]
        whole = [k for k, c in enumerate(members) if _WHOLE_NUMBER_RE.fullmatch(c.number or "")]
        start = whole[0] if len(whole) >= 3 and members[whole[0]].number == "1" else 0
        # so with a bulleted list: the decimal paragraphs before it are the chapter's prose,
        # and those after it that ask nothing ("7.1 A plan will be produced …")
        bullets = [k for k, c in enumerate(members) if c.blocks[0].label_kind == "bullet"]
        first_bullet = bullets[0] if len(bullets) >= 2 else None
        out += [
            c
            for k, c in enumerate(members)
            if c.labelled
            or not _DECIMAL_RE.fullmatch(c.number or "")
            or (
                k >= start
                and (first_bullet is None or (k > first_bullet and _asks_anything(c.text())))
            )
        ]
    order = {id(c): k for k, c in enumerate(candidates)}
    return sorted(out, key=lambda c: order[id(c)])


def lead_in_lists(blocks: Sequence[Block], found: Sequence[Candidate]) -> list[Candidate]:
    """Outside any section of items, a paragraph that only says who must act and by when
    ("30. Within one month of my decision, the Council should:") over a lettered, roman or
    bulleted list indented under it: each entry is a recommendation with that lead-in."""
    claimed = {id(b) for c in found for b in c.blocks}
    lists: list[tuple[int, Block, list[Block]]] = []
    for k, lead in enumerate(blocks):
        if len(lead.lines) > LEAD_LINES or id(lead) in claimed:
            continue  # a lead-in is a line or two (and a long block is never joined whole)
        if not names_only_who_acts(lead.text.strip()):
            continue
        entries: list[Block] = []
        for b in blocks[k + 1 :]:
            listed = b.label_kind in ("letter", "roman", "bullet")
            # an entry that finishes the lead-in's sentence in lower case is its own, set in
            # or not: "We urge MPs to:" over "• speak in the debate …" (a numbered one may be
            # an earlier report's, reprinted under a heading that says so)
            runs_on = listed and b.text[:1].islower() and b.first.x0 >= lead.first.x0
            set_in = b.first.x0 > lead.first.x0 + (4 if b.label_kind == "bullet" else 8)
            if not (set_in or runs_on) or not listed:
                break
            if id(b) in claimed:
                break
            entries.append(b)
        if len(entries) >= 2:
            lists.append((k, lead, entries))
    out: list[Candidate] = []
    for n, (k, lead, entries) in enumerate(lists):
        if lead.label_kind == "number" and not _lettering_runs_on(lists, n):
            continue  # "11. The State party should:" over (a) … (d): one paragraph's parts
        text = lead.text.strip()
        out += [
            Candidate(
                kind="recommendation",
                number=b.label if b.label_kind in ("letter", "roman", "number") else None,
                parent=None,
                blocks=[b],
                cluster=-20_000 - k,
                lead_in=text,
                timing=timing_in(text),
            )
            for b in entries
        ]
    return out


_RECOMMENDING_WORD_RE = re.compile(r"ecommend|\bcalls? on\b")


def standalone_recommendations(blocks: Sequence[Block]) -> list[Candidate]:
    """In a report that has no list of recommendations, "We recommend ..." paragraphs set in
    bold or numbered as paragraphs ("9. I therefore recommend that the force ...")."""
    out: list[Candidate] = []
    paragraph: Block | None = None  # the numbered paragraph just read
    for b in blocks:
        numbered = b.label_kind == "number" and b.label is not None
        above, paragraph = paragraph, (b if numbered else None)
        if not _RECOMMENDING_WORD_RE.search(b.first.text):
            continue  # its opening words say nothing of recommending (and its text stays unjoined)
        if len(b.raw_text.split()) < 6:
            continue
        text = b.text if numbered else b.raw_text
        if STANDALONE_RE.match(text) and not _READER_ADVICE_RE.match(text):
            number = b.label.rstrip(".") if numbered and b.label else None
            if number is None and above is not None and above.label:
                # set in right under a numbered paragraph: that paragraph's
                indented = b.first.x0 > above.first.x0 + 8 and b.first.column == above.first.column
                if indented and b.first.page in (above.page_end, above.page_end + 1):
                    number = above.label.rstrip(".")
            # a meeting's resolution stands alone, not prose between numbered paragraphs
            resolved = number is None and b.raw_text.startswith("RESOLVED")
            cluster = -10_001 - len(out) if resolved else -10_000
            out.append(
                Candidate(
                    kind="recommendation", number=number, parent=None, blocks=[b], cluster=cluster
                )
            )
    return out


# Advice to the reader, no ask of a body: "We recommend reading this plan alongside …"
_READER_ADVICE_RE = re.compile(
    r"^[^.]{0,40}?\brecommends?\s+(?:reading|viewing|consulting|referring\s+to)\b", re.I
)


def _heading_kind(block: Block) -> ItemKind | None:
    """The kind of item a short heading names ("Steps to remedy": actions), if any."""
    return section_kind(block.raw_text) if len(block.raw_text.split()) <= 8 else None


# A heading over a list of another sort than asks: "Our shared principles", "Our commitments"
_OTHER_LIST_RE = re.compile(
    r"\b(?:principles|commitments|values|pledges|promises|ground rules)\b", re.IGNORECASE
)


def _short_heading(block: Block) -> bool:
    """True for a short line set in bold, as a heading is."""
    return block.first.bold and len(block.lines) == 1 and len(block.raw_text.split()) <= 8


_QUESTION_RE = re.compile(r"[^.!?]*\?")  # a first sentence that is a question
_PARAGRAPH_NO_RE = re.compile(r"\(?(\d{1,2})[.)]?")


def numbered_asks(blocks: Sequence[Block]) -> list[Candidate]:
    """Paragraphs numbered 1, 2, 3 … through a report (prose between them unnumbered), every
    one asking a body to act ("4 The PSNI should …"): the report's items, of the kind the
    nearest heading above them names (else recommendations). Those another pass read as items
    of that kind are the same items, merged with them."""
    found = _numbered_paragraphs(blocks)
    if len(found) < 3 or not _runs_from_one([n for _, n, _ in found]):
        return []
    if not all(directs(b.text) and not _QUESTION_RE.match(b.text) for _, _, b in found):
        # findings and asks in turn ("The Committee is concerned …", then "The State party
        # should …"): the paragraphs that open with an ask are the items
        found = [f for f in found if _opens_with_ask(f[2].text)]
        if len(found) < 3:
            return []  # numbered paragraphs that tell (findings, a method) or ask the reader
    above = next((b for b in reversed(blocks[: found[0][0]]) if _short_heading(b)), None)
    if above is not None and _OTHER_LIST_RE.search(above.raw_text):
        return []  # "Our shared principles": what the bodies hold to, asked of no one
    kinds = (_heading_kind(b) for b in reversed(blocks[: found[0][0]]))
    kind: ItemKind = next((k for k in kinds if k is not None), "recommendation")
    return [
        Candidate(
            kind=kind,
            number=number,
            parent=number.split("(")[0] if "(" in number else None,
            blocks=[block, *_paragraph_over_pages(blocks, k)[1:], *_parts_under(blocks, k)],
            cluster=-10_000,
        )
        for k, number, block in found
    ]


# A paragraph that opens by asking: "The State party should …", "The Committee recommends
# that …", "The Committee urges the State party to: …"
_ASK_OPENING_RE = re.compile(
    r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,6}?\s+(?:should|must|shall|(?:also |further |strongly )?"
    r"(?:recommends|(?P<urges>urges|encourages|calls (?:up)?on)))\b"
)


# The words of a finding before its modal: "is concerned that", "notes that", "regrets that"
_FINDS_RE = re.compile(
    r"\b(?:concerned|notes|noted|regrets|welcomes|considers|observes|found|finds)\b", re.IGNORECASE
)


def _opens_with_ask(text: str) -> bool:
    """True when a paragraph's first sentence asks a body to act, from its first words."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip(), maxsplit=1)[0]
    m = _ASK_OPENING_RE.match(first)
    if m is not None and _FINDS_RE.search(m.group(0)):
        return False  # "The Committee is concerned that the police should …": a finding
    # "urges" and "encourages" ask as "recommends" does, the author being their subject
    asks = m is not None and (m.group("urges") is not None or directs(first))
    return asks and not _QUESTION_RE.match(first)


def _parts_under(blocks: Sequence[Block], k: int) -> list[Block]:
    """The lettered, roman or bulleted parts set in under a paragraph that ends in a colon."""
    if not blocks[k].raw_text.rstrip().endswith(":"):
        return []
    parts: list[Block] = []
    for b in blocks[k + 1 :]:
        if (
            b.label_kind not in ("letter", "roman", "bullet")
            or b.first.x0 <= blocks[k].first.x0 + 4
        ):
            break
        parts.append(b)
    return parts


# A part of a numbered paragraph, numbered by it and a letter: "4(a) The Act should be …"
_LETTERED_PART_RE = re.compile(r"^(?P<n>\d{1,2})\((?P<l>[a-z])\)\s+(?=\S)")


def _numbered_paragraphs(blocks: Sequence[Block]) -> list[tuple[int, str, Block]]:
    """Each paragraph numbered 1, 2 … or as a lettered part of one ("4(a)"; its title "4.
    Conditions of release" heads the parts): its index, number and block, label dropped."""
    out: list[tuple[int, str, Block]] = []
    for k, b in enumerate(blocks):
        m = _PARAGRAPH_NO_RE.fullmatch(b.label or "") if b.label_kind == "number" else None
        # not a numbered heading; "11. The State party should:" leads its own parts in
        if m is not None and (len(b.raw_text.split()) >= 6 or b.raw_text.rstrip().endswith(":")):
            out.append((k, m[1], b))
            continue
        part = _LETTERED_PART_RE.match(b.raw_text) if b.label is None else None
        if part is not None:
            first = replace(b.first, text=b.first.text[part.end() :])
            out.append((k, f"{part['n']}({part['l']})", Block([first, *b.lines[1:]])))
    return out


def _runs_from_one(numbers: Sequence[str]) -> bool:
    """True when numbers run 1, 2, 3 …, a number repeated only by its lettered parts
    (3, 4(a), 4(b), 5)."""
    at = 0
    for number in numbers:
        whole = int(number.split("(")[0])
        if whole == at + 1:
            at = whole
        elif not (whole == at and "(" in number):
            return False
    return True


# A label printed after its item, in brackets: "… within three months. (Recommendation 4)"
TRAILING_LABEL_RE = re.compile(
    r"\((?P<kw>recommendation|area for improvement|cause of concern|action)\s+"
    r"(?P<num>\d{1,3}[a-z]?)\)",
    re.IGNORECASE,
)
_SENTENCE_BREAK_RE = re.compile(r"[.!?][’”'\")]?\s+(?=[A-Z‘“\"'])")


# A numbered paragraph's number before its first sentence: "… quickly. 6.12 The force …"
_PARAGRAPH_NUMBER_RE = re.compile(r"(?:^|(?<=\s))\d{1,3}(?:\.\d{1,3})+\s+(?=[A-Z])")


def trailing_labels(blocks: Sequence[Block]) -> list[Candidate]:
    """Items whose label follows them in brackets inside running prose: each is the sentence
    before its label, when that sentence asks something ("We recommend that …")."""
    text, spans = _run_together(blocks)
    out: list[Candidate] = []
    for m in TRAILING_LABEL_RE.finditer(text):
        before = text[: m.start()].rstrip()
        if not before.endswith((".", "?", "!")):
            continue
        breaks = list(_SENTENCE_BREAK_RE.finditer(before[:-1]))
        numbered = list(_PARAGRAPH_NUMBER_RE.finditer(before[:-1]))
        # the sentence starts at the last break, or after a numbered paragraph's number
        start = max([0, *(b.end() for b in breaks[-1:]), *(n.end() for n in numbered[-1:])])
        sentence = before[start:]
        if (
            not (directs(sentence) or opens_with_imperative(sentence))
            or len(sentence.split()) > 120
        ):
            continue
        parts = _located(spans, start, len(before))
        out.append(
            Candidate(
                kind=label_kind(m.group("kw")),
                number=m.group("num"),
                parent=None,
                blocks=parts,
                cluster=-30_000,
                labelled=True,
            )
        )
    return out


def _run_together(blocks: Sequence[Block]) -> tuple[str, list[tuple[int, Block]]]:
    """The blocks' texts run together, and where each block's text begins in it."""
    pieces: list[str] = []
    spans: list[tuple[int, Block]] = []
    at = 0
    for block in blocks:
        raw = block.raw_text
        if pieces:
            pieces.append(" ")
            at += 1
        spans.append((at, block))
        pieces.append(raw)
        at += len(raw)
    return "".join(pieces), spans  # joined once: adding to a growing string is quadratic


def _located(spans: Sequence[tuple[int, Block]], start: int, end: int) -> list[Block]:
    """The text from start to end of the run-together blocks, as one block per source block,
    with one line per page its part is printed on."""
    parts: list[Block] = []
    for k, (offset, block) in enumerate(spans):
        stop = spans[k + 1][0] - 1 if k + 1 < len(spans) else offset + len(block.raw_text)
        lo, hi = max(start, offset), min(end, stop)
        if lo >= hi:
            continue
        lines = []
        for page, at, upto in _page_runs(block):
            a, b = max(lo, offset + at), min(hi, offset + upto)
            piece = block.raw_text[a - offset : b - offset].strip()
            if piece:
                lines.append(Line(page, piece, 0, 0, 0, 0, 0, False))
        if lines:
            parts.append(Block(lines))
    return parts


def _page_runs(block: Block) -> list[tuple[int, int, int]]:
    """Each page's stretch of the block's raw text: (page, start, end)."""
    raw = block.raw_text
    runs: list[tuple[int, int, int]] = []
    cursor = 0
    for ln in block.lines:
        key = ln.text.strip()[:12]
        # hyphen joins change a line's end, never its start, so its start is found by search
        found = raw.find(key, cursor) if key else -1
        at = found if found >= 0 else cursor
        if not runs or runs[-1][0] != ln.page:
            if runs:
                runs[-1] = (runs[-1][0], runs[-1][1], at)
            runs.append((ln.page, at, len(raw)))
        cursor = at + len(key)
    if runs:
        runs[0] = (runs[0][0], 0, runs[0][2])
    return runs


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth")  # fmt: skip
# "My first recommendation is that …", "Our third and final recommendation is that …"
ORDINAL_RE = re.compile(
    r"\b(?:My|Our) (?P<ord>" + "|".join(_ORDINALS) + r")(?: and (?:final|last))? "
    r"recommendation is that\b"
)


# A letter announcing the ask it goes on to make: "I am therefore making a new
# recommendation: by 31 July, the force should …", "We make one further recommendation: …".
ANNOUNCED_RE = re.compile(
    r"\b(?:I|we)\s+(?:am\s+|are\s+)?(?:therefore\s+|also\s+)?(?:making|make)\s+"
    r"(?:a|one|the following|this)\s+(?:new\s+|further\s+|single\s+)?"
    r"recommendation(?:\s+to\s+[^:.]{1,60})?:\s+",
    re.IGNORECASE,
)


# A letter announcing an area for improvement it then states: "During the revisit we also
# identified an area for improvement, which falls outside this letter. The force should …".
ANNOUNCED_AFI_RE = re.compile(
    r"\b(?:I|we)\s+(?:have\s+)?(?:also\s+)?(?:identified|found|noted)\s+"
    r"(?:an|one|a further|a new|another)\s+area for improvement\b[^.:;]{0,120}[.:]\s+",
    re.IGNORECASE,
)


_EARLIER_REPORT_RE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:previous|last|earlier|first)\b", re.I)


def announced_recommendations(blocks: Sequence[Block]) -> list[Candidate]:
    """An item a letter announces in its prose ("I am making a new recommendation: …", "we
    also identified an area for improvement. The force should …"): the sentences after the
    announcement that ask something."""
    text, spans = _run_together(blocks)
    out: list[Candidate] = []
    announced: list[tuple[re.Match[str], ItemKind]] = [
        *((m, "recommendation") for m in ANNOUNCED_RE.finditer(text)),
        *((m, "area_for_improvement") for m in ANNOUNCED_AFI_RE.finditer(text)),
    ]
    # the count's pattern scans the whole text: only where its "recommendations:" is
    listed = ANNOUNCED_LIST_RE.finditer(text) if "ecommendations:" in text else ()
    for m in listed:
        out += _enumerated(text, spans, m)
    for m, kind in announced:
        end = _asks_end(text, m.end())
        opening = text[text.rfind(". ", 0, m.start()) + 1 : m.start()]
        if end is None or _EARLIER_REPORT_RE.search(opening):
            continue  # "In our 2023 inspection we identified an area for improvement …": history
        out.append(
            Candidate(
                kind=kind,
                number=None,
                parent=None,
                blocks=_located(spans, m.end(), end),
                cluster=-33_000,
                labelled=True,
            )
        )
    return out


# Recommendations a letter counts and then enumerates inside one sentence: "… replacing it
# with two recommendations: (1) By October, the force should …; and (2) the commissioner …"
ANNOUNCED_LIST_RE = re.compile(
    r"\b(?P<count>two|three|four|five|six|[2-9])\s+(?:new\s+|further\s+)?recommendations:\s+"
    r"(?=\(1\)\s)",
    re.IGNORECASE,
)
_INLINE_MARK_RE = re.compile(r"(?:^|(?<=\s))\((?P<n>\d{1,2})\)\s+")
_COUNT_WORDS = ("two", "three", "four", "five", "six")


def _enumerated(text: str, spans: Sequence[tuple[int, Block]], m: re.Match[str]) -> list[Candidate]:
    """The items "(1) …; and (2) …" after a count of them: each marked part that asks, when
    the marks run 1 to the count stated."""
    word = m.group("count").lower()
    count = int(word) if word.isdigit() else _COUNT_WORDS.index(word) + 2
    marks: list[re.Match[str]] = []
    for mark in _INLINE_MARK_RE.finditer(text, m.end()):
        if mark.group("n") != str(len(marks) + 1):
            break
        marks.append(mark)
        if len(marks) == count:
            break
    if len(marks) != count:
        return []
    stop = _SENTENCE_BREAK_RE.search(text, marks[-1].end())
    ends = [mark.start() for mark in marks[1:]] + [stop.start() + 1 if stop else len(text)]
    out: list[Candidate] = []
    for n, (mark, end) in enumerate(zip(marks, ends, strict=True), start=1):
        part = text[mark.end() : end]
        end = mark.end() + len(re.sub(r"[;,]?\s*(?:and|or)?\s*$", "", part))
        if not directs(text[mark.end() : end]):
            return []
        out.append(
            Candidate(
                kind="recommendation",
                number=str(n),
                parent=None,
                blocks=_located(spans, mark.end(), end),
                cluster=-33_000,
                labelled=True,
            )
        )
    return out


def ordinal_recommendations(blocks: Sequence[Block]) -> list[Candidate]:
    """Recommendations a letter numbers in words inside its prose: each is the sentence that
    opens "My second recommendation is that", numbered by its ordinal."""
    text, spans = _run_together(blocks)
    out: list[Candidate] = []
    for m in ORDINAL_RE.finditer(text):
        stop = _SENTENCE_BREAK_RE.search(text, m.end())
        end = stop.start() + 1 if stop else len(text)
        out.append(
            Candidate(
                kind="recommendation",
                number=str(_ORDINALS.index(m.group("ord")) + 1),
                parent=None,
                blocks=_located(spans, m.start(), end),
                cluster=-31_000,
                labelled=True,
            )
        )
    return out


# A minute's number opening its heading: "18/25 SCRUTINY REVIEW OF ON-CALL AVAILABILITY"
_MINUTE_HEADING_RE = re.compile(r"^(?P<num>\d{1,3}/\d{2,4})\.?\s+\S")
# A meeting's recommendation to another body, in the minutes' own form
_RECOMMENDED_TO_RE = re.compile(
    r"^RECOMMENDED\s+to\s+(?:the\s+)?(?P<body>[A-Z][\w’' ,&-]{2,80}?)\s+that\b"
)


def minute_recommendations(blocks: Sequence[Block]) -> list[Candidate]:
    """A minute's recommendation to another body ("RECOMMENDED to the Fire Authority that
    …"), numbered by its minute ("18/25"), with its lettered parts and its words carried
    over a page; a minute's decision ("RESOLVED that …") is the meeting's own."""
    out: list[Candidate] = []
    minute: str | None = None
    for k, block in enumerate(blocks):
        heading = _MINUTE_HEADING_RE.match(block.raw_text)
        if heading is not None and block.first.bold:
            minute = heading.group("num")
            continue
        said = _RECOMMENDED_TO_RE.match(block.raw_text)
        if said is None:
            continue
        parts = [block]
        for after in blocks[k + 1 :]:
            if after.first.bold or not re.match(r"[a-z(]", after.raw_text):
                break  # the next minute, decision or paragraph
            parts.append(after)
        out.append(
            Candidate(
                kind="recommendation",
                number=minute,
                parent=None,
                blocks=parts,
                cluster=-32_000,
                labelled=True,
                responsible=said.group("body"),
            )
        )
    return out


# A label run into its text after another sentence of the same paragraph: "… were followed
# up. Area for improvement: The service should make sure …", "… Area for improvement 2: …";
# a priority in brackets or a dash may stand for the colon ("Recommendation 1 (High) The …")
MID_LABEL_RE = re.compile(
    r"(?<=[.!?] )(?P<kw>Recommendation|Area for improvement|Cause of concern|Action)"
    r"(?:\s+(?P<num>\d{1,2}))?(?::|\s+\([A-Z][\w -]{0,20}\):?|\s+[–—])\s+(?=[A-Z])"
)


_MID_LABEL_WORDS_RE = re.compile(r"[.!?] (?:Recommendation|Area|Cause|Action)\b")


def midparagraph_labels(blocks: Sequence[Block]) -> list[Candidate]:
    """Items labelled after another sentence of their paragraph: each runs from its label to
    the last of the sentences after it that ask something, over a page break or a bold run."""
    out: list[Candidate] = []
    for k, block in enumerate(blocks):
        if not _MID_LABEL_WORDS_RE.search(block.raw_text):
            continue  # no label starts here (a cheap test before running paragraphs together)
        text, spans = _run_together(_paragraph_over_pages(blocks, k))
        for m in MID_LABEL_RE.finditer(text):
            if m.start() >= len(block.raw_text):
                break  # the label is in the next page's part: that block's own pass finds it
            end = _asks_end(text, m.end())
            if end is None:
                continue
            out.append(
                Candidate(
                    kind=label_kind(m.group("kw")),
                    number=m.group("num"),
                    parent=None,
                    blocks=_located(spans, m.end(), end),
                    cluster=-32_000,
                    labelled=True,
                )
            )
    return out


def _paragraph_over_pages(blocks: Sequence[Block], k: int) -> list[Block]:
    """The block and the blocks that finish its sentence: its paragraph's part on the next
    page, or a run set in bold that broke the paragraph ("… Area for improvement 1: The force
    should" over "improve the accuracy of …")."""
    out = [blocks[k]]
    for nxt in blocks[k + 1 : k + 4]:
        last = out[-1]
        if (
            nxt.label is not None
            or nxt.first.page not in (last.lines[-1].page, last.lines[-1].page + 1)
            or SENTENCE_END_RE.search(last.raw_text)
            or not (nxt.raw_text[:1].islower() or nxt.raw_text[:1].isdigit())
        ):
            break
        out.append(nxt)
    return out


def _asks_end(text: str, start: int) -> int | None:
    """Where the asking sentences from start end: the first always, then those that ask too
    ("It should …", "By 31 July, it should have …"); None when the first asks nothing."""
    cuts = [b.end() for b in _SENTENCE_BREAK_RE.finditer(text, start)] + [len(text)]
    end = None
    at = start
    for cut in cuts:
        sentence = text[at:cut].strip()
        asks = directs(sentence) or opens_with_imperative(sentence)
        asks = asks or bool(re.match(r"By [^,]{3,40}, \w+ should have\b", sentence))
        if not asks:
            break
        end, at = cut, cut
    return end


# A pointer from a summary to the list that prints the items in full: "The full
# recommendations are in section 7", "They are set out in full in Annex A"
_IN_FULL_RE = re.compile(
    r"\b(?:set out|printed|listed|given|are|appear)\s+in full\b|"
    r"\bin full in (?:annex|appendix|section|chapter|part)\b|"
    r"\bfull (?:text of (?:the|our) |list of (?:the|our) )?recommendations (?:are|is|appear|can)\b|"
    # "We set out eleven calls to action on pages 7 and 8. In brief:", "at a glance"
    r"\bin brief\b|\bat a glance\b|\bon pages?\s+\d{1,3}\b",
    re.IGNORECASE,
)


def pointed_summaries(candidates: list[Candidate], blocks: Sequence[Block]) -> list[Candidate]:
    """A list in brief: one pointing to its items in full (in it, just above its heading or
    right after it) holds none when a fuller list of the same kind follows on a later page."""
    position = {id(b): k for k, b in enumerate(blocks)}
    clusters: dict[int, list[Candidate]] = {}
    for cand in candidates:
        if cand.blocks:
            clusters.setdefault(cand.cluster, []).append(cand)
    dropped: set[int] = set()
    numbers = {c.number for c in candidates if c.number}
    for members in clusters.values():
        if any(c.labelled for c in members):
            continue  # a list of labelled items is no summary in brief
        if _points_to_items(members, numbers):
            dropped.update(id(c) for c in members)
            continue
        first = position.get(id(members[0].blocks[0]))
        last = position.get(id(members[-1].blocks[-1]))
        above = blocks[max(0, first - 3) : first] if first is not None else []
        below = blocks[last + 1 : last + 2] if last is not None else []
        texts = [c.text() for c in members] + [b.text for b in (*above, *below)]
        if not any(_IN_FULL_RE.search(t) for t in texts):
            continue
        page = members[-1].blocks[-1].page_end
        fuller = any(
            len(others) >= len(members)
            and others[0].kind == members[0].kind
            and others[0].blocks[0].page_start > page
            for others in clusters.values()
        )
        if fuller:
            dropped.update(id(c) for c in members)
    return [c for c in candidates if id(c) not in dropped]


def _points_to_items(members: Sequence[Candidate], numbers: set[str]) -> bool:
    """True for a list most of whose entries close on the code of an item the report gives
    elsewhere ("… reviewed under MoPI. (B09)"): the issues behind those items, in brief."""
    refs = [m.group("ref") for c in members if (m := CLOSING_REF_RE.search(c.text()))]
    own = {c.number for c in members}
    return 2 * len(refs) > len(members) and all(r in numbers and r not in own for r in refs)


# A finite verb in the past: "was inconsistent", "had not been achieved", "exceeded"
_PAST_RE = re.compile(r"\b(?:was|were|had|did)\b|\b[a-z]{3,}ed\b")


def findings_in_brief(candidates: list[Candidate]) -> list[Candidate]:
    """A list of areas for improvement, under no lead-in, whose entries are each a clause in
    lower case saying what was found ("the quality assurance of cases was inconsistent"),
    asking nothing, is a rating's evidence beside its strengths: no items."""
    clusters: dict[int, list[Candidate]] = {}
    for cand in candidates:
        if cand.kind == "area_for_improvement" and not cand.labelled and cand.blocks:
            clusters.setdefault(cand.cluster, []).append(cand)
    found = {
        id(c)
        for members in clusters.values()
        # under "The ICB should improve:" the entries finish its ask
        if len(members) >= 2 and all(not c.lead_in and _found_in_brief(c.text()) for c in members)
        for c in members
    }
    return [c for c in candidates if id(c) not in found]


def _found_in_brief(text: str) -> bool:
    """True for a clause in lower case that says in the past what was found."""
    return text[:1].islower() and bool(_PAST_RE.search(text)) and not _asks_anything(text)


# A record's fields in a database report: "Type: Area for improvement No: 3 Status: Open"
_RECORD_RE = re.compile(
    r"\b(?:type|kind|category):\s*(?P<kind>[A-Za-z][A-Za-z ]{2,40}?)\s+"
    r"(?:no\.?|number|ref):\s*(?P<num>[\w.-]{1,12})(?=\s|$)",
    re.IGNORECASE,
)


def trailing_fields(candidates: list[Candidate]) -> list[Candidate]:
    """An item whose own text closes with its fields ("… Owner: Ops Planning. Due: 19 June
    2024."): who owns it and when it is due, as fields set under it would say."""
    for cand in candidates:
        m = TRAILING_FIELDS_RE.search(cand.text()) if cand.responsible is None else None
        if m is not None:
            cand.responsible = m["who"].strip()
            cand.timing = due_phrase(m["when"]) if m["when"] else cand.timing
    return candidates


def record_fields(candidates: list[Candidate], blocks: Sequence[Block]) -> list[Candidate]:
    """An item printed as a record, under a line of fields naming its type and number
    ("Type: Area for improvement No: 3 Status: Open"): that kind and number."""
    position = {id(b): k for k, b in enumerate(blocks)}
    owned = {id(b) for c in candidates for b in c.blocks}
    for cand in candidates:
        k = position.get(id(cand.blocks[0])) if cand.blocks else None
        if k is None or cand.number:
            continue
        for above in reversed(blocks[max(0, k - 3) : k]):
            if id(above) in owned:
                break  # another item's text: the fields above it are its own
            fields = list(_RECORD_RE.finditer(above.text))
            if fields:
                cand.kind = known_kind(fields[-1]["kind"]) or cand.kind
                cand.number = fields[-1]["num"]
                break
    return candidates


# A label of the document's own naming over each ask: "Issue for consideration 2",
# "Learning point 1.1"
_OWN_LABEL_RE = re.compile(
    r"(?P<name>(?-i:[A-Z])[a-z]+(?: [a-z]+){0,3}) (?P<num>\d{1,2}(?:\.\d{1,2})?[a-z]?)"
)
# Labels that never head an ask: what was seen or praised, and the document's own parts
_NOT_ASKING_RE = re.compile(
    r"(?:observations?|findings?|(?:notable|good|promising|innovative) practice|case study|"
    r"objectives?|questions?|figure|table|box|chart|chapter|section|part|annex|appendix|"
    r"stage|step|phase|case|lesson identified|example)",
    re.IGNORECASE,
)


def labelled_asks(blocks: Sequence[Block]) -> list[Candidate]:
    """In a document with no list of recommendations, asks under a label of its own naming,
    used twice or more ("Issue for consideration 1" over "Police services should …"):
    its recommendations, numbered so."""
    found: list[tuple[str, str, Block]] = []
    for head, body in itertools.pairwise(blocks):
        m = _OWN_LABEL_RE.fullmatch(head.text.strip().rstrip(":"))
        if m is None or not head.first.bold or len(head.lines) > 1:
            continue
        if _NOT_ASKING_RE.fullmatch(m["name"]) or LABEL_RE.match(head.text):
            continue  # a kind's own label ("Area for improvement 1") was the splitter's to read
        if body.first.bold or not directs(body.text):
            continue
        found.append((m["name"], m["num"], body))
    names = Counter(name.lower() for name, _, _ in found)
    after = {id(a): b for a, b in itertools.pairwise(blocks)}
    out: list[Candidate] = []
    for name, number, body in found:
        if names[name.lower()] < 2:
            continue
        # "Requirement 3": what a regulator requires, as its "Requirements" section would
        kind = section_kind(f"{name}s") or "recommendation"
        out.append(Candidate(kind, number, None, [body], -34_000))
        fields = FIELDS_RE.match(after[id(body)].text.strip()) if id(body) in after else None
        if fields is not None:  # "Owner: Harnby Chemicals Ltd Timescale: within three months"
            when = fields["when"] or fields["only_when"]
            out[-1].responsible = fields["who"]
            out[-1].timing = due_phrase(when) if when else None
    return out


# A line in brief that points to the item it sums up: "… no named owner (see A2)."
_SEE_ITEM_RE = re.compile(
    r"\(see (?:recommendations? )?(?P<code>[A-Z]{0,3}[-/]?\d{1,3}(?:\.\d{1,2})?)"
    r"(?:,? (?:and|&) [A-Z]{0,3}[-/]?\d{1,3}(?:\.\d{1,2})?)*\)[.;]?$"
)


def pointers_to_items(candidates: list[Candidate]) -> list[Candidate]:
    """An unnumbered line that ends by pointing to an item the document numbers ("(see A2)")
    sums it up: no item itself."""
    numbers = {c.number for c in candidates if c.number}
    return [
        c
        for c in candidates
        if c.number or not (m := _SEE_ITEM_RE.search(c.text().strip())) or m["code"] not in numbers
    ]


# A paragraph's last sentence handing the list below it the asks it announces: "We are asking
# every force to take the following actions by 30 September:", "The two for chief constables
# are:", "… but made a learning recommendation to the force:"
_ANNOUNCES_ASKS_RE = re.compile(
    r"(?:\bfollowing\b|\b(?:are|is)|\basking\b[^.:;]{1,80}\bto\b[^.:;]*|\brecommendations?\b"
    r"[^.:;]{0,60})\s*:$|"
    # "… we made three learning recommendations. They are set out in full below."
    r"^(?:they|these|which)\s+are\s+set\s+out\s+(?:in\s+full\s+)?below\.$",
    re.IGNORECASE,
)
_ASK_NOUNS_RE = re.compile(r"recommend|\bactions?\b|\bask(?:s|ing)?\b|areas? for improvement", re.I)


def announced_lists(blocks: Sequence[Block], found: Sequence[Candidate]) -> list[Candidate]:
    """In a text where nothing else is found, the entries under a paragraph that ends by
    announcing them as asks ("We are asking every force to take the following actions:"):
    each entry that asks something, in its own words, is an item of the kind announced."""
    if found:
        return []  # a report's own list is found already; these would be its restatements
    out: list[Candidate] = []
    for k, lead in enumerate(blocks[:-1]):
        last = re.split(r"(?<=[.!?])\s+", lead.text.strip())[-1]
        m = _ANNOUNCES_ASKS_RE.search(last)
        if lead.label_kind is not None and not (m and last.endswith(".")):
            continue  # a numbered paragraph leads in only by saying its asks are set out below
        if m is None or not _ASK_NOUNS_RE.search(lead.text):
            continue
        if _EARLIER_REPORT_RE.search(last[: m.start()]):
            continue  # "Last year we made the following recommendations …": history
        kind = known_kind(last) or (
            "action" if re.search(r"\bactions\b", last, re.I) else "recommendation"
        )
        for b in _announced_entries(blocks[k + 1 :], lead):
            if (directs(b.text) or opens_with_imperative(b.text)) and not _REPORTED_RE.search(
                b.text
            ):
                out.append(
                    Candidate(
                        kind=kind,
                        number=b.label if b.label_kind in ("number", "letter") else None,
                        parent=None,
                        blocks=[b],
                        cluster=-21_000 - k,
                        lead_in=last,
                        timing=timing_in(last),
                    )
                )
    return out


# Another's proposal reported ("INQUEST proposed that there should be …"), or an earlier
# report's item by its year-coded label ("Safety Recommendation 2019-031: …")
_REPORTED_RE = re.compile(
    r"\b(?:proposed|argued|suggested|said|told us)\b|^[A-Z][\w ]{0,40}\b(?:19|20)\d\d[-/]\d+:",
    re.IGNORECASE,
)


def _announced_entries(after: Sequence[Block], lead: Block) -> list[Block]:
    """The list entries under a lead paragraph: bulleted, lettered or numbered from 1 on (or
    on from the lead's own paragraph number), or one paragraph set in under it."""
    entries: list[Block] = []
    own = lead.label or ""
    first = int(own) + 1 if lead.label_kind == "number" and own.isdigit() else 1
    for b in after:
        numbered = b.label_kind == "number" and b.label == str(first + len(entries))
        if b.label_kind in ("bullet", "letter") or numbered:
            entries.append(b)
        elif not entries and b.label_kind is None and b.first.x0 > lead.first.x0 + 8:
            return [b]  # "… made a learning recommendation to the force:" over its text
        else:
            break
    return entries

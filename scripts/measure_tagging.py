"""Score the addressee and deadline taggers on the gold items' own texts.

Usage: python scripts/measure_tagging.py [GOLD_DIR] [--verbose]

Each gold item's text is tagged as-is (kind, number, text, pages from the gold file; published,
title and publisher from its header). Some gold labels come from context that the item text
lacks (a group heading, a lead-in sentence, a table column); the splitter passes those on as
hints (Item.lead_in / timing / responsible). The "hints" columns simulate them, only where the
gold notes say where the label comes from (see SIMULATED_HINTS); "text" columns use none.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.addressees import tag_addressees
from extractors.deadlines import tag_deadlines
from models.records import Item, Metadata

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"

_GOVERNMENTS = {
    "uk_government",
    "scottish government",
    "welsh government",
    "northern ireland executive",
}


def _norfolk(item: Item, gold: dict[str, object]) -> Item:
    # notes: bullets grouped under "Immediately:" / "Within three months:" / "Within six months:"
    # after the lead-in "the local authority should take the following action".
    deadline = gold.get("deadline")
    timing = f"{deadline['text']}:" if isinstance(deadline, dict) else None
    return replace(
        item, lead_in="the local authority should take the following action", timing=timing
    )


def _derbyshire(item: Item, gold: dict[str, object]) -> Item:
    # notes: every 'Areas for priority action' row has the Responsible body cell below.
    if item.kind != "action":
        return item
    return replace(
        item,
        responsible="Derbyshire County Council and NHS Derby and Derbyshire Integrated Care Board",
    )


def _hoc_library(item: Item, gold: dict[str, object]) -> Item:
    # notes: the appendix table's F/P columns say which governments responded to each row
    # (rows 11a-d and 12 are UK only). Rows whose gold names a non-government body are given
    # all four columns, since the notes do not say otherwise.
    number = str(item.number or "")
    addressees = [str(a) for a in gold.get("addressees", [])]  # type: ignore[attr-defined]
    govs = [a for a in addressees if a.lower() in _GOVERNMENTS]
    if number.startswith(("11", "12")):
        govs = ["UK Government"]
    elif not govs:
        govs = ["UK Government", "Scottish Government", "Welsh Government",
                "Northern Ireland Executive"]  # fmt: skip
    names = ["UK Government" if g == "uk_government" else g for g in govs]
    return replace(item, responsible=", ".join(names))


SIMULATED_HINTS = {
    "ofsted-looked-after-children-norfolk-2013.json": _norfolk,
    "ofsted-cqc-area-send-derbyshire-2024.json": _derbyshire,
    "hoc-library-cbp-10081-infected-blood-inquiry-recommendations-2025.json": _hoc_library,
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ok: int = 0
    n: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.ok += other.ok
        self.n += other.n

    @property
    def f1(self) -> float:
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    @property
    def accuracy(self) -> float:
        return self.ok / self.n if self.n else 1.0


def load_gold(gold_dir: Path) -> list[tuple[str, dict[str, object]]]:
    """Every gold file with items, sorted by name."""
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("items"):
            out.append((path.name, data))
    return out


def _items(data: dict[str, object]) -> list[Item]:
    return [
        Item(
            kind=g["kind"],
            number=g.get("number"),
            parent=g.get("parent"),
            page_start=g["page_start"],
            page_end=g["page_end"],
            text=g["text"],
        )
        for g in data["items"]  # type: ignore[attr-defined]
    ]


def score_document(
    name: str, data: dict[str, object], hints: bool, verbose: bool = False
) -> tuple[Score, Score]:
    """Return (addressee score, deadline score) for one gold file."""
    published = date.fromisoformat(str(data["published"])) if data.get("published") else None
    meta = Metadata(
        title=data.get("title"),  # type: ignore[arg-type]
        publisher=data.get("publisher"),  # type: ignore[arg-type]
        published=published,
    )
    golds: list[dict[str, object]] = data["items"]  # type: ignore[assignment]
    items = _items(data)
    if hints and name in SIMULATED_HINTS:
        items = [SIMULATED_HINTS[name](it, g) for it, g in zip(items, golds, strict=True)]
    tagged = tag_deadlines(tag_addressees(items, meta), published)
    a, d = Score(), Score()
    for item, gold in zip(tagged, golds, strict=True):
        want = {str(x).lower() for x in gold["addressees"]}  # type: ignore[attr-defined]
        got = {x.lower() for x in item.addressees}
        a.tp += len(want & got)
        a.fp += len(got - want)
        a.fn += len(want - got)
        gd = gold.get("deadline")
        if isinstance(gd, dict):
            ok = (
                item.deadline is not None
                and item.deadline.kind == gd["kind"]
                and (item.deadline.date.isoformat() if item.deadline.date else None) == gd["date"]
            )
        else:
            ok = item.deadline is None
        d.n += 1
        d.ok += ok
        if verbose and (want != got or not ok):
            print(f"  [{name[:30]} #{item.number}] {item.text[:110]!r}")
            if want != got:
                print(f"      addressees want={sorted(want)} got={sorted(got)}")
            if not ok:
                got_d = item.deadline.to_json() if item.deadline else None
                print(f"      deadline want={gd} got={got_d}")
    return a, d


def measure(gold_dir: Path, hints: bool, verbose: bool = False) -> dict[str, tuple[Score, Score]]:
    """Scores per document plus an "OVERALL" row."""
    rows: dict[str, tuple[Score, Score]] = {}
    total_a, total_d = Score(), Score()
    for name, data in load_gold(gold_dir):
        a, d = score_document(name, data, hints, verbose)
        rows[name] = (a, d)
        total_a.add(a)
        total_d.add(d)
    rows["OVERALL"] = (total_a, total_d)
    return rows


def main(argv: list[str]) -> int:
    """Print the per-document table, without and with simulated hints."""
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else DEFAULT_GOLD
    if not gold_dir.is_dir():
        print(f"{gold_dir}: gold directory not found; pass its path", file=sys.stderr)
        return 1
    plain = measure(gold_dir, hints=False, verbose=verbose and "--hints" not in argv)
    hinted = measure(gold_dir, hints=True, verbose=verbose and "--hints" in argv)
    print(f"{'document':<62} {'items':>5} {'addrF1':>7} {'+hints':>7} {'dlAcc':>7} {'+hints':>7}")
    for name, (a, d) in plain.items():
        ha, hd = hinted[name]
        label = name.removesuffix(".json")[:62]
        scores = f"{a.f1:>7.3f} {ha.f1:>7.3f} {d.accuracy:>7.3f} {hd.accuracy:>7.3f}"
        print(f"{label:<62} {d.n:>5} {scores}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Diffs between runs and report versions, on a fixture PDF re-published with changes.

Version 1 of the report has recommendations 1-3 and two areas for improvement. Version 2
(same title, new bytes) rewrites recommendation 1, drops recommendation 2, prints the old
recommendation 3 as recommendation 2 and adds a new recommendation 3. `diff --json` must report
exactly those four changes, and every other item must keep its id.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fixtures.builder import (
    AFIList,
    Heading,
    ItemSpec,
    Paragraph,
    Report,
    SummaryList,
    build_report,
)

from pipeline.cli.main import cli
from pipeline.review.diff import word_diff

FORCE = ("force",)
R1 = "The force should review how it records crimes reported online by victims of fraud."
R1_NEW = "The force should review how it records and allocates crimes reported online by victims."
R2 = "The force should publish its custody data every quarter on its website for the public."
R3 = "The force should train its call handlers to identify repeat victims of domestic abuse."
R_NEW = "The force should appoint a lead officer for missing children within three months."
AFI_1 = "The force needs to improve how it supervises investigations into burglary and theft."
AFI_2 = "The force should make sure that its officers record the views of children they meet."


def _report(recs: list[tuple[str, str]]) -> Report:
    """A one-chapter report: a summary list of recommendations and numbered AFIs."""
    return Report(
        title="An inspection of how Eastmoor Police records and investigates crime",
        short_title="Eastmoor crime recording",
        subject="Eastmoor Police",
        publisher="His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
        published=date(2025, 5, 6),
        contents=False,
        blocks=(
            Heading("Summary"),
            Paragraph("We inspected how the force records crime and what it does next."),
            SummaryList(
                tuple(ItemSpec("recommendation", n, (t,), addressees=FORCE) for n, t in recs),
                title="Recommendations",
            ),
            AFIList(
                (
                    ItemSpec("area_for_improvement", "1", (AFI_1,), addressees=FORCE),
                    ItemSpec("area_for_improvement", "2", (AFI_2,), addressees=FORCE),
                )
            ),
        ),
    )


def invoke(data: Path, *args: str) -> tuple[int, str, str]:
    """Run the CLI against a data directory; return exit code, stdout and stderr."""
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _ids(data: Path) -> dict[str, str]:
    """Return item id by (kind, number) text of the current register."""
    code, out, _ = invoke(data, "items", "--json")
    assert code == 0
    return {row["text"]: row["id"] for row in json.loads(out)["items"]}


@pytest.fixture(scope="module")
def republished(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run version 1, overwrite the PDF with version 2, run again; keep ids and the diff."""
    tmp = tmp_path_factory.mktemp("republished")
    data, pdf = tmp / "data", tmp / "reports" / "eastmoor.pdf"
    build_report(_report([("1", R1), ("2", R2), ("3", R3)]), pdf)
    old_sha = _run(data, pdf)
    before = _ids(data)
    build_report(_report([("1", R1_NEW), ("2", R3), ("3", R_NEW)]), pdf)
    new_sha = _run(data, pdf)
    after = _ids(data)
    code, out, err = invoke(data, "diff", "--json")
    assert (code, err) == (0, "")
    return {
        "data": data,
        "before": before,
        "after": after,
        "diff": json.loads(out),
        "shas": (old_sha, new_sha),
    }


def _run(data: Path, pdf: Path) -> str:
    code, out, err = invoke(data, "run", str(pdf), "--jobs", "1", "--no-cache")
    assert code == 0, out + err
    code, out, _ = invoke(data, "runs", "--json")
    return str(json.loads(out)["runs"][0]["inputs"][0])


def test_diff_reports_exactly_the_changes(republished: dict[str, Any]) -> None:
    diff = republished["diff"]
    before, after = republished["before"], republished["after"]
    assert diff["summary"] == {"added": 1, "removed": 1, "changed": 2, "unchanged": 2}
    [report] = diff["reports"]
    changes = {(c["change"], c["id"]): c for c in report["changes"]}
    assert set(changes) == {
        ("changed", before[R1]),
        ("removed", before[R2]),
        ("changed", before[R3]),
        ("added", after[R_NEW]),
    }
    edited = changes["changed", before[R1]]
    assert edited["fields"] == ["text"]
    assert {"op": "insert", "text": "and allocates"} in edited["text_diff"]
    assert edited["text_diff"][-2:] == [
        {"op": "delete", "text": "victims of fraud."},
        {"op": "insert", "text": "victims."},
    ]
    moved = changes["changed", before[R3]]
    assert moved["fields"] == ["number"]
    assert (moved["before"]["number"], moved["after"]["number"]) == ("3", "2")
    assert moved["text_diff"] == []
    assert changes["removed", before[R2]]["before"]["text"] == R2
    assert changes["added", after[R_NEW]]["after"]["text"] == R_NEW


def test_unchanged_and_changed_items_keep_their_ids(republished: dict[str, Any]) -> None:
    before, after = republished["before"], republished["after"]
    assert after[AFI_1] == before[AFI_1]
    assert after[AFI_2] == before[AFI_2]
    assert after[R1_NEW] == before[R1]
    assert after[R3] == before[R3]
    assert R2 not in after
    assert after[R_NEW] not in before.values()
    old_sha, new_sha = republished["shas"]
    assert old_sha != new_sha


def test_diff_of_the_two_documents_matches_the_run_diff(republished: dict[str, Any]) -> None:
    old, new = republished["shas"]
    code, out, err = invoke(republished["data"], "diff", "--document", old[:10], new[:10], "--json")
    assert (code, err) == (0, "")
    by_document = json.loads(out)
    assert by_document["summary"] == republished["diff"]["summary"]
    ids = lambda d: sorted(c["id"] for r in d["reports"] for c in r["changes"])  # noqa: E731
    assert ids(by_document) == ids(republished["diff"])


def test_terminal_diff_is_plain_when_not_a_tty(republished: dict[str, Any]) -> None:
    code, out, _ = invoke(republished["data"], "diff")
    assert code == 0
    assert out.startswith("run 1 → run 2: 1 added, 1 removed, 2 changed, 2 unchanged\n")
    assert "\x1b[" not in out
    assert "{+and allocates+}" in out
    assert "[-victims of fraud.-] {+victims.+}" in out
    assert "number: 3 → 2" in out


def test_runs_lists_counts_and_provenance(republished: dict[str, Any]) -> None:
    code, out, _ = invoke(republished["data"], "runs", "--json")
    assert code == 0
    newest, oldest = json.loads(out)["runs"]
    assert (oldest["items_new"], oldest["items_changed"], oldest["items_removed"]) == (5, 0, 0)
    assert (newest["items_new"], newest["items_changed"], newest["items_removed"]) == (1, 2, 1)
    assert newest["documents_ok"] == 1
    assert newest["documents_failed"] == 0
    code, out, _ = invoke(republished["data"], "runs")
    assert out.splitlines()[2].split()[0] == "2"
    assert "1/2/1" in out.splitlines()[2]


def test_diff_errors_name_the_fix(tmp_path: Path, republished: dict[str, Any]) -> None:
    code, _, err = invoke(republished["data"], "diff", "1", "9")
    assert code == 1
    assert "no run 9 in the store" in err
    assert "runs 1 to 2" in err
    code, _, err = invoke(republished["data"], "diff", "--document", "eastmoor.pdf", "zz")
    assert code == 1
    assert "'eastmoor.pdf' matches 2 documents" in err
    for sha in republished["shas"]:
        assert sha[:12] in err  # the candidates are listed
    assert "give more of the name, or a sha256 prefix" in err


def test_word_diff_keeps_order_and_marks_replacements() -> None:
    assert word_diff("a b c d", "a x c d e") == (
        ("equal", "a"),
        ("delete", "b"),
        ("insert", "x"),
        ("equal", "c d"),
        ("insert", "e"),
    )


def test_diff_says_where_an_analysts_correction_still_applies(
    republished: dict[str, Any], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(republished["data"], data)  # the module's store stays uncorrected
    before = republished["before"]
    assert invoke(data, "correct", before[R1], "--deadline", "2026-01-31", "--by", "a")[0] == 0
    assert invoke(data, "correct", before[R3], "--reject", "--by", "a")[0] == 0
    code, out, _ = invoke(data, "diff", "--json")
    assert code == 0
    changes = {c["id"]: c for r in json.loads(out)["reports"] for c in r["changes"]}
    assert changes[before[R1]]["corrected"] == ["deadline"]
    assert changes[before[R3]]["corrected"] == ["reject"]
    assert changes[before[R2]]["corrected"] == []
    code, out, _ = invoke(data, "diff")
    assert "analyst correction in force (deadline): the register keeps the corrected value" in out
    assert "analyst rejected this item: it stays out of the register" in out
    code, out, _ = invoke(data, "diff", "--html")
    assert '<p class="corrected">analyst correction in force (deadline)' in out


def test_diff_of_two_pdf_files_needs_no_store(tmp_path: Path, republished: dict[str, Any]) -> None:
    old, new = tmp_path / "v1.pdf", tmp_path / "v2.pdf"
    build_report(_report([("1", R1), ("2", R2), ("3", R3)]), old)
    build_report(_report([("1", R1_NEW), ("2", R3), ("3", R_NEW)]), new)
    data = tmp_path / "data"
    code, out, err = invoke(data, "diff", str(old), str(new), "--json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert found["summary"] == republished["diff"]["summary"]
    assert found["before"].startswith("v1.pdf (")
    assert not data.exists()  # no store opened or created
    code, out, _ = invoke(data, "diff", str(old), str(new))
    assert "{+and allocates+}" in out
    code, _, err = invoke(data, "diff", str(old), "2")
    assert code == 2
    assert "give two PDFs" in err

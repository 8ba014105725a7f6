"""Write the sample HMICFRS-style PDFs shipped in data/raw/samples/ (generated, own wording).

Usage:
    .venv/bin/python scripts/make_samples.py          # (re)write the samples
    .venv/bin/python scripts/make_samples.py --check  # exit 1 if a sample is missing or stale

Rendering is deterministic (reportlab invariant mode), so re-running writes identical bytes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures.builder import Report, build_report  # noqa: E402
from tests.fixtures.reports import (  # noqa: E402
    national_thematic_report,
    peel_force_report,
    super_complaint_report,
)

SAMPLES: dict[str, Callable[[], Report]] = {
    "northmoor-peel-2024.pdf": peel_force_report,
    "digital-evidence-thematic-2024.pdf": national_thematic_report,
    "online-stalking-super-complaint-2023.pdf": super_complaint_report,
}
OUT = ROOT / "data" / "raw" / "samples"

README = """# Sample reports

These PDFs are **generated**, not downloaded. `scripts/make_samples.py` renders them with the
fixture builder in `tests/fixtures/builder.py` (reportlab, deterministic output) from the report
specs in `tests/fixtures/reports.py`. They imitate the layout of HMICFRS inspection reports (cover,
contents, running header and footer, shaded recommendation boxes, annex table, two-column page),
but every word is our own and the force, the designated body and the findings are fictional.

- `northmoor-peel-2024.pdf`: a PEEL force inspection (one cause of concern with two
  recommendations, five areas for improvement, boxed repeats).
- `digital-evidence-thematic-2024.pdf`: a national thematic inspection (recommendations 1-6
  with 4a/4b, dated, relative and immediate deadlines, annex table).
- `online-stalking-super-complaint-2023.pdf`: a police super-complaint report (recommendations
  grouped under timing headings, actions on a two-column page).

Regenerate with `.venv/bin/python scripts/make_samples.py`; check they are current with `--check`.
"""


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, verify) the sample PDFs and their README."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args(argv)
    stale: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, spec in SAMPLES.items():
            fresh = build_report(spec(), Path(tmp) / name).path.read_bytes()
            target = OUT / name
            if args.check:
                if not target.exists() or target.read_bytes() != fresh:
                    stale.append(name)
                continue
            OUT.mkdir(parents=True, exist_ok=True)
            target.write_bytes(fresh)
            print(f"wrote {target.relative_to(ROOT)} ({len(fresh):,} bytes)")
    readme = OUT / "README.md"
    if args.check:
        if not readme.exists() or readme.read_text(encoding="utf-8") != README:
            stale.append("README.md")
        for name in stale:
            print(f"stale or missing: data/raw/samples/{name}", file=sys.stderr)
        return 1 if stale else 0
    readme.write_text(README, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`recwatch review`: the queue, a document beside its pages, corrections through the library
(the same rows `recwatch correct` writes), CSRF, escaping, the Host check and the stale check."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from factories import load_result, make_item, make_result

from pipeline.cli.main import cli
from pipeline.review.app import create_app
from pipeline.review.settings import ReviewSettings

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "raw" / "samples" / "online-stalking-super-complaint-2023.pdf"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory whose store holds one real report (run once per module)."""
    root = tmp_path_factory.mktemp("loaded")
    pdf = root / "in" / SAMPLE.name
    pdf.parent.mkdir()
    shutil.copy(SAMPLE, pdf)
    result = CliRunner().invoke(cli, ["--data-dir", str(root / "data"), "run", str(pdf)])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def data(loaded: Path, tmp_path: Path) -> Path:
    """A fresh copy of the loaded data directory (the PDF stays where the run read it)."""
    target = tmp_path / "data"
    shutil.copytree(loaded / "data", target)
    return target


def url_of(data: Path) -> str:
    return f"sqlite:///{data / 'processed' / 'recwatch.db'}"


def app_for(data: Path, **extra: Any) -> tuple[Any, ReviewSettings]:
    settings = ReviewSettings(db_url=url_of(data), data_dir=data, user="analyst1", **extra)
    return create_app(settings).test_client(), settings


def items_json(url: str, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["--db", url, "items", "--json", *args])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)["items"]
    return rows


def shown(html: str) -> list[tuple[str, list[str], str | None]]:
    """The register a document page shows: (id, addressees, deadline date) per item."""
    found = re.findall(
        r'<article class="item[^"]*" id="item-\d+" data-id="([^"]+)"\s+'
        r'data-addressees="([^"]*)" data-deadline="([^"]*)"',
        html,
    )
    unescape = {"&#34;": '"', "&quot;": '"', "&amp;": "&", "&#39;": "'", "&lt;": "<", "&gt;": ">"}

    def plain(text: str) -> str:
        for code, char in unescape.items():
            text = text.replace(code, char)
        return text

    return [(i, json.loads(plain(a)), json.loads(plain(d))) for i, a, d in found]


def register(url: str) -> list[tuple[str, list[str], str | None]]:
    """The same register out of `recwatch items --json`."""
    return [
        (r["id"], r["addressees"], r["deadline"]["date"] if r["deadline"] else None)
        for r in items_json(url)
    ]


def form_of(client: Any, sha256: str, item_id: str, token: str) -> dict[str, str]:
    """The hidden fields of an item's forms as the page renders them."""
    html = client.get(f"/document/{sha256}").text
    article = html[html.index(f'data-id="{item_id}"') :]
    base = re.search(r'name="base" value="([^"]+)"', article)
    assert base is not None
    return {"csrf": token, "document": sha256, "base": base.group(1)}


def test_the_extra_aliases_file_reaches_every_request(data: Path, tmp_path: Path) -> None:
    extra = tmp_path / "bodies.json"
    extra.write_text('{"bodies": [{"id": "chief_constables", "aliases": ["the Force Chiefs"]}]}')
    plain, _ = app_for(data)
    assert "names no known body" in plain.get("/?addressee=the+Force+Chiefs").text
    assert "the Force Chiefs" not in plain.get("/").text
    aliased, _ = app_for(data, bodies_file=extra)
    found = aliased.get("/?addressee=the+Force+Chiefs").text
    assert "names no known body" not in found
    assert 'class="document"' in found
    assert "the Force Chiefs" in aliased.get("/").text  # in the type-ahead list


def test_queue_lists_the_new_report_and_filters(data: Path) -> None:
    client, _ = app_for(data)
    page = client.get("/")
    assert page.status_code == 200
    assert "online-stalking-super-complaint-2023.pdf" in page.text
    assert re.search(r'class="document" data-sha256="c0e8fb8f', page.text)
    assert "<td>0</td><td>0</td><td>9</td>" in page.text  # 9 items: all added, none changed
    assert 'class="document"' not in client.get("/?addressee=Ministry+of+Justice").text
    assert 'class="document"' in client.get("/?addressee=chief+constables").text
    assert 'class="document"' not in client.get("/?document=northmoor").text
    assert 'class="document"' in client.get("/?kind=recommendation&run=1").text
    refused = client.get("/?addressee=Hme+Offise")
    assert "names no known body" in refused.text


def test_document_page_shows_the_register_items_json_shows(data: Path) -> None:
    client, _ = app_for(data)
    sha = items_json(url_of(data))[0]["sha256"]
    page = client.get(f"/document/{sha}")
    assert page.status_code == 200
    assert shown(page.text) == register(url_of(data))
    assert f'src="/page/{sha}/3.png"' in page.text
    assert 'class="hl"' in page.text  # the item's lines found on the page


def test_page_image_renders_once_and_is_cached(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    client, _ = app_for(data)
    sha = items_json(url_of(data))[0]["sha256"]
    first = client.get(f"/page/{sha}/3.png")
    assert first.status_code == 200
    assert first.mimetype == "image/png"
    assert first.data.startswith(b"\x89PNG")
    assert (data / "processed" / "pages" / f"{sha}-p3.png").is_file()
    assert client.get(f"/page/{sha}/999.png").status_code == 404
    import pypdfium2

    monkeypatch.setattr(pypdfium2, "PdfDocument", None)  # a second render would fail
    assert client.get(f"/page/{sha}/3.png").data == first.data


def test_a_post_without_the_token_is_refused_and_writes_nothing(data: Path) -> None:
    client, _ = app_for(data)
    before = register(url_of(data))
    item = before[0][0]
    for form in ({}, {"csrf": "guessed"}):
        refused = client.post(f"/item/{item}/reject", data=form)
        assert refused.status_code == 403
        assert "CSRF" in refused.text
    assert register(url_of(data)) == before
    assert client.post("/undo").status_code == 403


def test_other_hosts_are_refused_unless_a_host_was_chosen(data: Path) -> None:
    client, _ = app_for(data)
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:8800"}).status_code == 200
    chosen, _ = app_for(data, check_host=False)
    assert chosen.get("/", headers={"Host": "reviews.example"}).status_code == 200


def test_item_text_is_escaped(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'processed' / 'recwatch.db'}"
    nasty = '<script>alert("x")</script> The force should act & report.'
    load_result(url, make_result(items=(make_item("1", nasty),)))
    client, _ = app_for(tmp_path / "data")
    sha = items_json(url)[0]["sha256"]
    page = client.get(f"/document/{sha}").text
    assert "<script>alert" not in page
    escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; The force should act &amp; report."
    assert escaped in page


def test_corrections_are_the_rows_the_cli_writes_and_undo_takes_them_back(data: Path) -> None:
    client, settings = app_for(data)
    url = url_of(data)
    first = items_json(url)[0]
    sha, item = first["sha256"], first["id"]
    form = form_of(client, sha, item, settings.token)
    done = client.post(f"/item/{item}/addressees", data={**form, "addressee": ["Home Office", ""]})
    assert done.status_code == 303
    assert items_json(url)[0]["addressees"] == ["home_office"]
    page = client.get(done.location).text
    assert shown(page) == register(url)
    assert "analyst1: addressees" in page  # the correction history
    form = form_of(client, sha, item, settings.token)
    assert client.post(f"/item/{item}/deadline", data={**form, "deadline": ""}).status_code == 303
    assert items_json(url)[0]["deadline"] is None
    form = form_of(client, sha, item, settings.token)
    assert client.post(f"/item/{item}/reject", data=form).status_code == 303
    assert item not in {r["id"] for r in items_json(url)}
    assert shown(client.get(f"/document/{sha}").text) == register(url)
    undo = {"csrf": settings.token, "document": sha}
    for _ in range(3):
        assert client.post("/undo", data=undo).status_code == 303
    assert items_json(url)[0] == first
    refused = client.post("/undo", data={"csrf": settings.token, "document": sha})
    assert refused.status_code == 400
    assert "no correction to undo" in refused.text


def test_a_stale_edit_is_refused_with_a_message(data: Path) -> None:
    client, settings = app_for(data)
    url = url_of(data)
    first = items_json(url)[0]
    sha, item = first["sha256"], first["id"]
    opened = form_of(client, sha, item, settings.token)  # tab 1
    other = form_of(client, sha, item, settings.token)  # tab 2
    assert client.post(f"/item/{item}/text", data={**other, "text": "Tab two's text."}).status_code
    stale = client.post(f"/item/{item}/text", data={**opened, "text": "Tab one's text."})
    assert stale.status_code == 409
    assert "changed since you opened it" in stale.text
    assert items_json(url)[0]["text"] == "Tab two's text."


def test_unknown_bodies_only_as_a_new_body(data: Path) -> None:
    client, settings = app_for(data)
    url = url_of(data)
    first = items_json(url)[0]
    sha, item = first["sha256"], first["id"]
    form = {**form_of(client, sha, item, settings.token), "addressee": ["Ofsted for Stalking"]}
    refused = client.post(f"/item/{item}/addressees", data=form)
    assert refused.status_code == 400
    assert "names no known body" in refused.text
    assert items_json(url)[0]["addressees"] == first["addressees"]
    assert client.post(f"/item/{item}/addressees", data={**form, "new_body": "1"}).status_code
    assert items_json(url)[0]["addressees"] == ["Ofsted for Stalking"]


def test_add_a_missed_item_and_undo_it(data: Path) -> None:
    client, settings = app_for(data)
    url = url_of(data)
    sha = items_json(url)[0]["sha256"]
    form = {"csrf": settings.token, "kind": "recommendation", "number": "99", "page": "4"}
    added = client.post(f"/document/{sha}/add", data={**form, "text": "The force should  act."})
    assert added.status_code == 303
    rows = {r["number"]: r for r in items_json(url)}
    assert rows["99"]["text"] == "The force should act."
    assert rows["99"]["page_start"] == 4
    assert shown(client.get(f"/document/{sha}").text) == register(url)
    no_number = client.post(f"/document/{sha}/add", data={**form, "number": "", "text": "x"})
    assert no_number.status_code == 400
    client.post("/undo", data={"csrf": settings.token, "document": sha})
    assert "99" not in {r["number"] for r in items_json(url)}


def test_accept_resolves_a_review_flag(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'processed' / 'recwatch.db'}"
    result = make_result()
    load_result(url, result)
    client, settings = app_for(tmp_path / "data")
    item = items_json(url)[0]
    form = form_of(client, item["sha256"], item["id"], settings.token)
    client.post(f"/item/{item['id']}/deadline", data={**form, "deadline": "2027-01-31"})
    changed = replace(result.items[0], deadline=None, text="The force should review its policy.")
    load_result(url, replace(result, items=(changed, *result.items[1:])))
    flagged = CliRunner().invoke(cli, ["--db", url, "reviews", "--json"]).stdout
    assert json.loads(flagged)["needs_review"]
    assert "Since the previous version" in client.get(f"/document/{item['sha256']}").text
    assert item["sha256"][:8] in client.get("/").text  # in the queue
    form = form_of(client, item["sha256"], item["id"], settings.token)
    assert client.post(f"/item/{item['id']}/accept", data=form).status_code == 303
    after = CliRunner().invoke(cli, ["--db", url, "reviews", "--json"]).stdout
    assert json.loads(after)["needs_review"] == []
    assert items_json(url)[0]["deadline"]["date"] == "2027-01-31"


def test_recwatch_review_prints_its_url_and_stops_on_ctrl_c(data: Path) -> None:
    import httpx

    command = [sys.executable, "-m", "pipeline", "--data-dir", str(data), "review", "--no-browser"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url)
        assert "What needs a look" in httpx.get(url, timeout=10).text
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=10)
    assert server.returncode == 0
    assert "Stopped." in err


def test_two_analysts_on_one_store_sqlite_and_postgresql(store_url: str, tmp_path: Path) -> None:
    load_result(store_url, make_result())
    first, one = app_for_url(store_url, tmp_path, "analyst1")
    second, two = app_for_url(store_url, tmp_path, "analyst2")
    item = items_json(store_url)[0]
    sha, item_id = item["sha256"], item["id"]
    opened_one = form_of(first, sha, item_id, one.token)
    opened_two = form_of(second, sha, item_id, two.token)
    done = first.post(f"/item/{item_id}/deadline", data={**opened_one, "deadline": "2027-03-31"})
    assert done.status_code == 303
    stale = second.post(f"/item/{item_id}/reject", data=opened_two)
    assert stale.status_code == 409
    assert "changed since you opened it" in stale.text
    assert second.post("/undo", data={"csrf": two.token}).status_code == 400  # none of theirs
    assert first.post("/undo", data={"csrf": one.token}).status_code == 303
    assert items_json(store_url)[0] == item


def app_for_url(url: str, data: Path, user: str) -> tuple[Any, ReviewSettings]:
    settings = ReviewSettings(db_url=url, data_dir=data, user=user)
    return create_app(settings).test_client(), settings


def test_text_in_a_box_selected_on_the_page_image(data: Path) -> None:
    client, _ = app_for(data)
    sha = items_json(url_of(data))[0]["sha256"]
    whole = client.get(f"/page/{sha}/3/text?left=0&top=0&width=100&height=100")
    assert "Chief constables should make sure" in whole.json["text"]
    none = client.get(f"/page/{sha}/3/text?left=0&top=0&width=1&height=1")
    assert none.json == {"text": ""}
    assert client.get(f"/page/{sha}/3/text?left=x").status_code == 400
    assert client.get(f"/page/{sha}/99/text?left=0&top=0&width=9&height=9").status_code == 404


def test_an_items_lines_are_highlighted_where_its_words_are_on_the_page() -> None:
    from pipeline.review.page_image import highlight

    text = items_json_of_sample_first_text()
    boxes = highlight(SAMPLE, 3, text)
    assert len(boxes) == 3  # its three lines
    assert all(10 < b.left < 13 and 38 < b.top < 44 for b in boxes)
    assert highlight(SAMPLE, 3, "words that are not on this page at all") == []
    assert highlight(SAMPLE, 99, text) == []


def items_json_of_sample_first_text() -> str:
    return (
        "Chief constables should make sure that every report of stalking that involves online "
        "behaviour is recorded as stalking whenever the behaviour meets the legal definition, "
        "rather than as a less serious communications offence."
    )


def queue_counts(client: Any, sha256: str) -> tuple[int, int, int] | None:
    """(added, removed, changed) the queue shows for a document; None when it is not listed."""
    page = client.get("/").text
    if f'data-sha256="{sha256}"' not in page:
        return None
    row = page[page.index(f'data-sha256="{sha256}"') :]
    cells = re.findall(r"<td>(\d+)</td>", row)[:5]
    return int(cells[1]), int(cells[2]), int(cells[3])


def test_accept_checks_an_added_item_off_the_queue_until_a_run_changes_it(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'processed' / 'recwatch.db'}"
    result = make_result()
    load_result(url, result)
    client, settings = app_for(tmp_path / "data")
    rows = items_json(url)
    first, sha = rows[0], rows[0]["sha256"]
    assert queue_counts(client, sha) == (len(rows), 0, 0)
    assert "added by the latest run" in client.get(f"/document/{sha}").text
    for item in rows:
        form = form_of(client, sha, item["id"], settings.token)
        assert client.post(f"/item/{item['id']}/accept", data=form).status_code == 303
    assert queue_counts(client, sha) is None  # nothing left to look at
    assert "added by the latest run" not in client.get(f"/document/{sha}").text
    again = client.post(
        f"/item/{first['id']}/accept", data=form_of(client, sha, first["id"], settings.token)
    )
    assert again.status_code == 400
    assert "nothing to accept" in again.text
    assert client.post("/undo", data={"csrf": settings.token, "document": sha}).status_code == 303
    assert queue_counts(client, sha) == (1, 0, 0)  # the last acceptance taken back
    changed = replace(result.items[0], text="The force should review its custody policy again.")
    load_result(url, replace(result, items=(changed, *result.items[1:])))
    assert queue_counts(client, sha) == (0, 0, 1)  # the accepted item changed under the check
    assert items_json(url)[0]["text"] == changed.text  # accepting wrote no correction

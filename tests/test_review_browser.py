"""`recwatch review` in headless Chromium (Debian's chromium + chromium-driver, driven by Selenium):
open the queue, open a document, see the page image, correct an addressee by name, reject an
item, add a missed item, undo — and after each step `recwatch items --json` shows the register
the page shows. With --update-golden it also writes the README's screenshot (docs/review.png)."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import FLAGS, chromium
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.review.app import create_app
from pipeline.review.settings import ReviewSettings

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "raw" / "samples" / "online-stalking-super-complaint-2023.pdf"
SCREENSHOT = REPO / "docs" / "review.png"
REGISTER_JS = """return Array.from(document.querySelectorAll('article.item')).map(a =>
  [a.dataset.id, JSON.parse(a.dataset.addressees), JSON.parse(a.dataset.deadline)]);"""


def chromedriver() -> str:
    """Return Debian's chromedriver, skipping (or failing under CI) when it is missing."""
    found = shutil.which("chromedriver")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("chromedriver is missing but CI=true: .ci/run installs chromium-driver")
    pytest.skip("chromedriver is not installed (apt-get install chromium-driver)")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A review server on a free port over a store holding one real report: (URL, store URL)."""
    from werkzeug.serving import make_server

    pdf = tmp_path / "in" / SAMPLE.name
    pdf.parent.mkdir()
    shutil.copy(SAMPLE, pdf)
    data = tmp_path / "data"
    assert CliRunner().invoke(cli, ["--data-dir", str(data), "run", str(pdf)]).exit_code == 0
    url = f"sqlite:///{data / 'processed' / 'recwatch.db'}"
    settings = ReviewSettings(db_url=url, data_dir=data, user="analyst1")
    httpd = make_server("127.0.0.1", 0, create_app(settings), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/", url
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """Headless Chromium under Selenium, with the system browser and driver (no downloads)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for flag in (*FLAGS, "--window-size=1400,1000", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag.replace("--headless", "--headless=new"))
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver()), options=options)
    driver.implicitly_wait(30)  # generous: a loaded CI machine renders pages slowly
    try:
        yield driver
    finally:
        driver.quit()


def register(url: str) -> list[list[Any]]:
    """`recwatch items --json` as (id, addressees, deadline date) rows."""
    result = CliRunner().invoke(cli, ["--db", url, "items", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["items"]
    return [[r["id"], r["addressees"], (r["deadline"] or {}).get("date")] for r in rows]


def same_register(driver: Any, url: str) -> None:
    """Assert the page shows what the CLI lists."""
    assert driver.execute_script(REGISTER_JS) == register(url)


def submit(browser: Any, button: Any) -> None:
    """Click what leaves the page (a form's button, a link); wait until the new page has loaded.

    Without the wait, the next lookup can find the old page's #done line (each page has one),
    which goes stale as the new page arrives. The old page is recognised by a mark set on its
    window (a new document gets a new window object), not by probing an old element: while
    Chromium swaps documents, probing one can fail with errors other than "stale element".
    """
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.wait import WebDriverWait

    browser.execute_script("window.recwatchOldPage = true;")
    button.click()
    arrived = "return !window.recwatchOldPage && document.readyState === 'complete';"
    wait = WebDriverWait(browser, 30, ignored_exceptions=(WebDriverException,))
    wait.until(lambda b: b.execute_script(arrived))


def select_on_page(browser: Any, form: Any) -> str:
    """Drag a box over most of the add form's page image; return the text it filled in."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    image = browser.find_element(By.ID, "add-page")
    loaded = (
        "const i = arguments[0];"
        "return i.complete && i.naturalWidth > 0 && i.src.endsWith('/3.png');"
    )
    WebDriverWait(browser, 30).until(lambda b: b.execute_script(loaded, image))
    browser.execute_script("arguments[0].scrollIntoView()", image)
    width, height = image.size["width"], image.size["height"]
    chain = ActionChains(browser).move_to_element_with_offset(image, -width * 0.45, -height * 0.45)
    chain.click_and_hold().move_by_offset(width * 0.9, height * 0.9).release().perform()
    WebDriverWait(browser, 30).until(lambda b: form.get_attribute("data-selected") == "yes")
    return str(form.find_element(By.NAME, "text").get_attribute("value"))


def test_review_session_in_the_browser(
    server: tuple[str, str], browser: Any, update_golden: bool
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    base, url = server
    browser.get(base)
    assert browser.find_element(By.ID, "queue")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "#queue a"))
    same_register(browser, url)
    image = browser.find_element(By.CSS_SELECTOR, "#item-1 .page img")
    browser.execute_script("arguments[0].scrollIntoView()", image)
    loaded = "const i = arguments[0]; return i.complete && i.naturalWidth > 0;"
    WebDriverWait(browser, 30).until(lambda b: b.execute_script(loaded, image))
    if update_golden:
        browser.execute_script("window.scrollTo(0, 0)")
        SCREENSHOT.parent.mkdir(exist_ok=True)
        browser.save_screenshot(str(SCREENSHOT))

    first = browser.find_element(By.ID, "item-1")
    first.find_element(By.CSS_SELECTOR, "details:nth-of-type(1) summary").click()
    field = first.find_element(By.CSS_SELECTOR, "form.addressees input[name=addressee]")
    field.clear()
    field.send_keys("Home Office")
    submit(browser, first.find_element(By.CSS_SELECTOR, "form.addressees button"))
    assert "corrected addressees" in browser.find_element(By.ID, "done").text
    assert browser.find_element(By.CSS_SELECTOR, "#item-1 .addressees").text == "home_office"
    same_register(browser, url)

    submit(browser, browser.find_element(By.CSS_SELECTOR, "#item-2 form.reject button"))
    assert "reject" in browser.find_element(By.ID, "done").text
    same_register(browser, url)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#rejected li")) == 1

    form = browser.find_element(By.ID, "add")
    form.find_element(By.NAME, "number").send_keys("6")
    page = form.find_element(By.NAME, "page")
    page.clear()
    page.send_keys("3\t")  # the change event loads page 3 beside the form
    selected = select_on_page(browser, form)
    assert "Recommendation 2" in selected  # the box's text, read from the PDF's text layer
    text = form.find_element(By.NAME, "text")
    text.clear()
    text.send_keys("The Home Office should fund advocates.")
    submit(browser, form.find_element(By.TAG_NAME, "button"))
    assert "added" in browser.find_element(By.ID, "done").text
    same_register(browser, url)
    assert "The Home Office should fund advocates." in browser.page_source

    submit(browser, browser.find_element(By.ID, "undo"))
    assert "undid add" in browser.find_element(By.ID, "done").text
    same_register(browser, url)
    assert "The Home Office should fund advocates." not in browser.page_source


def test_readme_screenshot_was_made_by_this_suite() -> None:
    """docs/review.png is the browser test's screenshot (refresh: pytest --update-golden)."""
    assert SCREENSHOT.read_bytes().startswith(b"\x89PNG")
    assert "docs/review.png" in (REPO / "README.md").read_text(encoding="utf-8")

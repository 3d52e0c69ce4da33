"""``vaxdiplo.render``: events and mentions drawn with displaCy, and the page of a batch
(``vaxdiplo extract --html``) looked at in a real browser (headless Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

import vaxdiplo
from conftest import FIXTURES_DIR, load_jsonl
from vaxdiplo.cli import main

FIXTURE = load_jsonl(FIXTURES_DIR / "gold.jsonl")[0]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def fixture_result(extractor):
    return extractor.extract(FIXTURE["text"], published=FIXTURE["published"], doc_id="seed-000")


def _visible(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_views_events_mark_trigger_roles_and_ids(fixture_result):
    html = vaxdiplo.render(fixture_result, jupyter=False)
    text = _visible(html)
    assert fixture_result.events
    for event in fixture_result.events:
        assert f"trigger: {event.type}" in text
        assert event.trigger is not None and event.trigger.text in text
        for role in event.roles:
            value = getattr(event, role)
            for actor in value if isinstance(value, tuple) else [value]:
                if actor is not None:
                    assert f"{role}: {actor.party}" in text


def test_views_entities_need_the_text(fixture_result):
    with pytest.raises(ValueError, match="text"):
        vaxdiplo.render(fixture_result, "entities", jupyter=False)
    html = vaxdiplo.render(fixture_result, "entities", text=FIXTURE["text"], jupyter=False)
    labels = set(re.findall(r"(?:country|person|vaccine|government_body): [\w-]+", _visible(html)))
    assert {"country: VNM", "country: CHN"} <= labels


def test_views_doc_route_equals_extraction_route(extractor, fixture_result):
    doc = extractor.process(FIXTURE["text"], published=FIXTURE["published"])
    html = vaxdiplo.render(doc, jupyter=False)
    assert _visible(html).replace("[seed-000] ", "") == _visible(
        vaxdiplo.render(fixture_result, jupyter=False)
    ).replace("[seed-000] ", "")
    with pytest.raises(ValueError, match="style"):
        vaxdiplo.render(doc, "tree")


def _html_page(tmp_path: Path) -> Path:
    page = tmp_path / "events.html"
    source = FIXTURES_DIR / FIXTURE["file"]
    assert main(["extract", str(source), "--html", str(page), "-q"]) == 0
    return page


def test_views_cli_html_page_of_a_batch(tmp_path):
    page = _html_page(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "trigger: PhoneCall" in _visible(html)


def _png_pixels(path: Path):
    import matplotlib.image

    return matplotlib.image.imread(str(path))


@pytest.mark.skipif(BROWSER is None, reason="no Chromium found (Debian: apt-get install chromium)")
def test_views_page_renders_in_headless_chromium(tmp_path, fixture_result):
    page = _html_page(tmp_path)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
    profile = f"--user-data-dir={tmp_path / 'profile'}"
    dom = subprocess.run(
        [BROWSER, *flags, profile, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    shown = _visible(dom)
    for event in fixture_result.events:
        assert f"trigger: {event.type}" in shown
        assert event.evidence[0].text.split()[0] in shown
    shot = tmp_path / "events.png"
    subprocess.run(
        [BROWSER, *flags, profile, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    pixels = _png_pixels(shot)
    assert pixels.shape[0] >= 900 and pixels.shape[1] >= 1200
    assert pixels.std() > 0.01  # not a blank page
    colours = {tuple(p) for p in pixels[::20, ::20, :3].reshape(-1, 3).round(2).tolist()}
    assert len(colours) > 5  # marks in several colours

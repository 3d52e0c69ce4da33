"""Readers: folders, JSONL, JSON, CSV, manifests and HTML, with per-article metadata."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from vaxdiplo import DocumentFailure
from vaxdiplo.readers import Article, Columns, count_articles, html_to_text, read

SENTENCE = "China delivered 1 million doses of Sinopharm vaccine to Laos on Saturday."
HTML = """<html><head><title>Laos receives Chinese vaccine</title>
<meta property="article:published_time" content="2021-06-06">
<link rel="canonical" href="https://news.example/laos-doses"></head>
<body><nav>Home | World | Asia</nav><article><h1>Laos receives Chinese vaccine</h1>
<p>China delivered 1 million doses of Sinopharm vaccine to Laos on Saturday.</p>
<p>The shipment landed at Wattay airport in Vientiane, officials said.</p></article>
<footer>Copyright 2021 News Example. All rights reserved.</footer></body></html>"""


def _articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_readers_folder_of_text_with_a_csv_manifest(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SENTENCE.replace("Laos", "Cambodia"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,id,published,url,title\n"
        "a.txt,vn-001,2021-06-06,https://x.example/a,Doses for Laos\n"
        "b.txt,,2021-07-01,,\n",
        encoding="utf-8",
    )
    items = list(read(tmp_path))
    assert [(a.id, a.published, a.url, a.title) for a in items] == [
        ("vn-001", "2021-06-06", "https://x.example/a", "Doses for Laos"),
        ("b", "2021-07-01", None, None),
        ("c", None, None, None),
    ]
    assert items[0].source == str(tmp_path / "a.txt")


def test_readers_jsonl_manifest_with_other_column_names(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    manifest = tmp_path / "meta.jsonl"
    manifest.write_text(json.dumps({"name": "a.txt", "date": "2021-06-06"}) + "\n")
    folder_items = list(read(tmp_path, Columns(file="name", published="date"), manifest=manifest))
    assert [(a.id, a.published) for a in folder_items] == [("a", "2021-06-06")]


def test_readers_jsonl_csv_and_json_with_dates(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        json.dumps({"id": "j1", "text": SENTENCE, "published": "2021-06-06", "url": "u"})
        + "\n\n{broken\n"
        + json.dumps({"id": "j2", "text": SENTENCE})
        + "\n",
        encoding="utf-8",
    )
    csv_file = tmp_path / "b.csv"
    csv_file.write_text(
        'story,key,day\n"' + SENTENCE + '\nSecond line.",c1,2021-06-07\n' + SENTENCE + ",,\n",
        encoding="utf-8",
    )
    js = tmp_path / "c.json"
    js.write_text(json.dumps([{"id": "o1", "text": SENTENCE, "title": "T"}]), encoding="utf-8")
    items = list(read([jsonl, js]))
    items += list(read(csv_file, Columns(text="story", id="key", published="day")))
    got = [(i.id, i.published, i.source) if isinstance(i, Article) else i.source for i in items]
    assert got == [
        ("j1", "2021-06-06", f"{jsonl}:1"),
        f"{jsonl}:3",
        ("j2", None, f"{jsonl}:4"),
        ("o1", None, f"{js}:item 0"),
        ("c1", "2021-06-07", f"{csv_file}:2"),
        f"{csv_file}:4",
    ]
    assert items[0].url == "u" and items[3].title == "T"
    assert items[4].text.endswith("Second line.")
    assert all("[E016]" in i.message for i in items if isinstance(i, DocumentFailure))


def test_readers_csv_without_an_id_column_numbers_its_rows(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(f"text,published\n{SENTENCE},2021-06-06\n{SENTENCE},\n", encoding="utf-8")
    assert [(a.id, a.published) for a in read(path)] == [
        ("news-1", "2021-06-06"),
        ("news-2", None),
    ]


def test_readers_html_file_reduced_to_its_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [article] = read(path)
    assert article.title == "Laos receives Chinese vaccine"
    assert article.url == "https://news.example/laos-doses"
    assert article.published == "2021-06-06"
    assert SENTENCE in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text


def test_readers_html_evidence_offsets_index_the_extraction_text(tmp_path, rules_extractor):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [result] = rules_extractor.extract_many(read(path))
    assert result.published == dt.date(2021, 6, 6) and result.title and result.url
    [event] = [e for e in result.events if e.type == "Delivery"]
    assert event.date == dt.date(2021, 6, 5)
    ev = event.evidence[0]
    assert result.text[ev.start : ev.end] == ev.text and "<" not in result.text


def test_readers_html_date_never_guessed_from_the_text():
    text, meta = html_to_text(
        "<html><body><article><p>" + SENTENCE.replace("Saturday", "June 5, 2021") + "</p>"
        "<p>Officials in Vientiane welcomed the shipment.</p></article></body></html>"
    )
    assert meta["published"] is None and "June 5, 2021" in text


def test_readers_bad_files_are_failures_in_place(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"caf\xe9")
    (tmp_path / "b.txt").write_text(SENTENCE, encoding="utf-8")
    items = list(read([tmp_path, tmp_path / "missing.txt"]))
    assert [type(i).__name__ for i in items] == ["DocumentFailure", "Article", "DocumentFailure"]
    assert "[E002]" in items[0].message and items[2].error == "FileNotFoundError"


def test_readers_count_articles_without_reading_them(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "y"}\n\n{"id": "z"}\n')
    (tmp_path / "manifest.csv").write_text("file,published\na.txt,2021-06-06\n")
    assert count_articles(tmp_path) == 3 == len(list(read(tmp_path)))


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_readers_ids_of_files_sharing_a_stem(tmp_path, name):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.md").write_text(SENTENCE, encoding="utf-8")
    ids = {Path(a.source).name: a.id for a in read(tmp_path)}
    assert ids[name] == name

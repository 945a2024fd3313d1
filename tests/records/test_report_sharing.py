"""Reports name where a scenario comes from (author, version, licence, sources) and say which
attempts were played on an earlier version of its file."""
import html

import pytest
import yaml

from game.records import Records

from .playing import SMALL, cli, play

CREDITS = {"author": "Ana Ruiz", "version": "1.2", "licence": "CC BY 4.0",
           "sources": ["Yalom & Leszcz, The Theory and Practice of Group Psychotherapy, ch. 5"]}


@pytest.fixture
def records(tmp_path):
    store = Records(tmp_path / "data")
    yield store
    store.close()


def credited_copy(tmp_path, **changes):
    data = yaml.safe_load(SMALL.read_text())
    data.update(CREDITS, **changes)
    copy = tmp_path / "credited.yaml"
    copy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return copy, data


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_report_names_the_author_version_licence_and_sources(records, tmp_path, capsys, fmt):
    copy, _ = credited_copy(tmp_path)
    play(records, copy, "Sam", [1, 1])
    code, page, err = cli(capsys, "report", "--data-dir", str(records.folder), "--format", fmt)
    assert code == 0, err
    text = html.unescape(page) if fmt == "html" else page.replace("\\", "")
    assert "By Ana Ruiz · version 1.2 · licence CC BY 4.0" in text
    assert "Source: Yalom & Leszcz, The Theory and Practice of Group Psychotherapy, ch. 5" in text


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_attempts_on_an_earlier_version_of_the_file_are_marked(records, tmp_path, capsys, fmt):
    copy, data = credited_copy(tmp_path)
    play(records, copy, "Sam", [1, 1])
    data.update(version="1.3", summary="Six adults, one chair empty.")
    copy.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    play(records, copy, "Sam", [1, 2])
    first, second = sorted(a.id for a in records.attempts())
    code, page, _ = cli(capsys, "report", "--data-dir", str(records.folder), "--format", fmt, "--attempt", first)
    assert code == 0
    text = html.unescape(page) if fmt == "html" else page.replace("\\", "")
    assert "This attempt was played on an earlier version of the scenario file (it has changed since, now version 1.3)" in text
    assert f"#{first} (this one)" in text and "#%d (this one) · earlier version of the file" % first in text.replace("**", "")
    code, page, _ = cli(capsys, "report", "--data-dir", str(records.folder), "--format", fmt, "--attempt", second)
    text = html.unescape(page) if fmt == "html" else page.replace("\\", "")
    assert "earlier version of the scenario file" not in text
    assert f"#{first} · earlier version of the file" in text and f"#{second} · earlier" not in text

"""Reading a document: YAML as the specs and Redocly's bundles write it."""

from __future__ import annotations

from pathlib import Path

from withdrawal_apis.spec import load_yaml


def test_numbers_read_as_yaml_1_2_reads_them_and_dates_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(
        "small: 1e-18\nsigned: 1E+3\npoint: 1.5e5\nplain: 0.000001\nwhole: 12\n"
        "quoted: '1e-18'\nword: 1e\ndate: 2026-01-01\n",
        encoding="utf-8",
    )
    assert load_yaml(path) == {
        "small": 1e-18,  # Redocly writes a small multipleOf this way; YAML 1.1 would make it text
        "signed": 1000.0,
        "point": 150000.0,
        "plain": 0.000001,
        "whole": 12,
        "quoted": "1e-18",
        "word": "1e",
        "date": "2026-01-01",
    }

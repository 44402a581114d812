"""What the site makes at build time: the providers' navigation and index from the registry, the
performance page from the benchmark's reports (or a note when there is none), and the link check."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.docs import figures, links, pages, performance
from withdrawal_apis.registry import PROVIDERS, Provider, Settings

from .blocks import DOCS, REPO

SIXTH = Provider(name="acme", title="Acme (Payouts API)", docs_url="https://acme.invalid/docs",
                 settings=Settings("key_id", "secret"), urls={"production": "https://api.acme.invalid"})  # fmt: skip


def mkdocs_nav() -> list[Any]:
    nav: list[Any] = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))["nav"]
    return nav


def providers_section(nav: list[Any]) -> list[Any]:
    section: list[Any] = next(item["Providers"] for item in nav if isinstance(item, dict) and "Providers" in item)
    return section


def test_the_navigation_lists_every_registered_provider() -> None:
    section = providers_section(pages.provider_nav(mkdocs_nav(), PROVIDERS))
    assert section[0] == pages.PROVIDERS_INDEX
    assert [next(iter(entry.values())) for entry in section[1:]] == [f"providers/{p.name}.md" for p in PROVIDERS]
    pages.check_pages(PROVIDERS, DOCS)


def test_a_sixth_provider_appears_without_editing_mkdocs_yml(tmp_path: Path) -> None:
    section = providers_section(pages.provider_nav(mkdocs_nav(), (*PROVIDERS, SIXTH)))
    assert section[-1] == {"Acme": "providers/acme.md"}
    assert "[Acme (Payouts API)](acme.md)" in pages.providers_index((*PROVIDERS, SIXTH))
    with pytest.raises(pages.MissingPage, match=r"docs/providers/acme\.md"):
        pages.check_pages((*PROVIDERS, SIXTH), DOCS)
    (tmp_path / "providers").mkdir()
    (tmp_path / "providers" / "acme.md").write_text("# Acme\n")
    pages.check_pages((SIXTH,), tmp_path)


def test_the_providers_index_has_what_the_registry_knows() -> None:
    index = pages.providers_index(PROVIDERS)
    for p in PROVIDERS:
        assert f"[{p.title}]({p.name}.md)" in index
        assert f"withdrawal-apis[{p.name}]" in index
        assert p.base_url_env in index
        assert all(name in index for name in p.env_names().values())
        assert p.docs_url in index


# -- performance ----------------------------------------------------------------------------------


def figures_of(rps: float, p99: float) -> dict[str, Any]:
    return {"requests_per_second": rps, "p50_ms": p99 / 3, "p99_ms": p99, "server_cpu_us_per_request": 100.0}


def throughput_report(duration: int = 10, names: tuple[str, ...] = ("mpchat", "bigone")) -> dict[str, Any]:
    providers = {
        name: {
            workload: {
                "emulator": figures_of(5000 - n * 1000, 5.0),
                "prism": figures_of(1500, 30.0),
                "prism_ratio": 3.3,
                "ceiling_share": 0.2,
            }
            for n, workload in enumerate(performance.WORKLOADS)
        }
        | {"startup_s": {"samples": [0.7, 0.8], "median": 0.75, "max": 0.8}, "targets": {"p99_under_10ms": True}}
        for name in names
    }
    return {
        "benchmark": "throughput",
        "machine": {"cpu": "Test CPU", "cores": 2, "memory": "24 GiB", "system": "Linux", "python": "3.11.7"},
        "settings": {"connections": 16, "duration_s": duration, "warmup_s": 2, "store": "memory", "prism": "5.16.0"},
        "load_average_at_start": 0.5,
        "bare_asgi": {"read": figures_of(30000, 2.0)},
        "providers": providers,
        "client_overhead": {
            "calls": 5000,
            "median_us": {"raw": 100, "generated": 110, "payouts": 120},
            "payouts_over_generated_percent": 9.1,
        },
    }


def scale_report() -> dict[str, Any]:
    def sizes(deep: float) -> dict[str, Any]:
        return {
            str(size): {
                "operations": {"get": {"p50_ms": 0.7, "p99_ms": 1.5}, "deep page": {"p50_ms": deep * i, "p99_ms": 9.0}},
                "rss_mib": 60.0,
                "db_mib": size / 2000,
                "startup_s": 0.8,
            }
            for i, size in enumerate((10_000, 100_000, 1_000_000), start=1)
        }

    return {
        "benchmark": "scale",
        "machine": {"cpu": "Test CPU", "cores": 2},
        "samples": 300,
        "sizes": [10_000, 100_000, 1_000_000],
        "load_average_at_start": 0.7,
        "providers": {"mpchat": {"sizes": sizes(1.0), "growth": {"deep page": {"p50_ratio": 3.0}}}},
    }


def report(document: dict[str, Any], name: str = "bench.json") -> performance.Report:
    return performance.Report(document, REPO / "reports" / name)


def test_a_missing_report_is_said_not_failed(tmp_path: Path) -> None:
    assert performance.find(performance.THROUGHPUT, [tmp_path]) is None
    assert "No report" in performance.throughput_section(None, {})
    assert "nox -s bench -- --scale" in performance.scale_section(None, {})
    assert performance.draw({performance.THROUGHPUT: None, performance.SCALE: None}) == {}


def test_a_fresh_run_wins_over_the_committed_copy(tmp_path: Path) -> None:
    fresh, kept = tmp_path / "reports", tmp_path / "kept"
    for place, load in ((fresh, 1.5), (kept, 0.5)):
        place.mkdir()
        (place / "bench.json").write_text(json.dumps(throughput_report() | {"load_average_at_start": load}))
    found = performance.find("bench.json", [fresh, kept])
    assert found is not None
    assert found.path == fresh / "bench.json"
    (fresh / "bench.json").write_text("{not json")
    found = performance.find("bench.json", [fresh, kept])
    assert found is not None
    assert found.document["load_average_at_start"] == 0.5


def test_the_throughput_section_shows_charts_tables_and_the_machine() -> None:
    text = performance.throughput_section(report(throughput_report()), {"throughput": "t.svg", "latency": "l.svg"})
    assert "](t.svg)" in text
    assert "](l.svg)" in text
    assert "Test CPU" in text
    assert "| MPChat | read | 5,000 |" in text
    assert "| BigONE (Prism) | read | 1,500 |" in text
    assert "| bare ASGI | read | 30,000 |" in text
    assert "9.1 %" in text
    assert "A quick run" not in text
    assert "A quick run" in performance.throughput_section(report(throughput_report(duration=1)), {})


def test_the_run_says_how_loaded_the_machine_was() -> None:
    document = throughput_report()
    document["providers"]["mpchat"]["read"]["emulator"]["load_average"] = 7.5
    document["providers"]["bigone"]["read"]["prism"]["load_average"] = 2.5
    assert "load average 0.5 at the start, up to 7.5 during the run" in performance.run_description(report(document))


def test_the_scale_section_shows_each_size() -> None:
    text = performance.scale_section(report(scale_report(), "bench-scale.json"), {"scale": "s.svg"})
    assert f"| MPChat | deep page | 1.00 / 9.00 | 2.00 / 9.00 | 3.00 / 9.00 | 3.00{performance.TIMES} |" in text
    assert "| MPChat | 1,000,000 | 60.0 | 500.0 | 0.80 |" in text


def soak_report() -> dict[str, Any]:
    minute = {"seconds": 60, "requests_per_second": 800.0, "p99_ms": 4.0, "rss_mib": 90.0}
    return {
        "benchmark": "soak",
        "machine": {"cores": 2, "cpu": "Test CPU", "memory": "8 GiB", "system": "Linux", "python": "3.11"},
        "seconds": 120,
        "fraction": 0.8,
        "connections": 16,
        "store": "SQLite file",
        "load_average_at_start": 0.4,
        "providers": {
            "mpchat": {
                "max_requests_per_second": 1000.0,
                "minutes": [minute, minute | {"p99_ms": 5.0, "rss_mib": 95.0}],
                "rss_growth_mib": 12.5,
                "errors": 0,
                "webhooks_delivered": 30,
                "hostile_input": {"worst_ms": 7.25},
                "targets": {"rss_growth_under_50mb": True, "p99_steady": True, "no_errors": True},
            },
            "bigone": {"minutes": [], "failure": "the emulator did not start", "targets": {"no_errors": None}},
        },
    }


def test_the_soak_section_shows_each_minute_summed_up_and_the_targets() -> None:
    text = performance.soak_section(report(soak_report(), performance.SOAK))
    assert "120 s per provider at 80 % of the measured maximum" in text
    assert "| MPChat | 1,000 | 800 | 4.00 | 5.00 | 95.0 | 12.5 | 0 | 30 | 7.2 |" in text
    assert "| BigONE | no minute completed: the emulator did not start |" in text
    assert "| MPChat | yes | yes | yes |" in text
    assert "nox -s bench -- --soak" in performance.soak_section(None)


def test_the_cluster_section_shows_each_store_and_the_two_process_ratio() -> None:
    figures = {"requests_per_s": 2000.0, "p50_ms": 3.0, "p99_ms": 9.5, "load_average": 1.5}
    document = {
        "benchmark": "cluster",
        "machine": {"cores": 2},
        "duration_s": 10,
        "connections": 16,
        "providers": {
            "mpchat": [
                {"store": "PostgreSQL", "processes": 1, "workloads": {"read": figures}},
                {"store": "PostgreSQL x2", "processes": 2, "workloads": {"read": figures | {"requests_per_s": 3400.0}}},
            ]
        },
        "targets": {"mpchat": {"read": {"two_over_one": 1.7, "at_least_1_6x": True}}},
    }
    text = performance.cluster_section(report(document, performance.CLUSTER))
    assert "| MPChat | PostgreSQL x2 | read | 3,400 | 3.00 | 9.50 | 1.50 |" in text
    assert f"MPChat read: 1.70{performance.TIMES}" in text
    assert "--backend postgresql" in performance.cluster_section(None)


def test_the_charts_are_svg_and_the_same_for_the_same_report() -> None:
    reports = {performance.THROUGHPUT: report(throughput_report()), performance.SCALE: report(scale_report())}
    first = performance.draw(reports)
    assert set(first) == {"throughput", "latency", "scale"}
    assert all("<svg" in svg for svg in first.values())
    assert "MPChat" in first["throughput"]
    assert performance.draw(copy.deepcopy(reports)) == first


def test_the_committed_figures_are_a_full_run_of_every_provider() -> None:
    for name in (performance.THROUGHPUT, performance.SCALE):
        path = performance.COPIES / name
        assert path.is_file(), f"docs/performance/{name}: copy a full run's report with python -m scripts.docs.figures"
        assert figures.problems(name, json.loads(path.read_text(encoding="utf-8"))) == []


def test_a_quick_or_partial_run_is_not_kept() -> None:
    assert figures.problems("bench.json", throughput_report(duration=1, names=tuple(p.name for p in PROVIDERS)))
    assert figures.problems("bench.json", throughput_report(duration=10, names=("mpchat",)))
    everyone = throughput_report(duration=10, names=tuple(p.name for p in PROVIDERS))
    assert figures.problems("bench.json", everyone) == []


# -- links ----------------------------------------------------------------------------------------


def site(tmp_path: Path, pages_html: dict[str, str]) -> Path:
    for name, html in pages_html.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return tmp_path


def test_the_link_check_passes_a_sound_site(tmp_path: Path) -> None:
    root = site(tmp_path, {
        "index.html": '<a href="guide.html#setup">x</a><a href="https://example.com/">y</a><img src="a/b.svg">',
        "guide.html": '<h2 id="setup">Set-up</h2><a href="index.html">home</a><a href="#setup">here</a>',
        "a/b.svg": "<svg/>",
        "404.html": '<a href="/index.html">home</a>',
    })  # fmt: skip
    assert links.problems(root) == []


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ('<a href="nothere.html">x</a>', "leads to nothing"),
        ('<a href="guide.html#nosuch">x</a>', "names an anchor"),
        ('<a href="#nosuch">x</a>', "names an anchor"),
        ('<img src="missing.png">', "leads to nothing"),
        ('<a href="/guide.html">x</a>', "is absolute"),
        ('<a href="../outside.html">x</a>', "leads out of the site"),
    ],
)
def test_the_link_check_fails_on_a_broken_link(tmp_path: Path, html: str, problem: str) -> None:
    root = site(tmp_path / "site", {"index.html": html, "guide.html": '<h1 id="top">Guide</h1>'})
    found = links.problems(root)
    assert len(found) == 1
    assert problem in found[0]
    assert links.main([str(root)]) == 1

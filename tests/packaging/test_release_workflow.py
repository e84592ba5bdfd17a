"""The release workflow (.github/workflows/release.yml) cannot run here: it needs
GitHub's Windows and macOS runners. These tests check what can be checked without
them: the file is a valid GitHub Actions workflow (the published JSON schema,
vendored by check-jsonschema), every script it runs exists, and the paths it expects
the build to produce are the ones packaging/framescope.spec writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.packaging.conftest import PACKAGING, REPO

WORKFLOW = REPO / ".github" / "workflows" / "release.yml"
SPEC = (PACKAGING / "framescope.spec").read_text(encoding="utf-8")


def _workflow() -> dict[str, Any]:
    loaded = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _build_steps() -> list[dict[str, Any]]:
    steps = _workflow()["jobs"]["build"]["steps"]
    assert isinstance(steps, list) and steps
    return steps


def _runs_on(step: dict[str, Any], os_name: str) -> bool:
    """Whether a step's `if:` (only runner.os conditions are used) lets it run on os_name."""
    condition = str(step.get("if", "")).strip()
    if not condition:
        return True
    equal = re.fullmatch(r"runner\.os == '(\w+)'", condition)
    if equal:
        return equal.group(1) == os_name
    unequal = re.fullmatch(r"runner\.os != '(\w+)'", condition)
    if unequal:
        return unequal.group(1) != os_name
    raise AssertionError(f"a condition this test does not understand: {condition!r}")


def _spec_name(builder: str) -> str:
    """The name= given to EXE(...) or BUNDLE(...) in the spec."""
    match = re.search(rf"\b{builder}\(.*?\bname=\"([^\"]+)\"", SPEC, flags=re.S)
    assert match, f"no {builder}(name=...) in framescope.spec"
    return match.group(1)


def _schema_check(path: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema's check of path against the GitHub workflow schema it vendors."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_workflow_is_valid_against_the_github_workflow_schema() -> None:
    result = _schema_check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The check above can fail: a job without runs-on is refused."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "name: x\non: push\njobs:\n  build:\n    steps:\n      - run: echo hi\n",
        encoding="utf-8",
    )
    assert _schema_check(broken).returncode != 0


def test_it_builds_on_linux_windows_and_macos_runners() -> None:
    include = _workflow()["jobs"]["build"]["strategy"]["matrix"]["include"]
    runners = [entry["os"] for entry in include]
    assert any(r.startswith("ubuntu-") for r in runners)
    assert any(r.startswith("windows-") for r in runners)
    assert any(r.startswith("macos-") for r in runners)


def test_every_script_it_runs_exists() -> None:
    scripts = set()
    for step in _build_steps():
        scripts.update(
            re.findall(r"(?:\.ci/run|packaging/[\w.-]+\.(?:sh|py|spec))", step.get("run", ""))
        )
    assert {".ci/run", "packaging/check_frozen.sh", "packaging/framescope.spec"} <= scripts
    for script in scripts:
        assert (REPO / script).is_file(), script


@pytest.mark.parametrize("os_name", ["Linux", "Windows", "macOS"])
def test_each_platform_builds_and_smoke_tests_the_frozen_app(os_name: str) -> None:
    runs = [step.get("run", "") for step in _build_steps() if _runs_on(step, os_name)]
    assert any("check_frozen.sh" in run or run.strip() == "bash .ci/run" for run in runs)
    if os_name != "Linux":  # Linux: .ci/run builds and checks (packaging/setup.sh test)
        assert any("PyInstaller" in run and "packaging/framescope.spec" in run for run in runs)
        assert any("make_icons.py" in run for run in runs)


def test_the_paths_it_smoke_tests_are_those_the_spec_builds() -> None:
    exe, bundle = _spec_name("EXE"), _spec_name("BUNDLE")
    windows = [
        s["run"]
        for s in _build_steps()
        if _runs_on(s, "Windows") and "check_frozen" in s.get("run", "")
    ]
    macos = [
        s["run"]
        for s in _build_steps()
        if _runs_on(s, "macOS") and "check_frozen" in s.get("run", "")
    ]
    assert len(windows) == 1 and len(macos) == 1
    assert f"dist/{_spec_name('COLLECT')}/{exe}.exe" in windows[0]
    assert f"dist/{bundle}/Contents/MacOS/{exe}" in macos[0]


def test_it_uses_a_python_the_project_accepts() -> None:
    setup = [s for s in _build_steps() if str(s.get("uses", "")).startswith("actions/setup-python")]
    assert len(setup) == 1
    wanted = tuple(int(p) for p in str(setup[0]["with"]["python-version"]).split("."))
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    minimum = re.search(r'requires-python = ">=(\d+)\.(\d+)"', pyproject)
    assert minimum, "requires-python not found"
    assert wanted >= (int(minimum.group(1)), int(minimum.group(2)))

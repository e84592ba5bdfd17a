"""The menu entry: MIME types from the readers, Exec= quoting, desktop-file-validate."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from models.readers import SUPPORTED_SUFFIXES
from tests.packaging.conftest import PACKAGING, load_script, unquote_exec

entry = load_script("desktop_entry")
TEMPLATE = (PACKAGING / "framescope.desktop").read_text(encoding="utf-8")


def _field(text: str, key: str) -> str:
    values = [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(key + "=")]
    assert len(values) == 1, f"{key}= appears {len(values)} times"
    return values[0]


def test_every_suffix_the_readers_accept_has_a_mime_type_in_the_entry() -> None:
    listed = _field(entry.desktop_entry(TEMPLATE), "MimeType").rstrip(";").split(";")
    for suffix in SUPPORTED_SUFFIXES:
        assert entry.mime_type(suffix) in listed, suffix
    # Nothing the app cannot open is claimed.
    claimed = {entry.mime_type(s) for s in entry.openable_suffixes()}
    assert set(listed) == claimed
    assert "text/plain" in listed and "text/html" in listed


def test_an_unknown_suffix_is_an_error_naming_it() -> None:
    with pytest.raises(ValueError, match=r"\.zzqq"):
        entry.mime_type(".zzqq")


def test_project_files_are_listed_exactly_when_the_code_defines_them() -> None:
    listed = _field(entry.desktop_entry(TEMPLATE), "MimeType")
    assert ("application/x-framescope;" in listed) == entry._app_opens_projects()


@pytest.mark.parametrize(
    "program",
    [
        "/opt/framescope/framescope",
        "/home/a user/.local/lib/framescope/framescope",
        '/tmp/odd "dir" $HOME `x` back\\slash/framescope',
    ],
)
def test_exec_names_the_program_so_that_it_parses_back(program: str) -> None:
    text = entry.desktop_entry(TEMPLATE, program)
    assert unquote_exec(_field(text, "Exec")) == [program, "%F"]
    assert _field(text, "TryExec") == program


def test_the_template_and_generated_entries_validate(tmp_path: Path) -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (packaging/setup.sh test installs it)")
    for name, text in {
        "template": TEMPLATE,
        "generated": entry.desktop_entry(TEMPLATE, "/home/a user/.local/lib/fs/framescope"),
    }.items():
        path = tmp_path / name / "framescope.desktop"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        result = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and result.stdout == "", (name, result.stdout)


def test_macos_document_types_cover_every_openable_suffix() -> None:
    types = entry.document_types()
    extensions = [ext for t in types for ext in t["CFBundleTypeExtensions"]]
    assert sorted("." + e for e in extensions) == entry.openable_suffixes()
    plain = next(t for t in types if t["CFBundleTypeMIMETypes"] == ["text/plain"])
    assert plain["LSItemContentTypes"] == ["public.plain-text"]
    assert plain["CFBundleTypeRole"] == "Viewer"

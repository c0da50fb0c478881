"""The parameter tree kept between processes (rules/parameter_cache.py) is the tree the YAML files
give, attribute for attribute; a changed file, a foreign or broken cache file, or a cache turned
off means reading the YAML files again."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from openfisca_core.parameters import ParameterNode

from klaverblad.rules import parameter_cache, system
from klaverblad.rules.parameter_cache import CACHE_VARIABLE, cached_parameters, parameters_key

FOLDERS = (("", system.PARAMETERS_DIRECTORY), *system._measure_parameter_folders())


def assert_same(left: Any, right: Any, where: str, seen: set[tuple[int, int]]) -> None:
    """Every attribute of every object reachable from `left` equals `right`'s."""
    if (id(left), id(right)) in seen:
        return
    seen.add((id(left), id(right)))
    assert type(left) is type(right), where
    if isinstance(left, dict):
        assert list(left) == list(right), where
        for key in left:
            assert_same(left[key], right[key], f"{where}[{key!r}]", seen)
    elif isinstance(left, list | tuple):
        assert len(left) == len(right), where
        for index, (a, b) in enumerate(zip(left, right, strict=True)):
            assert_same(a, b, f"{where}[{index}]", seen)
    elif hasattr(left, "__dict__"):
        assert_same(vars(left), vars(right), where, seen)
    else:
        assert left == right, where


def count_builds(tree: ParameterNode) -> tuple[list[int], Any]:
    builds: list[int] = []

    def build() -> ParameterNode:
        builds.append(1)
        return tree

    return builds, build


def small_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "parameters"
    folder.mkdir()
    (folder / "rate.yaml").write_text(
        "description: A rate\nvalues:\n  2024-01-01:\n    value: 0.5\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(directory))
    return directory


def test_the_tree_read_back_from_the_cache_is_the_tree_of_the_yaml_files(cache: Path) -> None:
    written = cached_parameters(FOLDERS, system.read_parameters, system.__file__)
    builds, build = count_builds(system.read_parameters())
    read_back = cached_parameters(FOLDERS, build, system.__file__)
    assert builds == []
    assert read_back is not written
    assert_same(read_back, system.read_parameters(), "parameters", set())


def test_a_changed_parameter_file_is_another_key(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    before = parameters_key([("", folder)], system.__file__)
    assert parameters_key([("", folder)], system.__file__) == before
    (folder / "rate.yaml").write_text(
        "description: A rate\nvalues:\n  2024-01-01:\n    value: 0.6\n", encoding="utf-8"
    )
    assert parameters_key([("", folder)], system.__file__) != before


def test_a_cache_file_others_can_write_is_not_read(tmp_path: Path, cache: Path) -> None:
    folder = small_folder(tmp_path)
    tree = ParameterNode("", directory_path=str(folder))
    builds, build = count_builds(tree)
    cached_parameters([("", folder)], build, system.__file__)
    (written,) = cache.glob("parameters-*.pickle")
    os.chmod(written, 0o666)
    cached_parameters([("", folder)], build, system.__file__)
    assert builds == [1, 1]


def test_a_broken_cache_file_is_read_from_the_yaml_files_and_written_again(
    tmp_path: Path, cache: Path
) -> None:
    folder = small_folder(tmp_path)
    tree = ParameterNode("", directory_path=str(folder))
    builds, build = count_builds(tree)
    cached_parameters([("", folder)], build, system.__file__)
    (written,) = cache.glob("parameters-*.pickle")
    written.write_bytes(b"not a pickle")
    assert (
        cached_parameters([("", folder)], build, system.__file__).rate.values_list[0].value == 0.5
    )
    cached_parameters([("", folder)], build, system.__file__)
    assert builds == [1, 1]


def test_an_empty_cache_variable_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, "")
    assert parameter_cache.cache_directory() is None
    folder = small_folder(tmp_path)
    builds, build = count_builds(ParameterNode("", directory_path=str(folder)))
    cached_parameters([("", folder)], build, system.__file__)
    cached_parameters([("", folder)], build, system.__file__)
    assert builds == [1, 1]

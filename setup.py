"""The build step setuptools cannot express in pyproject.toml: compiling the gettext
catalogues (src/klaverblad/translations/*/LC_MESSAGES/klaverblad.po) into the `.mo` files the
package loads, so that an installed wheel carries them. A development checkout compiles them
with `make catalogues` (or in memory on first use, see klaverblad/messages.py)."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path("src/klaverblad/translations").glob("*/LC_MESSAGES/*.po"):
            target = Path(self.build_lib) / "klaverblad" / po.relative_to("src/klaverblad")
            target = target.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source, target.open("wb") as compiled:
                write_mo(compiled, read_po(source))


setup(cmdclass={"build_py": BuildWithCatalogues})

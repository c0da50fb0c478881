"""A legal or documentary source as the pages show it: its title, and a link only when it is a
web address (a citation such as "KB 9 mei 2006, art. 3" stays text).

>>> reference({"title": "SINE", "href": "https://www.socialsecurity.be/sine"})
Reference(title='SINE', href='https://www.socialsecurity.be/sine')
>>> reference("decreet 22 december 2006, art. 2")
Reference(title='decreet 22 december 2006, art. 2', href=None)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reference:
    """A source: its title, and a link when it is a web address."""

    title: str
    href: str | None = None


def reference(item: Any) -> Reference:
    """A `{title, href}` source of the rules' metadata, or a plain text one."""
    if isinstance(item, dict):
        href = str(item.get("href") or "")
        title = str(item.get("title") or href)
    else:
        title = href = str(item)
    return Reference(title, href if href.startswith(("https://", "http://")) else None)

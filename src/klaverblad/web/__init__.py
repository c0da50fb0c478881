"""The web application (FastAPI): the JSON API under /api; pages come later."""

from klaverblad.web.app import create_app

__all__ = ["create_app"]

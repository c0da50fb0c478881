"""The HTML pages: one module per page family, each with its router."""

"""The words of the pages per language (Dutch and English, the same keys in both)."""

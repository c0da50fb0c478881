"""The plan wizard: the draft, its fields and steps, the result panel, the people import."""

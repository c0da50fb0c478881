"""The JSON API under /api: its routes, request models, the errors' shape, body limits and
the plan cache."""

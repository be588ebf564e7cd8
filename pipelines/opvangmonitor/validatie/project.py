"""Where the GX project lives and how to open it (file-backed context, quiet)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from opvangmonitor.paden import EXPECTATIONS_DIR

# Overrides the GX project root (tests point it at a temporary copy of expectations/).
ENV_GX_PROJECT = "OPVANGMONITOR_GX_PROJECT"
GX_DIR_NAAM = "gx"


def gx_project_dir() -> Path:
    """The directory holding gx/ (default: the repository's expectations/)."""
    return Path(os.environ.get(ENV_GX_PROJECT, EXPECTATIONS_DIR))


def open_context():
    """The file data context of the project (usage statistics and progress bars are off
    in great_expectations.yml)."""
    import great_expectations as gx

    project = gx_project_dir()
    if not (project / GX_DIR_NAAM / "great_expectations.yml").is_file():
        raise FileNotFoundError(
            f"Geen GX-project in {project}: {GX_DIR_NAAM}/great_expectations.yml ontbreekt. "
            "Maak het met `python -m opvangmonitor.validatie.suites`."
        )
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    return gx.get_context(mode="file", project_root_dir=str(project))

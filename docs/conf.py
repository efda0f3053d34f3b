"""Sphinx configuration of the budgetacct documentation (``make docs``; warnings are errors).

The rule catalogue (``rules.md``) is generated from :data:`budgetacct.auditing.REGISTRY` by the local
extension ``_ext/rule_catalogue.py`` at every build; nothing about a rule is written by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import budgetacct  # noqa: E402

project = "budgetacct"
author = "budgetacct developers"
copyright = "budgetacct developers"
release = budgetacct.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "rule_catalogue",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "**/.ipynb_checkpoints", "Thumbs.db", ".DS_Store"]
language = "en"

# No network: intersphinx stays off, and nothing is fetched at build time.
nitpicky = False

# MyST: ``$`` appears in finding paths (``$.revenue.total``), so no dollar math.
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
# The names ``import budgetacct`` exports, listed on the API page from ``budgetacct.__all__``.
myst_substitutions = {
    "toplevel_names": ", ".join(f"`{name}`" for name in budgetacct.__all__ if not name.startswith("_")),
    # docs/strategies.md is written elsewhere in the project; link it once it exists.
    "strategies_guide": (
        "[Using the strategies in your tests](strategies.md)"
        if (HERE / "strategies.md").is_file()
        else "the `budgetacct.strategies` section of the [API reference](api.md)"
    ),
}
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True}
# Long signatures (many keyword-only options) are wrapped one parameter a line.
python_maximum_signature_line_length = 100

html_theme = "furo"
html_title = f"budgetacct {release}"
html_static_path: list[str] = []

# The root toctrees are completed at build time, so that a page added to docs/ by another part of
# the project is never "not included in any toctree" (an error under -W):
# * an entry named in OPTIONAL_PAGES is dropped while its page does not exist;
# * every page that no toctree lists is appended under "More" (decisions/ has its own glob toctree).
OPTIONAL_PAGES = frozenset({"strategies", "performance-management", "performance"})
SELF_INDEXED = ("decisions/",)


def _complete_index(app: Any, docname: str, source: list[str]) -> None:
    if docname != root_doc:
        return
    found = set(app.env.found_docs)
    listed: set[str] = set()
    kept: list[str] = []
    in_toctree = False
    for line in source[0].splitlines(keepends=True):
        entry = line.strip()
        if entry.startswith("```{toctree}"):
            in_toctree = True
        elif in_toctree and entry.startswith("```"):
            in_toctree = False
        elif in_toctree and entry and not entry.startswith(":"):
            if entry in OPTIONAL_PAGES and entry not in found:
                continue
            listed.add(entry)
        kept.append(line)
    extra = sorted(
        name
        for name in found - listed - {root_doc}
        if not name.startswith(SELF_INDEXED) and not name.startswith("_")
    )
    if extra:
        kept.append("\n```{toctree}\n:caption: More\n:maxdepth: 1\n\n" + "\n".join(extra) + "\n```\n")
    source[0] = "".join(kept)


def _always_reread_index(
    app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    return [root_doc]


def setup(app: Any) -> None:
    app.connect("source-read", _complete_index)
    app.connect("env-get-outdated", _always_reread_index)

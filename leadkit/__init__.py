"""leadkit — a Jupyter research and teaching kit on leadership in marketing and customer teams.

The public API is listed once, in ``leadkit/__init__.pyi``, grouped by who uses it (learner,
teacher, researcher). Every name loads its module on first use (lazy_loader, the scientific
Python SPEC 1), so ``import leadkit`` stays light: pandas, matplotlib, scipy and ipywidgets load
only when something needs them, and nothing needs a display. The layers behind these names are
described in ``docs/architecture.md``.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import lazy_loader

from leadkit import moved

__version__ = "0.1.0"

moved.install()
if "ipykernel" in sys.modules:  # a notebook: the kit's warnings become readable notes there
    from leadkit.render import notes as _notes

    _notes.install()

_lazy_getattr, __dir__, _names = lazy_loader.attach_stub(__name__, __file__)
_HERE = os.path.dirname(__file__)
_PACKAGES = frozenset(name for name in _names if os.path.isdir(os.path.join(_HERE, name))
                      or os.path.isfile(os.path.join(_HERE, name + ".py")))
__all__ = [name for name in _names if name not in _PACKAGES]


def __getattr__(name: str) -> Any:
    if f"{__name__}.{name}" in moved.MOVED:  # an old module name: warns, then the new place
        return importlib.import_module(f"{__name__}.{name}")
    value = _lazy_getattr(name)
    if name not in _PACKAGES:
        globals()[name] = value  # looked up once; later uses are plain attribute reads
    return value

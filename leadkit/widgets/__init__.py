"""The kit's widgets: thin faces over the core functions, one call per notebook interaction.

Each widget is importable and tested in Python without a browser (set values, click buttons,
check the result). Modules load on first use so one missing optional face never breaks another.
"""

from __future__ import annotations

import lazy_loader

# The names and the modules they load from are listed once, in __init__.pyi.
__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)

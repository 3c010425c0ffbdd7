"""The kit's widgets: thin faces over the core functions, one call per notebook interaction.

Each widget is importable and tested in Python without a browser (set values, click buttons,
check the result). Modules load on first use so one missing optional face never breaks another.
"""

from __future__ import annotations

from leadkit.lazy import lazy_names

__all__ = [
    "framework_explorer",
    "framework_table",
    "language_switch",
    "self_check",
    "reflect",
    "reflection",
    "dilemma",
    "context_profile",
    "t_shape_map",
    "spot_compliance",
    "choose_framework",
    "self_assessment",
    "play",
    "scenario_check",
    "hand_in",
    "class_share",
    "class_dashboard",
]

# public name -> submodule that defines it
_WHERE = {
    "framework_explorer": "explore",
    "framework_table": "explore",
    "language_switch": "explore",
    "self_check": "quiz",
    "reflect": "prompted",
    "reflection": "_reflection",
    "dilemma": "cases",
    "context_profile": "cases",
    "t_shape_map": "cases",
    "spot_compliance": "cases",
    "choose_framework": "cases",
    "self_assessment": "assessment",
    "play": "scenario",
    "scenario_check": "scenario",
    "hand_in": "handin",
    "class_share": "live_class",
    "class_dashboard": "live_class",
}


__getattr__, __dir__ = lazy_names("leadkit.widgets", _WHERE)

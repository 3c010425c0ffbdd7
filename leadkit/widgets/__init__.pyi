# The public names of leadkit.widgets, in one place: each loads its module on first use
# (lazy_loader); type checkers and the API reference read this file.

from ._reflection import reflection as reflection
from .assessment import self_assessment as self_assessment
from .cases import (
    choose_framework as choose_framework,
)
from .cases import (
    context_profile as context_profile,
)
from .cases import (
    dilemma as dilemma,
)
from .cases import (
    spot_compliance as spot_compliance,
)
from .cases import (
    t_shape_map as t_shape_map,
)
from .explore import (
    framework_explorer as framework_explorer,
)
from .explore import (
    framework_table as framework_table,
)
from .explore import (
    language_switch as language_switch,
)
from .handin import hand_in as hand_in
from .live_class import class_dashboard as class_dashboard
from .live_class import class_share as class_share
from .prompted import reflect as reflect
from .quiz import self_check as self_check
from .scenario import play as play
from .scenario import scenario_check as scenario_check

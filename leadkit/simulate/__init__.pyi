# The public names of leadkit.simulate, in one place: each loads its module on first use
# (lazy_loader); type checkers and the API reference read this file.

from ._approval import (
    ApprovalModel as ApprovalModel,
)
from ._approval import (
    approval as approval,
)
from ._approval import (
    approval_expected as approval_expected,
)
from ._emperor import EmperorModel as EmperorModel
from ._emperor import emperor as emperor
from ._fang import FangModel as FangModel
from ._fang import fang as fang
from ._march import MarchModel as MarchModel
from ._march import march as march
from ._stats import mean_ci as mean_ci
from ._stats import summarise as summarise
from .replications import claims_table as claims_table
from .replications import reproduce as reproduce

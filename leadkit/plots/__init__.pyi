# The public names of leadkit.plots, in one place: each loads its module on first use
# (lazy_loader); type checkers and the API reference read this file.

from .base import OKABE_ITO as OKABE_ITO
from .cases import t_shape_figure as t_shape_figure
from .cases import theme_profile as theme_profile
from .classroom import (
    class_distribution as class_distribution,
)
from .classroom import (
    class_theme_chart as class_theme_chart,
)
from .figure import KitFigure as KitFigure
from .response_surface import response_surface_figure as response_surface_figure
from .simulate import (
    model_path as model_path,
)
from .simulate import (
    outcome_spread as outcome_spread,
)
from .simulate import (
    replication_figure as replication_figure,
)
from .survey import (
    against_distribution as against_distribution,
)
from .survey import (
    gap_chart as gap_chart,
)
from .survey import (
    profile as profile,
)
from .survey import (
    radar as radar,
)
from .survey import (
    theme_heatmap as theme_heatmap,
)

"""What the teaching models share: one organisation stepped period by period, with its history.

Each model (:class:`~leadkit.simulate.MarchModel`, :class:`~leadkit.simulate.FangModel`,
:class:`~leadkit.simulate.EmperorModel`) builds its own state and supplies three things: its
measures now (``_row``), one period of its dynamics (``_advance``) and, where the model can come
to rest, whether it has (``_settled``). The period count, the history and the stepping loop are
written here once, so the models cannot drift apart in how a period is counted or recorded.

Examples
--------
>>> class Counter(SteppedModel):
...     def __init__(self):
...         self.value = 0
...         self._start()
...     def _row(self):
...         return {"period": self.period, "value": self.value}
...     def _advance(self):
...         self.value += 2
...     def _settled(self):
...         return self.value >= 4
>>> Counter()._run(10)["value"].tolist()
[0, 2, 4]
"""

from __future__ import annotations

import pandas as pd

__all__ = ["SteppedModel"]


class SteppedModel:
    """A model stepped one period at a time; ``history`` holds one row of measures per period."""

    period: int
    history: list[dict]

    def _start(self) -> None:
        """Begin at period 0, with the measures of the starting state as the first row."""
        self.period = 0
        self.history = [self._row()]

    def _row(self) -> dict:
        """The measures of the current state, with ``period``."""
        raise NotImplementedError

    def _advance(self) -> None:
        """One period of the model's dynamics."""
        raise NotImplementedError

    def _settled(self) -> bool:
        """Whether nothing can change any more; a model that never comes to rest keeps False."""
        return False

    def _step(self) -> None:
        """One period, counted and recorded; nothing happens once the model has settled."""
        if self._settled():
            return
        self._advance()
        self.period += 1
        self.history.append(self._row())

    def _run(self, periods: int) -> pd.DataFrame:
        """Step ``periods`` times or until settled; the whole history as a table."""
        for _ in range(int(periods)):
            if self._settled():
                break
            self._step()
        return pd.DataFrame(self.history)

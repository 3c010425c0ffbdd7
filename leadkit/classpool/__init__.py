"""The live class pool: learners share element scores with consent, the class sees an anonymised
picture.

- :mod:`~leadkit.classpool.pool` — :class:`ClassPool`, what learners and teachers call;
- :mod:`~leadkit.classpool.rules` — what a share may hold and when the picture may change;
- :mod:`~leadkit.classpool.backend` — the :class:`PoolBackend` protocol and the registry that
  picks a backend from a location's scheme;
- :mod:`~leadkit.classpool.store` — the tables, through SQLAlchemy (SQLite or PostgreSQL);
- :mod:`~leadkit.classpool.folder` — the folder backend (an SQLite file on a shared folder);
- :mod:`~leadkit.classpool.hub` — the client of the JupyterHub service;
- :mod:`~leadkit.classpool.service` — the JupyterHub service itself
  (``python -m leadkit.classpool.service``).

A core layer: it may import :mod:`leadkit.store`, :mod:`leadkit.privacy`,
:mod:`leadkit.content`, :mod:`leadkit.errors` and :mod:`leadkit.i18n`; the command line
(``leadkit class open|view|close``) and the widgets are thin faces over it.
"""

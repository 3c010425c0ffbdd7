# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # The class, live
#
# A workshop app for the teacher's screen. It shows the class picture of the self-assessment
# while learners share: per element how many learners shared and the class mean, nothing for
# fewer than three. It refreshes itself every five seconds.
#
# Start it with the class pool the learners share to:
# `LEADKIT_CLASS_POOL=$HOME/class-pool make app APP=92-app-class-dashboard APPLANG=en`.

# %% [markdown] lang="nl"
# # De klas, live
#
# Een workshop-app voor het scherm van de docent. Ze toont het klassenbeeld van de
# zelfbeoordeling terwijl studenten delen: per onderdeel hoeveel studenten deelden en het
# klasgemiddelde, niets bij minder dan drie. Ze vernieuwt zichzelf elke vijf seconden.
#
# Start haar met de klassenpool waar de studenten naar delen:
# `LEADKIT_CLASS_POOL=$HOME/klassenpool make app APP=92-app-class-dashboard`.

# %%
import os

import leadkit as lk

lk.set_language("{{LANG}}")
# The same pool the learners' app shares to: a folder, or hub-service://classpool on a hub.
pool = os.environ.get("LEADKIT_CLASS_POOL", "class-pool")
framework = os.environ.get("LEADKIT_CLASS_FRAMEWORK", "agile-cmo")

# %%
lk.widgets.class_dashboard(pool, framework)

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
# fewer than three. It refreshes itself every five seconds; **Pause the refresh** stops that.
#
# `.venv/bin/leadkit class lesson ~/class-pool --lang en` starts it together with the learners'
# app and prints both addresses (README, "A live lesson, step by step").

# %% [markdown] lang="nl"
# # De klas, live
#
# Een workshop-app voor het scherm van de docent. Ze toont het klassenbeeld van de
# zelfbeoordeling terwijl studenten delen: per onderdeel hoeveel studenten deelden en het
# klasgemiddelde, niets bij minder dan drie. Ze vernieuwt zichzelf elke vijf seconden;
# **Pauzeer het vernieuwen** zet dat stil.
#
# `.venv/bin/leadkit class lesson ~/class-pool --lang nl` start haar samen met de app voor de
# studenten en toont beide adressen (README, "A live lesson, step by step").

# %%
import os

import leadkit as lk

lk.set_language("{{LANG}}")
# The same pool the learners' app shares to: a folder, or hub-service://classpool on a hub.
pool = os.environ.get("LEADKIT_CLASS_POOL", "class-pool")
framework = os.environ.get("LEADKIT_CLASS_FRAMEWORK", "agile-cmo")

# %%
lk.widgets.class_dashboard(pool, framework)

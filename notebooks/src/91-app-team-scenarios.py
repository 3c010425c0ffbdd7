# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # Team scenarios: play a simulated marketing team
#
# A workshop app with four scenarios. Set the levers, press **Run**, and compare the outcome
# with the run before: the table gives the average over many simulated teams with its 95%
# confidence interval, the chart shows how far teams differ. The debrief under each scenario
# links the result to the leadership frameworks. Write down what you noticed at the end of a
# scenario and press **Save**: it goes into your own journal.

# %% [markdown] lang="nl"
# # Teamscenario's: speel met een gesimuleerd marketingteam
#
# Een workshop-app met vier scenario's. Zet de schuifjes, klik op **Simuleer** en vergelijk de
# uitkomst met de vorige keer: de tabel geeft het gemiddelde over veel gesimuleerde teams met
# het 95%-betrouwbaarheidsinterval, de grafiek laat zien hoeveel teams van elkaar verschillen.
# De nabespreking onder elk scenario verbindt de uitkomst met de leiderschapsraamwerken.
# Schrijf aan het eind van een scenario op wat je opviel en klik op **Bewaar**: het komt in je
# eigen logboek.

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %%
lk.widgets.language_switch()

# %%
lk.widgets.play("new-cmo-alignment", notebook="91-app-team-scenarios")

# %%
lk.widgets.play("silo-marketing", notebook="91-app-team-scenarios")

# %%
lk.widgets.play("crm-dashboard", notebook="91-app-team-scenarios")

# %%
lk.widgets.play("key-account-price", notebook="91-app-team-scenarios")

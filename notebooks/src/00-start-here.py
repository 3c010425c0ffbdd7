# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # Start here: leadkit, leadership in marketing and customer teams
#
# **For** teachers preparing a class, learners working alone, and researchers who want to use
# the kit on their own data. **Time:** 10 minutes.
#
# **After this notebook you can**
# 1. say which five leadership frameworks the kit covers and where they come from;
# 2. switch the whole kit between Dutch and English;
# 3. find the notebook that fits your question, in either language.

# %% [markdown] lang="nl"
# # Begin hier: leadkit, leiderschap in marketing- en klantteams
#
# **Voor** docenten die een les voorbereiden, studenten die zelfstandig werken en
# onderzoekers die de kit op hun eigen data willen gebruiken. **Tijd:** 10 minuten.
#
# **Na dit notebook kun je**
# 1. noemen welke vijf leiderschapsraamwerken de kit behandelt en waar ze vandaan komen;
# 2. de taal van de hele kit wisselen tussen Nederlands en Engels;
# 3. het notebook vinden dat bij jouw vraag past, in beide talen.

# %% [markdown] lang="en"
# Run each cell with **Shift-Enter**. You never need to change code: the kit works with
# dropdowns, sliders and buttons.

# %% [markdown] lang="nl"
# Voer elke cel uit met **Shift-Enter**. Je hoeft nergens code te veranderen: de kit werkt met
# keuzelijsten, schuifjes en knoppen.

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## A first look
# Pick a framework in the dropdown and read its elements.

# %% [markdown] lang="nl"
# ## Een eerste blik
# Kies een raamwerk in de keuzelijst en lees de onderdelen.

# %%
lk.widgets.framework_explorer()

# %% [markdown] lang="en"
# ## Dutch or English?
# The buttons below switch every text of the kit. The explorer above changes along with them.
# The notebooks themselves exist in both languages: `notebooks/en/` and `notebooks/nl/`.

# %% [markdown] lang="nl"
# ## Nederlands of Engels?
# Met de knoppen hieronder wissel je de taal van alle teksten van de kit. De verkenner hierboven
# verandert mee. De notebooks zelf bestaan in beide talen: `notebooks/nl/` en `notebooks/en/`.

# %%
lk.widgets.language_switch(remember={{BILINGUAL}})

# %% [markdown] lang="en"
# ## The five frameworks at a glance
# Each row is one framework; the last column is the article it is based on.

# %% [markdown] lang="nl"
# ## De vijf raamwerken in één oogopslag
# Elke rij is één raamwerk; de laatste kolom noemt het artikel waarop het is gebaseerd.

# %%
lk.widgets.framework_table()

# %% [markdown] lang="en"
# ## Where to go next
#
# | Notebook | What you do | For |
# |---|---|---|
# | [01 Agile CMO](en/01-agile-cmo.ipynb) | Gartner's seven practices, self-assessment, a dilemma | learners |
# | [02 Silo collaboration](en/02-silo-collaboration.ipynb) | brand, digital and CRM together; your context; T-shape | learners |
# | [03 Customer leadership](en/03-customer-leadership.ipynb) | Jeanne Bliss's ten traits | learners |
# | [04 Leading professionals](en/04-leading-professionals.ipynb) | Weggeman; spotting pretend compliance | learners |
# | [05 Wij-model](en/05-wij-model.ipynb) | from "ik" to "wij"; redesign an approval chain | learners |
# | [06 Comparing frameworks](en/06-comparing-frameworks.ipynb) | themes across the five | learners, teachers |
# | [07 Team scenarios](en/07-team-scenarios.ipynb) | play simulated teams | learners |
# | [08 Replicating the models](en/08-replicating-the-models.ipynb) | the published models behind the scenarios | researchers |
# | [10 Analyse your own survey](en/10-analyse-your-own-survey.ipynb) | scoring, reliability, agreement, 360 | researchers |
# | [11 For teachers](en/11-for-teachers.ipynb) | class results without private text | teachers |
# | [12 Multilevel research](en/12-multilevel-research.ipynb) | omega, awg and AD, ICC with intervals, random-intercept model, response surface | researchers |
#
# The same notebooks in Dutch are in [`nl/`](nl/00-start-here.ipynb).

# %% [markdown] lang="nl"
# ## Waar verder?
#
# | Notebook | Wat je doet | Voor |
# |---|---|---|
# | [01 Agile CMO](nl/01-agile-cmo.ipynb) | de zeven praktijken van Gartner, zelfbeoordeling, een dilemma | studenten |
# | [02 Samenwerken over silo's](nl/02-silo-collaboration.ipynb) | brand, digital en CRM samen; jouw context; T-profiel | studenten |
# | [03 Klantleiderschap](nl/03-customer-leadership.ipynb) | de tien kenmerken van Jeanne Bliss | studenten |
# | [04 Leidinggeven aan professionals](nl/04-leading-professionals.ipynb) | Weggeman; meestribbelen herkennen | studenten |
# | [05 Wij-model](nl/05-wij-model.ipynb) | van 'ik' naar 'wij'; een goedkeuringsketen herontwerpen | studenten |
# | [06 Raamwerken vergelijken](nl/06-comparing-frameworks.ipynb) | thema's over de vijf heen | studenten, docenten |
# | [07 Teamscenario's](nl/07-team-scenarios.ipynb) | speel met gesimuleerde teams | studenten |
# | [08 De modellen nagebouwd](nl/08-replicating-the-models.ipynb) | de gepubliceerde modellen achter de scenario's | onderzoekers |
# | [10 Analyseer je eigen vragenlijst](nl/10-analyse-your-own-survey.ipynb) | scores, betrouwbaarheid, overeenstemming, 360 | onderzoekers |
# | [11 Voor docenten](nl/11-for-teachers.ipynb) | klasresultaten zonder privétekst | docenten |
# | [12 Multilevelonderzoek](nl/12-multilevel-research.ipynb) | omega, awg en AD, ICC met intervallen, random-interceptmodel, responsoppervlak | onderzoekers |
#
# Dezelfde notebooks in het Engels staan in [`en/`](en/00-start-here.ipynb).

# %% [markdown] lang="en"
# ## Self-check
# Two quick questions. Each answer gets feedback that explains why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Twee korte vragen. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("00-start-here")

# %% [markdown] lang="en"
# ## Reflection
# Your answer is saved in your personal journal on this computer (or in your JupyterHub home
# folder). It is never lost when the kernel restarts, and it stays private unless you tick
# *share with my teacher*.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoord wordt bewaard in je persoonlijke logboek op deze computer (of in je
# JupyterHub-thuismap). Het gaat niet verloren als de kernel herstart en het blijft privé,
# tenzij je *deel met mijn docent* aanvinkt.

# %%
lk.widgets.reflect("start-here-goals", notebook="00-start-here")

# %% [markdown] lang="en"
# ## Sources
# The kit paraphrases and cites five Dutch articles; the table above names each one. The
# frameworks and instruments are the kit's own teaching material (CC BY 4.0), not validated
# scales. See `datasets/README.md` for the sample data and `README.md` for how to cite the kit.

# %% [markdown] lang="nl"
# ## Bronnen
# De kit parafraseert en citeert vijf Nederlandse artikelen; de tabel hierboven noemt ze. De
# raamwerken en vragenlijsten zijn eigen lesmateriaal van de kit (CC BY 4.0), geen
# gevalideerde schalen. Zie `datasets/README.md` voor de voorbeelddata en `README.md` voor hoe je
# de kit citeert.

# %% [markdown] lang="en"
# ## Hand in: make your portfolio
# When you are done (today or at the end of the course), type your student number below and
# press **Make my portfolio**. It writes your portfolio (every reflection and profile you saved,
# in any notebook) and the hand-in file for your teacher into this folder, with a link to
# download each. Only reflections you marked *share with my teacher* go into the hand-in file.

# %% [markdown] lang="nl"
# ## Inleveren: maak je portfolio
# Klaar (vandaag of aan het eind van de cursus)? Typ hieronder je studentnummer en druk op
# **Maak mijn portfolio**. Je portfolio (alle reflecties en profielen die je in welk notebook
# dan ook bewaarde) en het inleverbestand voor je docent komen in deze map, met een link om elk
# te downloaden. Alleen reflecties met *deel met mijn docent* gaan mee in het inleverbestand.

# %%
lk.widgets.hand_in()

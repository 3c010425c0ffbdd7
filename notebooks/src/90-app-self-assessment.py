# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # Self-assessment: leading an agile marketing organisation
#
# A workshop app. Choose for each statement how well it describes you, press **Calculate score**, and
# compare your profile with a sample class. **Save to my journal** keeps your scores on this
# computer (or in your JupyterHub home folder); nobody else sees them.
#
# The statements are a teaching instrument written for this kit: a mirror for discussion, not a
# validated test.

# %% [markdown] lang="nl"
# # Zelfbeoordeling: leidinggeven aan een agile marketingorganisatie
#
# Een workshop-app. Kies bij elke uitspraak hoe goed die bij je past, klik op **Bereken score**
# en vergelijk je profiel met een voorbeeldklas. **Bewaar in mijn logboek** bewaart je scores op
# deze computer (of in je JupyterHub-thuismap); niemand anders ziet ze.
#
# De uitspraken zijn een lesinstrument dat voor deze kit is geschreven: een spiegel om over te
# praten, geen gevalideerde test.

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %%
lk.widgets.language_switch()

# %%
import os

# With a class pool (LEADKIT_CLASS_POOL, set by the teacher) the "Share with my class" switch
# appears under the statements, off until the learner turns it on.
lk.widgets.self_assessment(os.environ.get("LEADKIT_CLASS_FRAMEWORK", "agile-cmo"),
                          class_pool=os.environ.get("LEADKIT_CLASS_POOL"))

# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 03 Customer leadership: ten traits after Jeanne Bliss
#
# **For** learners in marketing, customer experience and service, and teachers who use this
# notebook in class. **Time:** a 90-minute class, or an evening on your own.
#
# **Learning objectives.** After this notebook you can
# 1. explain the ten traits that Jeanne Bliss sees in successful customer leaders;
# 2. assess your own customer leadership and compare yourself with a class;
# 3. read a leader's 360 result with self–other gaps and team agreement;
# 4. apply the traits to a dilemma about getting the customer on the agenda.

# %% [markdown] lang="nl"
# # 03 Klantleiderschap: tien kenmerken volgens Jeanne Bliss
#
# **Voor** studenten marketing, klantbeleving en service, en docenten die dit notebook in de
# les gebruiken. **Tijd:** een college van 90 minuten, of een avond zelfstandig.
#
# **Leerdoelen.** Na dit notebook kun je
# 1. de tien kenmerken uitleggen die Jeanne Bliss ziet bij succesvolle klantleiders;
# 2. je eigen klantleiderschap beoordelen en jezelf vergelijken met een klas;
# 3. de 360-gradenuitslag van een leidinggevende lezen, met verschillen tussen zelfbeeld en het
#    beeld van anderen en de overeenstemming in het team;
# 4. de kenmerken toepassen op een dilemma over hoe je de klant op de agenda krijgt.

# %% [markdown] lang="en"
# Run each cell with **Shift-Enter**, from top to bottom. You never need to change code.
#
# *For teachers — a 90-minute plan:* warm-up, with a show of hands (10 min) · the ten traits
# (15) · self-assessment (15) · team example (15) · the dilemma in groups of three, one step
# per group, then report back (20) · self-check and reflection (15).

# %% [markdown] lang="nl"
# Voer elke cel uit met **Shift-Enter**, van boven naar beneden. Je hoeft nergens code te
# veranderen.
#
# *Voor docenten — een plan voor 90 minuten:* opwarmer, met handopsteken (10 min) · de tien
# kenmerken (15) · zelfbeoordeling (15) · teamvoorbeeld (15) · het dilemma in drietallen, één
# stap per groep, daarna terugkoppelen (20) · test jezelf en reflectie (15).

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## Warm-up: five minutes with the board
# Choose an answer and press **Choose**.

# %% [markdown] lang="nl"
# ## Opwarmer: vijf minuten met de directie
# Kies een antwoord en klik op **Kies**.

# %%
lk.widgets.dilemma("customer-leadership-warm-up")

# %% [markdown] lang="en"
# ## The ten traits
# A short editorial article from June 2015 summarises ten traits that customer experience
# expert Jeanne Bliss sees in leaders who carry a customer mission, ahead of her book *Chief
# Customer Officer 2.0*. Successful customer leaders bring groups together, cut the work into
# bite-sized pieces and encourage ownership. Read the traits below; notice how many of them are
# about winning over colleagues rather than customers.

# %% [markdown] lang="nl"
# ## De tien kenmerken
# Een kort redactioneel artikel uit juni 2015 vat tien kenmerken samen die
# klantbelevingsexpert Jeanne Bliss ziet bij leiders die een klantmissie dragen, in aanloop
# naar haar boek *Chief Customer Officer 2.0*. Succesvolle klantleiders brengen groepen samen,
# knippen het werk op in behapbare stukken en stimuleren eigenaarschap. Lees de kenmerken
# hieronder; let erop hoeveel ervan gaan over collega's meekrijgen in plaats van over klanten.

# %%
lk.widgets.framework_explorer("customer-leadership")

# %% [markdown] lang="en"
# ## Your self-assessment
# Answer each statement, press **Calculate score** for your profile and the class comparison, then
# **Save to my journal**. It is a teaching instrument, not a validated test.

# %% [markdown] lang="nl"
# ## Je zelfbeoordeling
# Beantwoord elke uitspraak, klik op **Bereken score** voor je profiel en de vergelijking met
# de klas, en daarna op **Bewaar in mijn logboek**. Het is lesmateriaal, geen gevalideerde
# test.

# %%
lk.widgets.self_assessment("customer-leadership")

# %% [markdown] lang="en"
# ## A team example: one leader's 360 result
# The leader of team T5 in the (synthetic) sample class. This leader both over- and
# under-estimates: which gap would you raise first in a feedback conversation?

# %% [markdown] lang="nl"
# ## Een teamvoorbeeld: de 360-gradenuitslag van één leidinggevende
# De leidinggevende van team T5 in de (synthetische) voorbeeldklas. Deze leidinggevende
# overschat én onderschat zichzelf: welk verschil zou jij als eerste bespreken in een
# feedbackgesprek?

# %%
# NBVAL_CHECK_OUTPUT
lk.show_team_example("customer-leadership", "T5")

# %% [markdown] lang="en"
# ## Dilemma: the customer on the agenda
# Three decisions. After each one you see which traits it relates to.

# %% [markdown] lang="nl"
# ## Dilemma: de klant op de agenda
# Drie beslissingen. Na elke keuze zie je met welke kenmerken die samenhangt.

# %%
lk.widgets.dilemma("customer-leadership-dilemma")

# %% [markdown] lang="en"
# ## Self-check
# Four questions. Every answer gets feedback that explains why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Vier vragen. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("03-customer-leadership")

# %% [markdown] lang="en"
# ## Reflection
# Saved in your personal journal, private unless you tick *share with my teacher*.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoorden worden bewaard in je persoonlijke logboek en blijven privé, tenzij je *deel
# met mijn docent* aanvinkt.

# %%
lk.widgets.reflect("customer-leadership-agenda", notebook="03-customer-leadership")

# %%
lk.widgets.reflect("customer-leadership:give-power-away", notebook="03-customer-leadership")

# %% [markdown] lang="en"
# ## Sources and further reading
# - **Source of the framework:** "Cruciale leiderschapskenmerken volgens Jeanne Bliss",
#   editorial article of 3 June 2015 (the outlet is not named in the copy the kit uses). It
#   summarises traits described by Jeanne Bliss, whose book *Chief Customer Officer 2.0: How to
#   Build Your Customer-Driven Growth Engine* was announced for mid-June 2015. Explanations,
#   questionnaire and cases are the kit's own wording.
# - Fleenor, J. W., McCauley, C. D., & Brutus, S. (1996). Self-other rating agreement and
#   leader effectiveness. *The Leadership Quarterly*, 7(4), 487–506.
# - LeBreton, J. M., & Senter, J. L. (2008). Answers to 20 questions about interrater
#   reliability and interrater agreement. *Organizational Research Methods*, 11(4), 815–852.

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - **Bron van het raamwerk:** 'Cruciale leiderschapskenmerken volgens Jeanne Bliss',
#   redactioneel artikel van 3 juni 2015 (het medium staat niet in de kopie die de kit
#   gebruikt). Het vat kenmerken samen die Jeanne Bliss beschrijft; haar boek *Chief Customer
#   Officer 2.0: How to Build Your Customer-Driven Growth Engine* werd aangekondigd voor half
#   juni 2015. Toelichtingen, vragenlijst en casussen zijn in de eigen woorden van de kit
#   geschreven.
# - Fleenor, J. W., McCauley, C. D., & Brutus, S. (1996). Self-other rating agreement and
#   leader effectiveness. *The Leadership Quarterly*, 7(4), 487–506.
# - LeBreton, J. M., & Senter, J. L. (2008). Answers to 20 questions about interrater
#   reliability and interrater agreement. *Organizational Research Methods*, 11(4), 815–852.

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

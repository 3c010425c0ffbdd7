# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 04 Leading professionals: trust, purpose and pretend compliance
#
# **For** learners in marketing, sales and service, and teachers who use this notebook in
# class. **Time:** a 90-minute class, or an evening on your own.
#
# **Learning objectives.** After this notebook you can
# 1. explain why, following Mathieu Weggeman, professionals are better facilitated than
#    managed, applied to marketing, sales and service;
# 2. recognise the signals of pretend compliance ("meestribbelen") in a CRM report, and tell
#    them apart from honest figures;
# 3. assess your own leadership of professionals and compare yourself with a class;
# 4. read a leader's 360 result with self–other gaps and team agreement.

# %% [markdown] lang="nl"
# # 04 Leidinggeven aan professionals: vertrouwen, bestaansreden en meestribbelen
#
# **Voor** studenten marketing, sales en service, en docenten die dit notebook in de les
# gebruiken. **Tijd:** een college van 90 minuten, of een avond zelfstandig.
#
# **Leerdoelen.** Na dit notebook kun je
# 1. uitleggen waarom je professionals, in de lijn van Mathieu Weggeman, beter faciliteert dan
#    aanstuurt, toegepast op marketing, sales en service;
# 2. de signalen van meestribbelen herkennen in een CRM-rapportage, en ze onderscheiden van
#    eerlijke cijfers;
# 3. je eigen leiderschap van professionals beoordelen en jezelf vergelijken met een klas;
# 4. de 360-gradenuitslag van een leidinggevende lezen, met verschillen tussen zelfbeeld en het
#    beeld van anderen en de overeenstemming in het team.

# %% [markdown] lang="en"
# Run each cell with **Shift-Enter**, from top to bottom. You never need to change code.
#
# *For teachers — a 90-minute plan:* warm-up (10 min) · the five elements (15) · the CRM
# report, first alone, then compare in pairs before pressing Check (20) · self-assessment
# (15) · team example (15) · self-check and reflection (15).

# %% [markdown] lang="nl"
# Voer elke cel uit met **Shift-Enter**, van boven naar beneden. Je hoeft nergens code te
# veranderen.
#
# *Voor docenten — een plan voor 90 minuten:* opwarmer (10 min) · de vijf onderdelen (15) ·
# het CRM-rapport, eerst alleen, dan in tweetallen vergelijken voordat je op Controleer klikt
# (20) · zelfbeoordeling (15) · teamvoorbeeld (15) · test jezelf en reflectie (15).

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## Warm-up: the new CRM procedure
# Choose an answer and press **Choose**.

# %% [markdown] lang="nl"
# ## Opwarmer: de nieuwe CRM-procedure
# Kies een antwoord en klik op **Kies**.

# %%
lk.widgets.dilemma("leading-professionals-warm-up")

# %% [markdown] lang="en"
# ## The five elements
# Marielle Dellemijn (CRM excellence) takes the ideas of Mathieu Weggeman, known for his book
# *Leidinggeven aan professionals? Niet doen!*, and carries them over from doctors, lawyers
# and designers to marketing, sales and service staff. Professionals want to do good work;
# rules and procedures mostly wear them out. Weggeman adds that many have learned that
# pretending to go along costs less energy than protesting; Dellemijn's CRM reading is that the
# system then shows exactly what management expects.

# %% [markdown] lang="nl"
# ## De vijf onderdelen
# Marielle Dellemijn (CRM excellence) neemt de ideeën van Mathieu Weggeman, bekend van zijn
# boek *Leidinggeven aan professionals? Niet doen!*, en past ze toe op medewerkers in
# marketing, sales en service in plaats van artsen, juristen en ontwerpers. Professionals
# willen goed werk leveren; regels en procedures vermoeien hen vooral. Volgens Weggeman hebben
# velen geleerd dat schijnbaar meewerken minder moeite kost dan protesteren. Dellemijn
# vertaalt dat naar CRM: het systeem laat dan precies zien wat het management verwacht.

# %%
lk.widgets.framework_explorer("leading-professionals")

# %% [markdown] lang="en"
# ## Spot the pretend compliance
# Read the report as the new manager would. Mark the lines that could be signs of
# meestribbelen, then press **Check**. Beware: some figures look bad but are exactly the honest
# signals you need.

# %% [markdown] lang="nl"
# ## Herken het meestribbelen
# Lees het rapport zoals de nieuwe manager dat zou doen. Markeer de regels die kunnen wijzen op
# meestribbelen en klik dan op **Controleer**. Let op: sommige cijfers zien er slecht uit, maar
# zijn juist de eerlijke signalen die je nodig hebt.

# %%
lk.widgets.spot_compliance("leading-professionals-crm-report")

# %% [markdown] lang="en"
# ## Your self-assessment
# Answer each statement, press **Calculate score** for your profile and the class comparison, then
# **Save to my journal**. It is a teaching instrument, not a validated test — and, fittingly,
# its scores only mean something if you answer honestly rather than as you think you should.

# %% [markdown] lang="nl"
# ## Je zelfbeoordeling
# Beantwoord elke uitspraak, klik op **Bereken score** voor je profiel en de vergelijking met
# de klas, en daarna op **Bewaar in mijn logboek**. Het is lesmateriaal, geen gevalideerde
# test — en passend bij dit onderwerp: de scores zeggen alleen iets als je eerlijk antwoordt,
# en niet zoals je denkt dat het hoort.

# %%
lk.widgets.self_assessment("leading-professionals")

# %% [markdown] lang="en"
# ## A team example: one leader's 360 result
# The leader of team T7 in the (synthetic) sample class. Compare with the report exercise: a
# 360 result can itself be "meestribbeld" when raters fear the consequences. That is one reason
# the kit never shows a rater group of fewer than three on its own.

# %% [markdown] lang="nl"
# ## Een teamvoorbeeld: de 360-gradenuitslag van één leidinggevende
# De leidinggevende van team T7 in de (synthetische) voorbeeldklas. Vergelijk met de
# rapportopdracht: ook een 360-gradenuitslag kan 'meegestribbeld' zijn als beoordelaars de
# gevolgen vrezen. Dat is een van de redenen waarom de kit een groep van minder dan drie
# beoordelaars nooit apart laat zien.

# %%
# NBVAL_CHECK_OUTPUT
lk.show_team_example("leading-professionals", "T7")

# %% [markdown] lang="en"
# ## Self-check
# Four questions. Every answer gets feedback that explains why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Vier vragen. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("04-leading-professionals")

# %% [markdown] lang="en"
# ## Reflection
# Saved in your personal journal, private unless you tick *share with my teacher*.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoorden worden bewaard in je persoonlijke logboek en blijven privé, tenzij je *deel
# met mijn docent* aanvinkt.

# %%
lk.widgets.reflect("leading-professionals-meestribbelen", notebook="04-leading-professionals")

# %%
lk.widgets.reflect("leading-professionals:genuine-engagement",
                   notebook="04-leading-professionals")

# %% [markdown] lang="en"
# ## Sources and further reading
# - **Source of the framework:** Marielle Dellemijn, "Glinsteren de ogen van uw
#   Marketingmanager bij een compleet klantbeeld?", blog post (the copy the kit uses names
#   neither the website nor a date; the author is director of CRM excellence).
#   She applies the ideas of Mathieu Weggeman to marketing, sales and service professionals,
#   after a video of one of his lectures. The elements, questionnaire and cases are the kit's own
#   wording.
# - Weggeman, M. (2007). *Leidinggeven aan professionals? Niet doen!* Schiedam: Scriptum.
# - Notebook 07 of this kit plays the same theme as a simulation: the "CRM dashboard that looks
#   perfect", built on Centola, Willer & Macy (2005), The Emperor's Dilemma, *American Journal
#   of Sociology*, 110(4), 1009–1040.

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - **Bron van het raamwerk:** Marielle Dellemijn, 'Glinsteren de ogen van uw
#   Marketingmanager bij een compleet klantbeeld?', blogbericht (de kopie die de kit gebruikt,
#   noemt website noch datum; de auteur is directeur van CRM excellence). Zij past de ideeën
#   van Mathieu Weggeman toe op professionals in marketing, sales en service, naar aanleiding
#   van een video van een van zijn lezingen. Onderdelen, vragenlijst en casussen zijn in de
#   eigen woorden van de kit geschreven.
# - Weggeman, M. (2007). *Leidinggeven aan professionals? Niet doen!* Schiedam: Scriptum.
# - Notebook 07 van deze kit speelt hetzelfde thema na als simulatie: het 'CRM-dashboard dat er
#   perfect uitziet', gebouwd op Centola, Willer & Macy (2005), The Emperor's Dilemma,
#   *American Journal of Sociology*, 110(4), 1009–1040.

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

# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 06 Comparing the five frameworks
#
# **For** learners who have done some of notebooks 01–05, and teachers who want to close a
# series of classes. **Time:** a 90-minute class, or an evening on your own.
#
# **Learning objectives.** After this notebook you can
# 1. compare the five frameworks on twelve shared themes, and say what each emphasises and
#    leaves out;
# 2. read your own scores, rolled up from all frameworks to those themes;
# 3. choose the framework that best fits an organisation's problem, and argue why.

# %% [markdown] lang="nl"
# # 06 De vijf raamwerken vergelijken
#
# **Voor** studenten die een deel van de notebooks 01–05 hebben gedaan, en docenten die een
# reeks colleges willen afsluiten. **Tijd:** een college van 90 minuten, of een avond
# zelfstandig.
#
# **Leerdoelen.** Na dit notebook kun je
# 1. de vijf raamwerken vergelijken op twaalf gedeelde thema's, en zeggen wat elk benadrukt en
#    weglaat;
# 2. je eigen scores lezen, vanuit alle raamwerken samengevat per thema;
# 3. het raamwerk kiezen dat het best past bij het probleem van een organisatie, en
#    beargumenteren waarom.

# %% [markdown] lang="en"
# Run each cell with **Shift-Enter**, from top to bottom. You never need to change code.
#
# *For teachers — a 90-minute plan:* the heatmap, discussed in plenary (15 min) · own theme
# profile, compared in pairs (15) · the five organisation cases, one per group, each group
# presents its choice and argument before pressing Check (40) · self-check and reflection (20).

# %% [markdown] lang="nl"
# Voer elke cel uit met **Shift-Enter**, van boven naar beneden. Je hoeft nergens code te
# veranderen.
#
# *Voor docenten — een plan voor 90 minuten:* de heatmap, plenair besproken (15 min) · eigen
# themaprofiel, in tweetallen vergeleken (15) · de vijf organisatiecasussen, één per groep;
# elke groep presenteert keuze en argument voordat ze op Controleer klikt (40) · test jezelf en
# reflectie (20).

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## Five frameworks, twelve themes
# Every element of every framework is linked to one or more of twelve shared themes. Each cell
# counts how many elements of a framework touch a theme. Where are the empty rows? What does a
# framework miss that another covers?

# %% [markdown] lang="nl"
# ## Vijf raamwerken, twaalf thema's
# Elk onderdeel van elk raamwerk is gekoppeld aan een of meer van twaalf gedeelde thema's. Elk
# vakje telt hoeveel onderdelen van een raamwerk een thema raken. Waar zijn de lege plekken?
# Wat mist een raamwerk dat een ander wel dekt?

# %%
lk.plots.theme_heatmap(lk.crosswalk())

# %% [markdown] lang="en"
# The themes themselves, with what each one means:

# %% [markdown] lang="nl"
# De thema's zelf, met wat elk thema betekent:

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.themes()[["label", "description"]])

# %% [markdown] lang="en"
# ## Your scores per theme
# Your latest self-assessments from notebooks 01–05 (as saved in your journal), rolled up to the
# themes. Each framework's element scores become theme scores on a 0–100 scale (0 is the
# lowest possible answer, 100 the highest), and a theme's score is their mean over the
# frameworks that touch it. The number in brackets says how many frameworks that is: a theme
# covered by one framework rests on fewer questions.

# %% [markdown] lang="nl"
# ## Jouw scores per thema
# Je laatste zelfbeoordelingen uit de notebooks 01–05 (zoals bewaard in je logboek), samengevat
# per thema. De scores per onderdeel van elk raamwerk worden omgerekend naar themascores op een
# schaal van 0–100 (0 is het laagst mogelijke antwoord, 100 het hoogste), en de score van een
# thema is het gemiddelde over de raamwerken die het raken. Het getal tussen haakjes zegt
# hoeveel raamwerken dat zijn: een thema dat maar één raamwerk raakt, rust op minder vragen.

# %%
# NBVAL_CHECK_OUTPUT
lk.show_learner_themes()

# %% [markdown] lang="en"
# ## Which framework fits?
# Five organisations, each with its own problem. Pick a case, read it, choose the framework
# that helps most and press **Check**. The feedback explains the choice and shows how the five
# frameworks rank on the themes the organisation needs — a rough count, not a verdict.

# %% [markdown] lang="nl"
# ## Welk raamwerk past?
# Vijf organisaties, elk met een eigen probleem. Kies een casus, lees hem, kies het raamwerk
# dat het meest helpt en klik op **Controleer**. De feedback licht de keuze toe en laat zien
# hoe de vijf raamwerken scoren op de thema's die de organisatie nodig heeft — een grove
# telling, geen oordeel.

# %%
lk.widgets.choose_framework()

# %% [markdown] lang="en"
# ## Self-check
# Four questions. Every answer gets feedback that explains why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Vier vragen. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("06-comparing-frameworks")

# %% [markdown] lang="en"
# ## Reflection
# Saved in your personal journal, private unless you tick *share with my teacher*.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoord wordt bewaard in je persoonlijke logboek en blijft privé, tenzij je *deel met
# mijn docent* aanvinkt.

# %%
lk.widgets.reflect("comparing-frameworks-choice", notebook="06-comparing-frameworks")

# %% [markdown] lang="en"
# ## Sources and further reading
# The five frameworks and their sources:

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# De vijf raamwerken en hun bronnen:

# %%
lk.widgets.framework_table()

# %% [markdown] lang="en"
# The twelve themes and the links between elements and themes are the kit's own
# interpretation, written for comparison and teaching; another reader could link some elements
# differently. The theme scores use the percent of maximum possible (POMP): Cohen, P., Cohen,
# J., Aiken, L. S., & West, S. G. (1999). The problem of units and the circumstance for POMP.
# *Multivariate Behavioral Research*, 34(3), 315–346.

# %% [markdown] lang="nl"
# De twaalf thema's en de koppelingen tussen onderdelen en thema's zijn een eigen
# interpretatie van de kit, gemaakt om te vergelijken en te onderwijzen; een andere lezer zou
# sommige onderdelen anders kunnen koppelen. De themascores gebruiken het percentage van het
# maximaal mogelijke (POMP): Cohen, P., Cohen, J., Aiken, L. S., & West, S. G. (1999). The
# problem of units and the circumstance for POMP. *Multivariate Behavioral Research*, 34(3),
# 315–346.

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

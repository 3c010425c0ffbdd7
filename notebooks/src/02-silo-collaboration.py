# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 02 Brand, digital and CRM: leading collaboration across silos
#
# **For** learners in marketing and customer management, and teachers who use this notebook in
# class. **Time:** a 90-minute class, or an evening on your own.
#
# **Learning objectives.** After this notebook you can
# 1. describe why brand, digital and CRM marketers often distrust each other, and what a
#    leader can do about it;
# 2. profile your own organisation's context and say what it means for collaboration;
# 3. map your own knowledge as depth and breadth (the T-shaped marketer);
# 4. read a leader's 360 result with self–other gaps and team agreement.

# %% [markdown] lang="nl"
# # 02 Brand, digital en CRM: leidinggeven aan samenwerking over silo's heen
#
# **Voor** studenten marketing en klantmanagement, en docenten die dit notebook in de les
# gebruiken. **Tijd:** een college van 90 minuten, of een avond zelfstandig.
#
# **Leerdoelen.** Na dit notebook kun je
# 1. beschrijven waarom brand-, digitale en CRM-marketeers elkaar vaak wantrouwen, en wat een
#    leidinggevende daaraan kan doen;
# 2. de context van je eigen organisatie in kaart brengen en zeggen wat die betekent voor de
#    samenwerking;
# 3. je eigen kennis in kaart brengen als diepte en breedte (de T-shaped marketeer);
# 4. de 360-gradenuitslag van een leidinggevende lezen, met verschillen tussen zelfbeeld en het
#    beeld van anderen en de overeenstemming in het team.

# %% [markdown] lang="en"
# Run each cell with **Shift-Enter**, from top to bottom. You never need to change code.
#
# *For teachers — a 90-minute plan:* context profile, each student for their own organisation
# (10 min) · the six elements (15) · self-assessment (15) · team example (15) · T-shape
# self-map, then form mixed trios of different shapes to discuss a case from their own work
# (20) · self-check and reflection (15).

# %% [markdown] lang="nl"
# Voer elke cel uit met **Shift-Enter**, van boven naar beneden. Je hoeft nergens code te
# veranderen.
#
# *Voor docenten — een plan voor 90 minuten:* contextprofiel, iedere student voor de eigen
# organisatie (10 min) · de zes onderdelen (15) · zelfbeoordeling (15) · teamvoorbeeld (15) ·
# T-profiel, daarna gemengde drietallen met verschillende vormen die een casus uit hun eigen
# praktijk bespreken (20) · test jezelf en reflectie (15).

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## Quick start: your context
# The article names four factors that shape how the disciplines get along. Answer them for your
# own organisation: each answer shows at once what it tends to mean.

# %% [markdown] lang="nl"
# ## Snelle start: jouw context
# Het artikel noemt vier factoren die bepalen hoe de disciplines met elkaar omgaan. Beantwoord
# ze voor je eigen organisatie: bij elk antwoord zie je meteen wat het meestal betekent.

# %%
lk.widgets.context_profile("silo-context")

# %% [markdown] lang="en"
# ## The six elements
# Niki van Wijk (Due North Consultancy) describes, deliberately sharpened, how digital, brand
# and CRM marketers see one another: the digital "nerds" with their own jargon, the brand people
# who are thought to work without data, the sales-minded CRM team that rarely gets noticed. Her
# point is that polite behaviour can hide an uncooperative attitude. The article has no
# numbered list; the kit derives six elements from it. The sixth, the T-shaped marketer, comes
# from a reader's comment under the article, not from the author.

# %% [markdown] lang="nl"
# ## De zes onderdelen
# Niki van Wijk (Due North Consultancy) schetst bewust scherp hoe digitale, brand- en
# CRM-marketeers naar elkaar kijken: de digitale 'nerds' met hun eigen jargon, de
# merkmensen die zonder data zouden werken, het verkoopgedreven CRM-team dat zelden opvalt.
# Haar punt: keurig gedrag kan een weinig coöperatieve houding verbergen. Het artikel bevat geen
# genummerde lijst; de kit leidt er zes onderdelen uit af. Het zesde, de T-shaped marketeer,
# komt uit een lezersreactie onder het artikel, niet van de auteur.

# %%
lk.widgets.framework_explorer("silo-collaboration")

# %% [markdown] lang="en"
# ## Your self-assessment
# Answer each statement about how you lead (or work in) a mixed team. Press **Calculate score** for your
# profile and the comparison with the sample class, then **Save to my journal**. It is a
# teaching instrument, not a validated test.

# %% [markdown] lang="nl"
# ## Je zelfbeoordeling
# Beantwoord elke uitspraak over hoe je een gemengd team leidt (of erin werkt). Klik op
# **Bereken score** voor je profiel en de vergelijking met de voorbeeldklas, en daarna op
# **Bewaar in mijn logboek**. Het is lesmateriaal, geen gevalideerde test.

# %%
lk.widgets.self_assessment("silo-collaboration")

# %% [markdown] lang="en"
# ## A team example: one leader's 360 result
# The leader of team T6 in the (synthetic) sample class, rated by team members, a manager and
# fellow leaders. Note the element on which the team disagrees most: what could lie behind
# that in a team of brand, digital and CRM people?

# %% [markdown] lang="nl"
# ## Een teamvoorbeeld: de 360-gradenuitslag van één leidinggevende
# De leidinggevende van team T6 in de (synthetische) voorbeeldklas, beoordeeld door teamleden, een
# manager en collega-leidinggevenden. Let op het onderdeel waarover het team het minst eens is:
# wat zou daarachter kunnen zitten in een team met mensen uit brand, digital en CRM?

# %%
# NBVAL_CHECK_OUTPUT
lk.show_team_example("silo-collaboration", "T6")

# %% [markdown] lang="en"
# ## Your T-shape
# Rate your knowledge of each area, then press the button. In class: form trios with different
# shapes and ask each other what you need to know about the others' work.

# %% [markdown] lang="nl"
# ## Jouw T-profiel
# Geef je kennis van elk gebied aan en klik dan op de knop. In de les: vorm drietallen met
# verschillende vormen en vraag elkaar wat je van elkaars werk zou moeten weten.

# %%
lk.widgets.t_shape_map("silo-t-shape")

# %% [markdown] lang="en"
# ## Self-check
# Four questions. Every answer gets feedback that explains why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Vier vragen. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("02-silo-collaboration")

# %% [markdown] lang="en"
# ## Reflection
# Saved in your personal journal, private unless you tick *share with my teacher*.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoorden worden bewaard in je persoonlijke logboek en blijven privé, tenzij je *deel
# met mijn docent* aanvinkt.

# %%
lk.widgets.reflect("silo-collaboration-own-team", notebook="02-silo-collaboration")

# %%
lk.widgets.reflect("silo-collaboration:own-incompetence-and-bias",
                   notebook="02-silo-collaboration")

# %% [markdown] lang="en"
# ## Sources and further reading
# - **Source of the framework:** Niki van Wijk (Due North Consultancy), "Hoe sterk is de
#   samenwerking tussen je digitale, brand en CRM marketeers?", online article (the outlet and
#   date are not given in the copy the kit uses). The T-shaped marketer comes from the reader
#   comment by Rommert Crépin (Penfield Digital) under that article. The elements, context
#   implications, questionnaire and cases are the kit's own wording.
# - The image of the "T-shaped" professional, deep in one field and broad across others, is
#   older than the comment; it became widely known through design and management writing in
#   the 1990s and 2000s.
# - Fleenor, J. W., McCauley, C. D., & Brutus, S. (1996). Self-other rating agreement and
#   leader effectiveness. *The Leadership Quarterly*, 7(4), 487–506.
# - LeBreton, J. M., & Senter, J. L. (2008). Answers to 20 questions about interrater
#   reliability and interrater agreement. *Organizational Research Methods*, 11(4), 815–852.

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - **Bron van het raamwerk:** Niki van Wijk (Due North Consultancy), 'Hoe sterk is de
#   samenwerking tussen je digitale, brand en CRM marketeers?', onlineartikel (website en
#   datum staan niet in de kopie die de kit gebruikt). De T-shaped marketeer komt uit de
#   lezersreactie van Rommert Crépin (Penfield Digital) onder dat artikel. Onderdelen,
#   contextgevolgen, vragenlijst en casussen zijn in de eigen woorden van de kit geschreven.
# - Het beeld van de 'T-shaped' professional, diep in één vak en breed in andere, is ouder dan
#   de reactie; het raakte bekend via literatuur over ontwerp en management uit de jaren
#   negentig en het eerste decennium van deze eeuw.
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

# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 05 From "ik" to "wij": leading without layers of approval
#
# **For** learners in sales, account management and marketing, and teachers who use this
# notebook in class. **Time:** a 90-minute class, or an evening on your own.
#
# **Learning objectives.** After this notebook you can
# 1. contrast the hierarchical "ik-model" with the collaborative "wij-model" of leadership;
# 2. redesign an approval chain and predict, with a queueing model, what it does to the time
#    a customer waits;
# 3. assess your own leadership against the wij-model and compare yourself with a class;
# 4. read a leader's 360 result with self–other gaps and team agreement.

# %% [markdown] lang="nl"
# # 05 Van ik naar wij: leidinggeven zonder goedkeuringslagen
#
# **Voor** studenten sales, accountmanagement en marketing, en docenten die dit notebook in de
# les gebruiken. **Tijd:** een college van 90 minuten, of een avond zelfstandig.
#
# **Leerdoelen.** Na dit notebook kun je
# 1. het hiërarchische ik-model van leiderschap afzetten tegen het samenwerkende wij-model;
# 2. een goedkeuringsketen herontwerpen en met een wachtrijmodel voorspellen wat dat doet met
#    de tijd die een klant moet wachten;
# 3. je eigen leiderschap beoordelen op het wij-model en jezelf vergelijken met een klas;
# 4. de 360-gradenuitslag van een leidinggevende lezen, met verschillen tussen zelfbeeld en het
#    beeld van anderen en de overeenstemming in het team.

# %% [markdown] lang="en"
# Run each cell with **Shift-Enter**, from top to bottom. You never need to change code.
#
# *For teachers — a 90-minute plan:* warm-up (10 min) · the six elements (15) · redesign the
# approval chain: groups predict first, then run the model and compare (20) · the dilemma
# (10) · self-assessment (10) · team example (10) · self-check and reflection (15).

# %% [markdown] lang="nl"
# Voer elke cel uit met **Shift-Enter**, van boven naar beneden. Je hoeft nergens code te
# veranderen.
#
# *Voor docenten — een plan voor 90 minuten:* opwarmer (10 min) · de zes onderdelen (15) · de
# goedkeuringsketen herontwerpen: groepjes voorspellen eerst, draaien dan het model en
# vergelijken (20) · het dilemma (10) · zelfbeoordeling (10) · teamvoorbeeld (10) · test
# jezelf en reflectie (15).

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## Warm-up: a discount on Friday afternoon
# Choose an answer and press **Choose**.

# %% [markdown] lang="nl"
# ## Opwarmer: een korting op vrijdagmiddag
# Kies een antwoord en klik op **Kies**.

# %%
lk.widgets.dilemma("wij-model-warm-up")

# %% [markdown] lang="en"
# ## The six elements
# Frank Baggermans, who headed Orange Business Services in the Benelux when he wrote it,
# argues that hierarchical structures slow down growth and innovation. The people who make
# things work, and who talk to customers, are the local teams; they should decide as a team,
# for example about a price, without asking for approval every time. Middle managers become
# coaches, top management sets the overall vision. Trust is the condition: being given room to
# decide does not mean that everyone wants the responsibility, so the leader has to create an
# open climate in which nobody fears punishment for a decision.

# %% [markdown] lang="nl"
# ## De zes onderdelen
# Frank Baggermans, die toen Orange Business Services in de Benelux leidde, betoogt dat
# hiërarchische structuren groei en innovatie afremmen. De mensen die zorgen dat
# het werkt, en die met klanten praten, zijn de lokale teams; zij moeten als team kunnen
# beslissen, bijvoorbeeld over een prijs, zonder telkens goedkeuring te vragen. Middenmanagers
# worden coach, het topmanagement zet de grote lijnen uit. Vertrouwen is de voorwaarde: wie
# ruimte krijgt om te beslissen, wil die verantwoordelijkheid nog niet per se dragen, dus moet
# de leidinggevende een open klimaat scheppen waarin niemand bang is voor straf na een
# beslissing.

# %%
lk.widgets.framework_explorer("wij-model")

# %% [markdown] lang="en"
# ## Redesign the approval chain
# A key-account team waits for three approvers before it may answer its customer. First
# *predict*: how many requests are answered within five working days now, and with one layer
# fewer? Then use the sliders: remove layers, give the team a mandate, and run the model. It is
# a simple queueing model with stated assumptions (see `docs/models/approval.md`); each run
# simulates many teams, so you see the spread, not a single story.

# %% [markdown] lang="nl"
# ## Herontwerp de goedkeuringsketen
# Een key-accountteam wacht op drie goedkeurders voordat het zijn klant antwoord mag geven.
# *Voorspel* eerst: hoeveel verzoeken worden nu binnen vijf werkdagen beantwoord, en hoeveel
# met één laag minder? Gebruik dan de schuifjes: haal lagen weg, geef het team een mandaat en
# draai het model. Het is een eenvoudig wachtrijmodel met uitgeschreven aannames (zie
# `docs/models/approval.md`); elke run simuleert veel teams, zodat je de spreiding ziet en
# niet één verhaal.

# %%
lk.widgets.play("key-account-price")

# %% [markdown] lang="en"
# ## Dilemma: the first decision that goes wrong
# A mandate works, until the first decision turns out badly. Two decisions follow.

# %% [markdown] lang="nl"
# ## Dilemma: de eerste beslissing die misgaat
# Een mandaat werkt, tot de eerste beslissing verkeerd uitpakt. Er volgen twee beslissingen.

# %%
lk.widgets.dilemma("wij-model-dilemma")

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
lk.widgets.self_assessment("wij-model")

# %% [markdown] lang="en"
# ## A team example: one leader's 360 result
# The leader of team T5 in the (synthetic) sample class. This leader sees more room to decide
# than the team does: what would the team need before it believes it may decide?

# %% [markdown] lang="nl"
# ## Een teamvoorbeeld: de 360-gradenuitslag van één leidinggevende
# De leidinggevende van team T5 in de (synthetische) voorbeeldklas. Deze leidinggevende ziet meer
# beslisruimte dan het team: wat heeft het team nodig voordat het gelooft dat het mag
# beslissen?

# %%
# NBVAL_CHECK_OUTPUT
lk.show_team_example("wij-model", "T5")

# %% [markdown] lang="en"
# ## Self-check
# Four questions. Every answer gets feedback that explains why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Vier vragen. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("05-wij-model")

# %% [markdown] lang="en"
# ## Reflection
# Saved in your personal journal, private unless you tick *share with my teacher*.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoorden worden bewaard in je persoonlijke logboek en blijven privé, tenzij je *deel
# met mijn docent* aanvinkt.

# %%
lk.widgets.reflect("wij-model-mandate", notebook="05-wij-model")

# %%
lk.widgets.reflect("wij-model:safe-to-decide", notebook="05-wij-model")

# %% [markdown] lang="en"
# ## Sources and further reading
# - **Source of the framework:** Frank Baggermans (managing director Benelux, Orange Business
#   Services), "Doei hiërarchisch leiderschap; van ik naar wij", online article (website and
#   date are not given in the copy the kit uses). The elements, questionnaire and cases are
#   the kit's own wording.
# - The approval-chain model: `docs/models/approval.md` in this kit states its assumptions;
#   notebook 08 shows how it is checked.
# - Edmondson, A. (1999). Psychological safety and learning behavior in work teams.
#   *Administrative Science Quarterly*, 44(2), 350–383 — why a decision that goes wrong must
#   not be punished.

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - **Bron van het raamwerk:** Frank Baggermans (managing director Benelux, Orange Business
#   Services), 'Doei hiërarchisch leiderschap; van ik naar wij', onlineartikel (website en datum
#   staan niet in de kopie die de kit gebruikt). Onderdelen, vragenlijst en casussen zijn in
#   de eigen woorden van de kit geschreven.
# - Het model van de goedkeuringsketen: `docs/models/approval.md` in deze kit beschrijft de
#   aannames; notebook 08 laat zien hoe het gecontroleerd is.
# - Edmondson, A. (1999). Psychological safety and learning behavior in work teams.
#   *Administrative Science Quarterly*, 44(2), 350–383 — waarom een beslissing die verkeerd
#   uitpakt, niet mag worden afgestraft.

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

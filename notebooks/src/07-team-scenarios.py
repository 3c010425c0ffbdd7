# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # Team scenarios: the articles' situations, played out in models
#
# **For** learners and classes; teachers can play a scenario on the projector and let the
# class choose the levers. **Time:** 45–60 minutes.
#
# **After this notebook you can**
# 1. explain why, in March's model, pushing for fast alignment costs a team what it could have
#    learned;
# 2. explain why, in the model of Fang and colleagues, both sealed silos and 'everyone in every
#    meeting' hold a department back, and how that differs from what the silo article argues;
# 3. recognise a dashboard that shows compliance rather than engagement;
# 4. show how approval layers, and a mandate, change how fast a customer gets an answer.
#
# Each scenario is a marketing-team story that runs on a published model the kit first
# reproduces (notebook 08). The stories borrow their situations from the articles; what a run
# shows is the conclusion of its model, not a claim of the articles. Where a model and an
# article point different ways, the debrief says so. Move the levers, press **Run**: the kit
# simulates dozens of teams, because one run is luck; the outcome shows their mean, a 95%
# confidence interval and every team as a dot. Then read the debrief and write down what you
# take from it.

# %% [markdown] lang="nl"
# # Teamscenario's: situaties uit de artikelen, nagespeeld met modellen
#
# **Voor** studenten en klassen; docenten kunnen een scenario op het scherm spelen en de klas
# de knoppen laten kiezen. **Tijd:** 45–60 minuten.
#
# **Na dit notebook kun je**
# 1. uitleggen waarom in het model van March een team dat snel op één lijn moet komen, minder
#    leert dan het had gekund;
# 2. uitleggen waarom in het model van Fang en collega's zowel gesloten silo's als 'iedereen
#    bij elk overleg' een afdeling afremmen, en hoe dat afwijkt van wat het silo-artikel
#    betoogt;
# 3. een dashboard herkennen dat naleving laat zien in plaats van betrokkenheid;
# 4. laten zien hoe goedkeuringslagen, en een mandaat, bepalen hoe snel een klant antwoord
#    krijgt.
#
# Achter elk scenario, een verhaal over een marketingteam, zit een gepubliceerd model dat de
# kit eerst naspeelt (notebook 08). De verhalen ontlenen hun situatie aan de artikelen; wat
# een run laat zien, is de uitkomst van het model, geen bewering van de artikelen. Waar een
# model en een artikel een andere kant op wijzen, zegt de nabespreking dat. Verschuif de
# knoppen en druk op **Simuleer**: de kit simuleert tientallen teams, want één run is toeval;
# de uitkomst toont hun gemiddelde, een 95%-betrouwbaarheidsinterval en elk team als een
# stip. Lees daarna de nabespreking en schrijf op wat je ervan meeneemt.

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## 1. The new CMO wants everyone aligned, fast
# The first run uses the CMO's own plan: push the playbook as hard as possible (0.9), no new
# hires. Now slow the push down to 0.1 and run again. Then push hard again, but bring in fresh
# T-shaped marketers (0.1 a month). What happens to the playbook, and to the average marketer?

# %% [markdown] lang="nl"
# ## 1. De nieuwe CMO wil iedereen snel op één lijn
# De eerste run volgt het plan van de CMO: het draaiboek er zo hard mogelijk doordrukken (0,9),
# geen nieuwe collega's. Zet de druk nu op 0,1 en simuleer opnieuw. Zet de druk daarna weer hoog,
# maar haal frisse T-shaped marketeers binnen (0,1 per maand). Wat gebeurt er met het draaiboek, en
# met de gemiddelde marketeer?

# %%
lk.widgets.play("new-cmo-alignment")

# %%
lk.widgets.scenario_check("new-cmo-alignment")

# %% [markdown] lang="en"
# ## 2. Brand, digital and CRM: silos or one big room?
# Try all five settings of contact between the teams, from sealed silos to everyone in every
# meeting. Where does the department end up knowing most? Does faster copying of the best
# performers help or hurt?

# %% [markdown] lang="nl"
# ## 2. Brand, digital en CRM: silo's of één grote ruimte?
# Probeer alle vijf standen van contact tussen de teams, van gesloten silo's tot iedereen bij
# elk overleg. Waar weet de afdeling uiteindelijk het meest? Helpt of schaadt het als mensen de
# best presterenden sneller volgen?

# %%
lk.widgets.play("silo-marketing")

# %%
lk.widgets.scenario_check("silo-marketing")

# %% [markdown] lang="en"
# ## 3. The CRM dashboard that looks perfect
# Compare the first two outcomes: what the dashboard shows, and who actually believes in the
# routine. Then make calling out colleagues cheaper or dearer, and let people see everyone
# instead of only their direct colleagues. A run that takes more than a second shows a
# progress bar.

# %% [markdown] lang="nl"
# ## 3. Het CRM-dashboard dat er perfect uitziet
# Vergelijk de eerste twee uitkomsten: wat het dashboard laat zien, en wie echt in de
# werkwijze gelooft. Maak het daarna goedkoper of duurder om collega's aan te spreken, en laat
# mensen iedereen zien in plaats van alleen hun directe collega's. Een run die langer dan een seconde
# duurt, toont een voortgangsbalk.

# %%
lk.widgets.play("crm-dashboard")

# %%
lk.widgets.scenario_check("crm-dashboard")

# %% [markdown] lang="en"
# ## 4. The key-account price decision
# Start with three approval layers and no mandate. Remove layers one by one; then put the
# layers back and give the team a mandate instead. Finally raise the chance a layer sends a
# request back: at some point the model refuses to give a number. Why?

# %% [markdown] lang="nl"
# ## 4. De prijsbeslissing voor een key account
# Begin met drie goedkeuringslagen en geen mandaat. Haal de lagen één voor één weg; zet ze
# daarna terug en geef het team in plaats daarvan een mandaat. Verhoog tot slot de kans dat een
# laag een verzoek terugstuurt: op een gegeven moment weigert het model een getal te geven.
# Waarom?

# %%
lk.widgets.play("key-account-price")

# %%
lk.widgets.scenario_check("key-account-price")

# %% [markdown] lang="en"
# ## What a simulation can and cannot tell you
# The models are deliberately simple: they show a mechanism, not your organisation. A result
# is worth discussing when it survives many simulated teams (look at the interval, not only
# the mean) and when you can explain *why* it happens. Notebook 08 shows how each model first
# reproduces its published source.

# %% [markdown] lang="nl"
# ## Wat een simulatie wel en niet kan vertellen
# De modellen zijn bewust eenvoudig: ze laten een mechanisme zien, niet jouw organisatie. Een
# uitkomst is het bespreken waard als ze standhoudt over veel gesimuleerde teams (kijk naar het
# interval, niet alleen naar het gemiddelde) en als je kunt uitleggen *waarom* ze optreedt.
# Notebook 08 laat zien hoe elk model eerst zijn gepubliceerde bron naspeelt.

# %% [markdown] lang="en"
# ## Your take-away
# One last question about all four teams. Your answer goes into your journal.

# %% [markdown] lang="nl"
# ## Wat neem je mee?
# Nog één vraag over alle vier de teams. Je antwoord komt in je logboek.

# %%
lk.widgets.reflect("team-scenarios-takeaway", notebook="07-team-scenarios")

# %% [markdown] lang="en"
# ## Sources and further reading
# - March, J. G. (1991). Exploration and exploitation in organizational learning.
#   *Organization Science*, 2(1), 71–87.
# - Fang, C., Lee, J., & Schilling, M. A. (2010). Balancing exploration and exploitation
#   through structural design. *Organization Science*, 21(3), 625–642.
# - Centola, D., Willer, R., & Macy, M. (2005). The Emperor's Dilemma: A computational model
#   of self-enforcing norms. *American Journal of Sociology*, 110(4), 1009–1040.
# - Jackson, J. R. (1957). Networks of waiting lines. *Operations Research*, 5(4), 518–521.
# - The stories follow the kit's seed articles: on agile CMOs (CustomerTalk), on brand,
#   digital and CRM marketers (Niki van Wijk), on 'meestribbelen' (Marielle Dellemijn) and on
#   the we-model (Frank Baggermans). The model descriptions are in `docs/models/`.

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - March, J. G. (1991). Exploration and exploitation in organizational learning.
#   *Organization Science*, 2(1), 71–87.
# - Fang, C., Lee, J., & Schilling, M. A. (2010). Balancing exploration and exploitation
#   through structural design. *Organization Science*, 21(3), 625–642.
# - Centola, D., Willer, R., & Macy, M. (2005). The Emperor's Dilemma: A computational model
#   of self-enforcing norms. *American Journal of Sociology*, 110(4), 1009–1040.
# - Jackson, J. R. (1957). Networks of waiting lines. *Operations Research*, 5(4), 518–521.
# - De verhalen volgen de bronartikelen van de kit: over agile CMO's (CustomerTalk), over
#   brand-, digitale en CRM-marketeers (Niki van Wijk), over meestribbelen (Marielle
#   Dellemijn) en over het wij-model (Frank Baggermans). De modelbeschrijvingen staan in
#   `docs/models/`.

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

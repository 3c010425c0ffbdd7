# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 01 Leading an agile marketing organisation: seven practices
#
# **For** learners in marketing and customer management, and teachers who use this notebook in
# class. **Time:** a 90-minute class, or an evening on your own.
#
# **Learning objectives.** After this notebook you can
# 1. explain the seven practices that Gartner research links to leading agile marketing teams;
# 2. assess your own leadership on them and compare yourself with a class;
# 3. read a leader's 360 result: self–other gaps and how far a team agrees;
# 4. use the practices to weigh choices in a realistic leadership dilemma.

# %% [markdown] lang="nl"
# # 01 Leidinggeven aan een agile marketingorganisatie: zeven praktijken
#
# **Voor** studenten marketing en klantmanagement, en docenten die dit notebook in de les
# gebruiken. **Tijd:** een college van 90 minuten, of een avond zelfstandig.
#
# **Leerdoelen.** Na dit notebook kun je
# 1. de zeven praktijken uitleggen die onderzoek van Gartner verbindt met het leiden van agile
#    marketingteams;
# 2. je eigen leiderschap erop beoordelen en jezelf vergelijken met een klas;
# 3. de 360-gradenuitslag van een leidinggevende lezen: verschillen tussen zelfbeeld en het
#    beeld van anderen, en hoe eensgezind een team is;
# 4. de praktijken gebruiken om keuzes af te wegen in een realistisch leiderschapsdilemma.

# %% [markdown] lang="en"
# Run each cell with **Shift-Enter**, from top to bottom. You never need to change code.
#
# *For teachers — a 90-minute plan:* warm-up in pairs (10 min) · the seven practices (15) ·
# self-assessment and class comparison (15) · team example, discussed in groups (15) · the
# dilemma, voted on in class (20) · self-check and reflection (15).

# %% [markdown] lang="nl"
# Voer elke cel uit met **Shift-Enter**, van boven naar beneden. Je hoeft nergens code te
# veranderen.
#
# *Voor docenten — een plan voor 90 minuten:* opwarmer in tweetallen (10 min) · de zeven
# praktijken (15) · zelfbeoordeling en vergelijking met de klas (15) · teamvoorbeeld, besproken
# in groepjes (15) · het dilemma, met stemming in de klas (20) · test jezelf en reflectie (15).

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## Warm-up: what would you do?
# Choose an answer and press **Choose**. The feedback names the practices your choice touches.

# %% [markdown] lang="nl"
# ## Opwarmer: wat zou jij doen?
# Kies een antwoord en klik op **Kies**. De feedback noemt de praktijken waar je keuze mee te
# maken heeft.

# %%
lk.widgets.dilemma("agile-cmo-warm-up")

# %% [markdown] lang="en"
# ## The seven practices
# The article, published by CustomerTalk, reports on a Gartner report written for chief
# marketing officers. Its claim: the habits of traditional leadership do not produce the change that
# agile ways of working need; a CMO has to earn trust and commitment and combine hard and soft
# skills. Gartner names seven practices. Read them below, each with an example from marketing
# practice. *Teachers:* ask which practice the warm-up was about (several are right).

# %% [markdown] lang="nl"
# ## De zeven praktijken
# Het artikel, gepubliceerd door CustomerTalk, bespreekt een rapport dat Gartner voor chief
# marketing officers schreef. De kern: de gewoonten van traditioneel leiderschap brengen de
# verandering die agile werken nodig heeft niet teweeg; een CMO moet vertrouwen en betrokkenheid
# winnen en harde en zachte vaardigheden combineren. Gartner noemt zeven praktijken. Lees ze
# hieronder, elk met een voorbeeld uit de marketingpraktijk. *Docenten:* vraag over welke
# praktijk de opwarmer ging (meerdere antwoorden zijn goed).

# %%
lk.widgets.framework_explorer("agile-cmo")

# %% [markdown] lang="en"
# ## Your self-assessment
# Answer each statement about your own leadership (or, if you do not lead a team yet, about how
# you work with others). Press **Calculate score** to see your profile and how it compares with the
# sample class, then **Save to my journal**. The questionnaire is a teaching instrument, not a
# validated test: use it to reflect, not to judge.

# %% [markdown] lang="nl"
# ## Je zelfbeoordeling
# Beantwoord elke uitspraak over je eigen leiderschap (of, als je nog geen team leidt, over hoe
# je met anderen samenwerkt). Klik op **Bereken score** voor je profiel en de vergelijking met de
# voorbeeldklas, en daarna op **Bewaar in mijn logboek**. De vragenlijst is lesmateriaal, geen
# gevalideerde test: gebruik hem om te reflecteren, niet om te oordelen.

# %%
lk.widgets.self_assessment("agile-cmo")

# %% [markdown] lang="en"
# ## A team example: one leader's 360 result
# In the sample class (synthetic data, see `datasets/README.md`), the members, a manager and
# fellow leaders of team T2 rated their leader. The chart sets the leader's self-rating beside
# the others' mean; the table adds how much the team members agree (rwg(j): 1 is full
# agreement, below .70 the team mean hides real differences). Under it: what this leader could
# do next. *Discuss:* would you start with the blind spot or with the development point?

# %% [markdown] lang="nl"
# ## Een teamvoorbeeld: de 360-gradenuitslag van één leidinggevende
# In de voorbeeldklas (synthetische data, zie `datasets/README.md`) beoordeelden de teamleden,
# een manager en collega-leidinggevenden de leidinggevende van team T2. De grafiek zet de
# zelfbeoordeling naast het gemiddelde van de anderen; de tabel laat zien hoe eensgezind de
# teamleden zijn (rwg(j): 1 is volledige overeenstemming, onder 0,70 verbergt het
# teamgemiddelde echte verschillen). Daaronder: wat deze leidinggevende nu kan doen.
# *Bespreek:* zou jij beginnen met de blinde vlek of met het ontwikkelpunt?

# %%
# NBVAL_CHECK_OUTPUT
lk.show_team_example("agile-cmo", "T2")

# %% [markdown] lang="en"
# ## Dilemma: the first quarter of the squads
# Three decisions in a row. After each choice you see how it relates to the seven practices.
# In class: let everyone choose first, then reveal the feedback and discuss.

# %% [markdown] lang="nl"
# ## Dilemma: het eerste kwartaal van de squads
# Drie beslissingen achter elkaar. Na elke keuze zie je hoe die samenhangt met de zeven
# praktijken. In de les: laat iedereen eerst kiezen, toon dan de feedback en bespreek.

# %%
lk.widgets.dilemma("agile-cmo-dilemma")

# %% [markdown] lang="en"
# ## Self-check
# Four questions. Every answer gets feedback that explains why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Vier vragen. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("01-agile-cmo")

# %% [markdown] lang="en"
# ## Reflection
# Your answers are saved in your personal journal; they stay private unless you tick *share
# with my teacher*. The first question comes from the practice "Build trust"; the second asks
# what you will do next.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoorden worden bewaard in je persoonlijke logboek; ze blijven privé, tenzij je *deel
# met mijn docent* aanvinkt. De eerste vraag hoort bij de praktijk 'Ontwikkel vertrouwen'; de
# tweede vraagt wat je nu gaat doen.

# %%
lk.widgets.reflect("agile-cmo:build-trust", notebook="01-agile-cmo")

# %%
lk.widgets.reflect("agile-cmo-next-step", notebook="01-agile-cmo")

# %% [markdown] lang="en"
# ## Sources and further reading
# - **Source of the framework:** "De skills voor leidinggeven van agile
#   marketingorganisaties", CustomerTalk (no author or date given; the article ends with
#   'Bron: CustomerTalk'). It reports the Gartner report *CMO Perspective: 7 Key Practices to
#   Succesfully Lead Today's Agile Marketing Organisation* (title spelled as in the article)
#   and quotes Gartner research director Elizabeth Shaw. The
#   explanations, examples, questionnaire and cases in this notebook are the kit's own.
# - Edmondson, A. (1999). Psychological safety and learning behavior in work teams.
#   *Administrative Science Quarterly*, 44(2), 350–383 — why admitting mistakes builds teams.
# - Fleenor, J. W., McCauley, C. D., & Brutus, S. (1996). Self-other rating agreement and
#   leader effectiveness. *The Leadership Quarterly*, 7(4), 487–506 — the self–other gaps.
# - LeBreton, J. M., & Senter, J. L. (2008). Answers to 20 questions about interrater
#   reliability and interrater agreement. *Organizational Research Methods*, 11(4), 815–852 —
#   reading rwg(j).

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - **Bron van het raamwerk:** 'De skills voor leidinggeven van agile
#   marketingorganisaties', CustomerTalk (zonder auteur of datum; het artikel eindigt met
#   'Bron: CustomerTalk'). Het bespreekt het Gartner-rapport *CMO Perspective: 7 Key Practices
#   to Succesfully Lead Today's Agile Marketing Organisation* (titel gespeld zoals in het
#   artikel) en citeert Elizabeth Shaw, research director bij Gartner. De toelichtingen,
#   voorbeelden, vragenlijst en casussen in dit notebook zijn eigen materiaal van de kit.
# - Edmondson, A. (1999). Psychological safety and learning behavior in work teams.
#   *Administrative Science Quarterly*, 44(2), 350–383 — waarom fouten toegeven teams sterker
#   maakt.
# - Fleenor, J. W., McCauley, C. D., & Brutus, S. (1996). Self-other rating agreement and
#   leader effectiveness. *The Leadership Quarterly*, 7(4), 487–506 — de verschillen tussen
#   zelfbeeld en het beeld van anderen.
# - LeBreton, J. M., & Senter, J. L. (2008). Answers to 20 questions about interrater
#   reliability and interrater agreement. *Organizational Research Methods*, 11(4), 815–852 —
#   rwg(j) lezen.

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

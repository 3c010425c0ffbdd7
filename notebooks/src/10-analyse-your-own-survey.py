# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # Analyse your own survey: from spreadsheet to scores, reliability and 360 gaps
#
# **For** researchers, consultants and teachers who ran one of the kit's questionnaires (or
# their own) and want trustworthy numbers from the answers. **Time:** 30 minutes.
#
# **After this notebook you can**
# 1. read a survey tool's export as it came (Qualtrics, Google or Microsoft Forms, LimeSurvey,
#    SPSS, Stata, Excel) with your own scale's keys, and fix what the check reports;
# 2. explain how element scores are computed, including reverse-keyed items and skipped answers;
# 3. judge whether an element is measured reliably and whether a team agrees enough to speak of
#    a team score;
# 4. read a 360 comparison of self and others, and say what the anonymity floor protects;
# 5. compare two waves with an effect size and a confidence interval, and export the results.
#
# Everything runs on the sample class that ships with the kit. Cells marked **← your own** show
# the line to change for your own file.

# %% [markdown] lang="nl"
# # Je eigen vragenlijst analyseren: van spreadsheet naar scores, betrouwbaarheid en 360-verschillen
#
# **Voor** onderzoekers, adviseurs en docenten die een van de vragenlijsten van de kit (of een
# eigen vragenlijst) hebben afgenomen en betrouwbare cijfers uit de antwoorden willen halen.
# **Tijd:** 30 minuten.
#
# **Na dit notebook kun je**
# 1. de export van een vragenlijsttool inlezen zoals die binnenkwam (Qualtrics, Google of
#    Microsoft Forms, LimeSurvey, SPSS, Stata, Excel) met de sleutels van je eigen schaal, en
#    herstellen wat de controle meldt;
# 2. uitleggen hoe de scores per onderdeel tot stand komen, ook bij omgekeerd geformuleerde items en
#    overgeslagen vragen;
# 3. beoordelen of een onderdeel betrouwbaar wordt gemeten en of een team het genoeg eens is om
#    van een teamscore te spreken;
# 4. een 360-vergelijking van zelfbeeld en het beeld van anderen lezen, en zeggen wat de
#    anonimiteitsgrens beschermt;
# 5. twee metingen vergelijken met een effectgrootte en een betrouwbaarheidsinterval, en de
#    resultaten exporteren.
#
# Alles draait op de voorbeeldklas die met de kit wordt meegeleverd. Bij cellen met
# **← je eigen** staat welke regel je voor je eigen bestand aanpast.

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## Quick win: your survey tool's export and your own keys
# A researcher usually has two things: the file the survey tool gave them and the keys of the
# scale, as they would write them for R's psych. This export is what Qualtrics writes: three
# header rows (export tags, question texts, import ids), a dozen metadata columns, the items as
# `Q1_1` … `Q1_24`. The keys file says which items form each scale; a minus marks a
# reverse-keyed item, as in psych. **← your own:** put the paths of your export and your keys
# file here.

# %% [markdown] lang="nl"
# ## Snel resultaat: de export van je vragenlijsttool en je eigen sleutels
# Een onderzoeker heeft meestal twee dingen: het bestand dat de vragenlijsttool gaf en de
# sleutels van de schaal, zoals je die voor psych in R zou schrijven. Deze export is wat
# Qualtrics schrijft: drie kopregels (exportnamen, vraagteksten, import-id's), een tiental
# metadatakolommen, de items als `Q1_1` … `Q1_24`. Het sleutelbestand zegt welke items samen
# een schaal vormen; een min markeert een omgekeerd geformuleerd item, zoals in psych.
# **← je eigen:** zet hier de paden van je export en je sleutelbestand.

# %%
export = lk.dataset_path("agile-qualtrics")
keys_file = export.with_name("agile-keys.yaml")
lk.show_code(keys_file, lines=14)

# %% [markdown] lang="en"
# The keys become an *instrument*: scales of items on one answer scale. The statements let the
# kit find the items in an export whose headers hold the question text; the labels let it read
# exports that hold the answers as text.

# %% [markdown] lang="nl"
# De sleutels worden een *instrument*: schalen van items op één antwoordschaal. Met de uitspraken
# vindt de kit de items in een export waarvan de kopregel de vraagtekst bevat; met de labels
# leest hij exports waarin de antwoorden als tekst staan.

# %%
# NBVAL_CHECK_OUTPUT
keys = lk.load_instrument(keys_file)
lk.show_table(keys.describe())

# %% [markdown] lang="en"
# One call reads the export as it came. The kit recognises Qualtrics' layout, takes
# `ResponseId` as the respondent, sets the metadata aside and finds each item by its statement
# in the question-text row. The index is the line of the file as an editor shows it: the
# answers start on line 5, under the four header lines, so every message can be traced back.

# %% [markdown] lang="nl"
# Eén aanroep leest de export zoals die binnenkwam. De kit herkent de indeling van Qualtrics,
# neemt `ResponseId` als respondent, zet de metadata apart en vindt elk item aan de uitspraak
# in de regel met vraagteksten. De index is de regel van het bestand zoals een editor die toont:
# de antwoorden beginnen op regel 5, onder de vier kopregels, zodat je elke melding kunt
# terugvinden.

# %%
# NBVAL_CHECK_OUTPUT
answers = lk.read_survey(export, keys)
lk.show_table(answers.iloc[:4, :7], index=True)

# %% [markdown] lang="en"
# Scores per scale, and the reliability of each scale, exactly as R's psych computes them
# (`scoreItems` and `alpha`, also when answers are missing). One difference is on purpose: a
# scale score needs at least half of its items answered (`min_share=0.5`), where psych scores
# from any answered item; `min_share=0.01` gives psych's numbers.

# %% [markdown] lang="nl"
# Scores per schaal, en de betrouwbaarheid van elke schaal, precies zoals psych in R ze berekent
# (`scoreItems` en `alpha`, ook als er antwoorden ontbreken). Eén verschil is bewust: een
# schaalscore vraagt minstens de helft van de items ingevuld (`min_share=0.5`), waar psych
# scoort op elk ingevuld item; `min_share=0.01` geeft de getallen van psych.

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.score(answers, keys).head(7))

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.element_reliability(answers, keys))

# %% [markdown] lang="en"
# Google Forms, Microsoft Forms, LimeSurvey, SPSS (`.sav`), Stata (`.dta`) and `.ods` files
# are read the same way; `columns=` renames columns the kit cannot match and `respondent=`
# names the id column. From a terminal:
# `leadkit score my-export.csv --keys my-keys.yaml --out my-scores.csv`.
#
# ## The kit's own layout: a whole class read and checked in two lines
# The sample holds 216 questionnaires on the framework *agile-cmo*: every team member's self
# assessment before and after a training (waves 1 and 2) and a 360 round on the eight team
# leaders. **← your own:** replace the path by your file (`"my-survey.xlsx"` or
# `"C:/research/answers.csv"`) and the framework id by yours (`lk.list_frameworks()` lists
# them; the path of your own framework `.yaml` works too).

# %% [markdown] lang="nl"
# Exports uit Google Forms, Microsoft Forms, LimeSurvey, SPSS (`.sav`), Stata (`.dta`) en
# `.ods` lees je op dezelfde manier; `columns=` hernoemt kolommen die de kit niet kan koppelen
# en `respondent=` wijst de kolom met het id aan. Vanuit een terminal:
# `leadkit --lang nl score mijn-export.csv --keys mijn-sleutels.yaml --out mijn-scores.csv`.
#
# ## De eigen indeling van de kit: een hele klas ingelezen en gecontroleerd in twee regels
# De voorbeeldklas bevat 216 ingevulde vragenlijsten over het raamwerk *agile-cmo*: de
# zelfbeoordeling van elk teamlid voor en na een training (meting 1 en 2) en een 360-ronde
# over de acht teamleiders. **← je eigen:** vervang het pad door je eigen bestand
# (`"mijn-vragenlijst.xlsx"` of `"C:/onderzoek/antwoorden.csv"`) en het id van het raamwerk
# door het jouwe (`lk.list_frameworks()` toont ze; het pad van een eigen `.yaml` kan ook).

# %%
# NBVAL_CHECK_OUTPUT
path = lk.dataset_path("agile-cmo-class")
responses = lk.read_responses(path, "agile-cmo")
lk.show_table(responses.iloc[:5, :9], index=True)  # the row as your spreadsheet numbers it

# %% [markdown] lang="en"
# The index is the row number as your spreadsheet shows it (the header is row 1), so every
# number below can be traced back to a line in your file. The layout the kit expects:
# `respondent`, optionally `team`, `rater` (`self`, `manager`, `peer`, `report`, `other`),
# `target` (who is rated) and `wave`, then one column per item. Answers may be numbers or the
# answer labels in Dutch or English; `docs/scoring.md` has every rule.

# %% [markdown] lang="nl"
# De index is het rijnummer zoals je spreadsheet het toont (de kopregel is rij 1), zodat je
# elk getal hieronder kunt terugvinden in je bestand. De indeling die de kit verwacht:
# `respondent`, eventueel `team`, `rater` (`self`, `manager`, `peer`, `report`, `other`),
# `target` (wie beoordeeld wordt) en `wave`, daarna één kolom per item. Antwoorden mogen
# getallen zijn of de antwoordlabels in het Nederlands of Engels; `docs/scoring.md` bevat alle
# regels.

# %% [markdown] lang="en"
# ## Checking a file
# `validate_responses` lists *every* problem at once instead of stopping at the first. An empty
# list means the file is fine:

# %% [markdown] lang="nl"
# ## Een bestand controleren
# `validate_responses` toont *alle* problemen tegelijk in plaats van te stoppen bij het eerste.
# Een lege lijst betekent dat het bestand in orde is:

# %%
# NBVAL_CHECK_OUTPUT
lk.validate_responses(path, "agile-cmo")

# %% [markdown] lang="en"
# What a problem looks like: suppose someone typed the word *often* in item `acmo05`. The
# message names the row and the column and says what would have been right. Values outside
# the scale, decimal answers, duplicate respondents, a semicolon file read as commas, or the
# items of another framework get messages of the same kind.

# %% [markdown] lang="nl"
# Zo ziet een probleem eruit: stel dat iemand bij item `acmo05` het woord *vaak* heeft
# getypt. De melding noemt de rij en de kolom en zegt wat goed was geweest. Waarden buiten de
# schaal, antwoorden met decimalen, dubbele respondenten, een bestand met puntkomma's of de
# items van een ander raamwerk krijgen net zo'n melding.

# %%
# NBVAL_CHECK_OUTPUT
messy = responses.assign(acmo05=lk.tr({"en": "often", "nl": "vaak"}))
print(lk.validate_responses(messy, "agile-cmo")[0])

# %% [markdown] lang="en"
# ## Scores per element
# For each element the kit takes the mean of the answered items, after turning reverse-keyed
# items around on the scale (on 1–5: 1 becomes 5). When someone skipped items, the mean of the
# answered ones is used, but only when at least half of the element's items are answered
# (`min_share=0.5`); below that the score stays empty, never zero. `n_answered` shows what
# each score rests on.

# %% [markdown] lang="nl"
# ## Scores per onderdeel
# Per onderdeel neemt de kit het gemiddelde van de ingevulde items, nadat omgekeerd geformuleerde
# items op de schaal zijn omgedraaid (op 1–5 wordt 1 dan 5). Heeft iemand items overgeslagen,
# dan telt het gemiddelde van de ingevulde items, maar alleen als minstens de helft van de items
# van dat onderdeel is ingevuld (`min_share=0.5`); anders blijft de score leeg, nooit nul.
# `n_answered` laat zien waarop elke score rust.

# %%
# NBVAL_CHECK_OUTPUT
scores = lk.score(responses, "agile-cmo")
lk.show_table(scores.head(7))

# %% [markdown] lang="en"
# One score for the whole framework per questionnaire: the mean of the element scores, each
# element weighing the same.

# %% [markdown] lang="nl"
# Eén score voor het hele raamwerk per vragenlijst: het gemiddelde van de onderdeelscores, waarbij
# elk onderdeel even zwaar telt.

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.framework_score(scores).head())

# %% [markdown] lang="en"
# ## Is each element measured reliably?
# Cronbach's alpha per element, on the self ratings of wave 1 (the same people answering again
# in wave 2 are not new information). Around .70 or higher is usually acceptable for research
# on groups; for decisions about one person you want much more. An element with only two or
# three items has a wide interval: read the interval, not just the number.

# %% [markdown] lang="nl"
# ## Wordt elk onderdeel betrouwbaar gemeten?
# Cronbachs alfa per onderdeel, op de zelfbeoordelingen van meting 1 (dezelfde mensen die in
# meting 2 opnieuw antwoorden, voegen geen nieuwe informatie toe). Rond 0,70 of hoger is
# meestal voldoende voor onderzoek naar groepen; voor beslissingen over één persoon wil je veel
# meer. Een onderdeel met twee of drie items heeft een breed interval: lees het interval, niet
# alleen het getal.

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.element_reliability(responses, "agile-cmo"))

# %% [markdown] lang="en"
# ## Does a team agree enough to speak of a team score?
# rwg(j) compares how much the direct reports of one leader differ with how much they would
# differ if they answered at random. Values from .70 are often read as enough agreement; below
# that a team mean hides real differences between members.

# %% [markdown] lang="nl"
# ## Is een team het genoeg eens om van een teamscore te spreken?
# rwg(j) vergelijkt hoeveel de medewerkers van één leidinggevende van elkaar verschillen met
# hoeveel ze zouden verschillen als ze willekeurig antwoordden. Waarden vanaf 0,70 gelden vaak
# als genoeg overeenstemming; daaronder verbergt een teamgemiddelde echte verschillen tussen
# teamleden.

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.team_agreement(responses, "agile-cmo"), index=True)

# %% [markdown] lang="en"
# ## Self and others: the 360 comparison
# For each leader and element: the self score, the mean of each rater group, the mean of all
# others, the gap (self − others) and a category. *Over-estimator* means the leader sees more
# of the behaviour than the others do (gap above 0.5), *under-estimator* the reverse. Peers,
# direct reports and other raters are only shown as a group of three or more; smaller groups
# are merged or left out, and the note says which.

# %% [markdown] lang="nl"
# ## Zelf en anderen: de 360-vergelijking
# Per leidinggevende en onderdeel: de eigen score, het gemiddelde van elke groep beoordelaars,
# het gemiddelde van alle anderen, het verschil (zelf − anderen) en een categorie.
# *Overschatter* betekent dat de leidinggevende meer van het gedrag ziet dan de anderen
# (verschil boven 0,5), *onderschatter* het omgekeerde. Collega's, medewerkers en overige
# beoordelaars worden alleen getoond als groep van drie of meer; kleinere groepen worden
# samengevoegd of weggelaten, en de toelichting zegt welke.

# %%
# NBVAL_CHECK_OUTPUT
gaps = lk.self_other(scores[scores["wave"] == "1"])
print(lk.anonymity_note(gaps))

# %%
lk.plots.gap_chart(gaps, "T1-L")

# %% [markdown] lang="en"
# ### Try it yourself
# Raise the anonymity floor to 4 and use the stricter category rule of half a standard deviation
# of the gaps (`threshold="half-sd"`). Which leaders change category, and which rater groups
# disappear? The floor can be raised but never set below 3: try `floor=2` and read the message.

# %% [markdown] lang="nl"
# ### Probeer het zelf
# Verhoog de anonimiteitsgrens naar 4 en gebruik de strengere categorieregel van een halve
# standaardafwijking van de verschillen (`threshold="half-sd"`). Welke leidinggevenden komen in
# een andere categorie, en welke groepen beoordelaars verdwijnen? De grens kan omhoog maar
# nooit onder 3: probeer `floor=2` en lees de melding.

# %%
strict = lk.self_other(scores[scores["wave"] == "1"], floor=4, threshold="half-sd")
lk.show_table(strict[strict["target"] == "T1-L"][["element", "self", "others", "gap", "category_label"]])

# %% [markdown] lang="en"
# ## Before and after: comparing two waves
# The same people answered before (wave 1) and after (wave 2) a training. `compare` matches
# them by respondent and tests the change per element: `diff` is wave 2 − wave 1 with its 95%
# confidence interval, and `effect` is d_z (the mean change divided by the spread of the
# changes). For two teams it uses Welch's t and Hedges' g instead.

# %% [markdown] lang="nl"
# ## Voor en na: twee metingen vergelijken
# Dezelfde mensen antwoordden voor (meting 1) en na (meting 2) een training. `compare` koppelt
# ze per respondent en toetst de verandering per onderdeel: `diff` is meting 2 − meting 1 met het
# 95%-betrouwbaarheidsinterval, en `effect` is d_z (de gemiddelde verandering gedeeld door de
# spreiding van de veranderingen). Voor twee teams gebruikt de functie Welch' t en Hedges' g.

# %%
# NBVAL_CHECK_OUTPUT
selfs = scores[scores["rater"] == "self"]
lk.show_table(lk.compare(selfs, "wave", 1, 2)[["element", "n_pairs", "diff", "ci_low", "ci_high", "effect"]])

# %% [markdown] lang="en"
# ## The profile of the class, and scores per theme
# The bars show the class's mean self score per element in wave 1. Theme scores roll the
# elements up to the themes that all five frameworks share; as a percentage of the scale
# (`pomp`) they can be compared across frameworks.

# %% [markdown] lang="nl"
# ## Het profiel van de klas, en scores per thema
# De balken tonen de gemiddelde zelfscore van de klas per onderdeel in meting 1. Themascores
# vatten de onderdelen samen in de thema's die alle vijf raamwerken delen; als percentage van
# de schaal (`pomp`) kun je ze tussen raamwerken vergelijken.

# %%
lk.plots.profile(selfs[selfs["wave"] == "1"])

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.theme_scores(selfs).groupby("theme")["pomp"].mean().to_frame(), index=True, decimals=1)

# %% [markdown] lang="en"
# ## Export
# Save the scores for SPSS, R or Excel, and a report with all tables and figures in one HTML
# file. **← your own:** run these lines with file names of your choice:
#
# ```python
# scores.to_csv("my-scores.csv", index=False)
# lk.write_report(responses, "agile-cmo", "my-report.html")
# ```
#
# The same from a terminal, without a notebook:
# `leadkit score my-survey.xlsx --framework agile-cmo --out my-scores.csv --report my-report.html`
# (`leadkit validate` only checks).

# %% [markdown] lang="nl"
# ## Exporteren
# Bewaar de scores voor SPSS, R of Excel, en een rapport met alle tabellen en figuren in één
# HTML-bestand. **← je eigen:** voer deze regels uit met bestandsnamen naar keuze:
#
# ```python
# scores.to_csv("mijn-scores.csv", index=False)
# lk.write_report(responses, "agile-cmo", "mijn-rapport.html")
# ```
#
# Hetzelfde vanuit een terminal, zonder notebook:
# `leadkit --lang nl score mijn-vragenlijst.xlsx --framework agile-cmo --out mijn-scores.csv
# --report mijn-rapport.html` (`leadkit validate` controleert alleen).

# %% [markdown] lang="en"
# ## Self-check
# Three questions on reading these results. Every answer gets feedback that explains why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Drie vragen over het lezen van deze resultaten. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("10-analyse-your-own-survey")

# %% [markdown] lang="en"
# ## Reflection
# Your answer is saved in your personal journal and stays private unless you choose to share it.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoord wordt bewaard in je persoonlijke logboek en blijft privé, tenzij je ervoor kiest
# het te delen.

# %%
lk.widgets.reflect("analyse-survey-next-step", notebook="10-analyse-your-own-survey")

# %% [markdown] lang="en"
# ## Sources and further reading
# - Cohen, P., Cohen, J., Aiken, L. S., & West, S. G. (1999). The problem of units and the
#   circumstance for POMP. *Multivariate Behavioral Research*, 34(3), 315–346 — scores as a
#   percentage of the scale.
# - Feldt, L. S., Woodruff, D. J., & Salih, F. A. (1987). Statistical inference for coefficient
#   alpha. *Applied Psychological Measurement*, 11(1), 93–103 — the interval around alpha.
# - Fleenor, J. W., McCauley, C. D., & Brutus, S. (1996). Self-other rating agreement and
#   leader effectiveness. *The Leadership Quarterly*, 7(4), 487–506 — over- and
#   under-estimators.
# - Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science.
#   *Frontiers in Psychology*, 4, 863 — d_z and Hedges' g.
# - LeBreton, J. M., & Senter, J. L. (2008). Answers to 20 questions about interrater
#   reliability and interrater agreement. *Organizational Research Methods*, 11(4), 815–852 —
#   reading rwg(j).
# - `docs/scoring.md` in the kit: every rule of reading and scoring in one place.

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - Cohen, P., Cohen, J., Aiken, L. S., & West, S. G. (1999). The problem of units and the
#   circumstance for POMP. *Multivariate Behavioral Research*, 34(3), 315–346 — scores als
#   percentage van de schaal.
# - Feldt, L. S., Woodruff, D. J., & Salih, F. A. (1987). Statistical inference for coefficient
#   alpha. *Applied Psychological Measurement*, 11(1), 93–103 — het interval rond alfa.
# - Fleenor, J. W., McCauley, C. D., & Brutus, S. (1996). Self-other rating agreement and
#   leader effectiveness. *The Leadership Quarterly*, 7(4), 487–506 — over- en
#   onderschatters.
# - Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science.
#   *Frontiers in Psychology*, 4, 863 — d_z en Hedges' g.
# - LeBreton, J. M., & Senter, J. L. (2008). Answers to 20 questions about interrater
#   reliability and interrater agreement. *Organizational Research Methods*, 11(4), 815–852 —
#   rwg(j) lezen.
# - `docs/scoring.md` in de kit: alle regels voor inlezen en scoren op één plek.

# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # For teachers: class results without private text
#
# **For** teachers who use the kit in a course and want to see how the class assessed itself,
# without reading anyone's private reflections. **Time:** 20 minutes.
#
# **After this notebook you can**
# 1. collect your learners' export bundles and read them as one class;
# 2. explain what the pseudonyms and the anonymity floor of three protect, and what they don't;
# 3. read the class's score distributions per element and per theme;
# 4. use the reflections learners chose to share as material for a class discussion;
# 5. export the class summary as a CSV file.
#
# Everything below runs on a synthetic class of 24 invented learners that ships with the kit.

# %% [markdown] lang="nl"
# # Voor docenten: klasresultaten zonder privétekst
#
# **Voor** docenten die de kit in een vak gebruiken en willen zien hoe de klas zichzelf heeft
# beoordeeld, zonder iemands privéreflecties te lezen. **Tijd:** 20 minuten.
#
# **Na dit notebook kun je**
# 1. de exportbundels van je studenten verzamelen en als één klas inlezen;
# 2. uitleggen wat de pseudoniemen en de anonimiteitsgrens van drie beschermen, en wat niet;
# 3. de verdeling van de scores van de klas per onderdeel en per thema lezen;
# 4. de reflecties die studenten zelf hebben gedeeld, gebruiken voor een klassengesprek;
# 5. het klasoverzicht als CSV-bestand exporteren.
#
# Alles hieronder draait op een verzonnen klas van 24 studenten die met de kit wordt meegeleverd.

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## The class at a glance
# One line reads a folder of bundles. Who handed in, how many saved scores per framework, and
# how many reflections were shared or kept private (those are counted, never sent):

# %% [markdown] lang="nl"
# ## De klas in één oogopslag
# Eén regel leest een map met bundels in. Wie heeft ingeleverd, hoeveel scores zijn er per
# raamwerk bewaard, en hoeveel reflecties zijn gedeeld of privé gehouden (die worden alleen
# geteld, nooit meegestuurd):

# %%
# NBVAL_CHECK_OUTPUT
bundles = lk.load_bundles(lk.sample_bundles_dir())
lk.show_table(lk.class_overview(bundles))

# %% [markdown] lang="en"
# ## How the bundles reach you
# Each learner writes one file from their own journal, in a terminal or a notebook cell:
#
# ```
# leadkit portfolio --out portfolio.html --bundle s2501234.json --learner s2501234
# ```
#
# `portfolio.html` is their full portfolio (all reflections and profiles, for them or for a
# graded hand-in); `s2501234.json` is the bundle for you. The bundle holds the learner id, the
# latest saved scores, and only the reflections on which the learner ticked *share with my
# teacher*. Put all bundles in one folder and pass that folder to `lk.load_bundles(...)`. A
# learner who hands in twice counts once: the newest file wins.

# %% [markdown] lang="nl"
# ## Hoe de bundels bij je komen
# Elke student maakt vanuit het eigen logboek één bestand, in een terminal of in een
# notebookcel:
#
# ```
# leadkit portfolio --out portfolio.html --bundle s2501234.json --learner s2501234
# ```
#
# `portfolio.html` is het volledige portfolio (alle reflecties en profielen, voor de student zelf
# of om in te leveren voor een cijfer); `s2501234.json` is de bundel voor jou. Die bevat de
# studentcode, de laatst bewaarde scores en alleen de reflecties waarbij de student *deel met
# mijn docent* heeft aangevinkt. Zet alle bundels in één map en geef die map aan
# `lk.load_bundles(...)`. Wie twee keer inlevert, telt één keer mee: het nieuwste bestand telt.

# %% [markdown] lang="en"
# ## Pseudonyms: a salt only you hold
# Every learner id is replaced by a pseudonym: the start of a SHA-256 hash of a secret *salt*
# followed by the id. With the same salt you get the same pseudonyms every time, so you can
# follow the class across the course; without the salt, nobody can link a pseudonym to a student
# number, even though student numbers are easy to guess.
#
# In your own class, keep the salt in a private file: `lk.read_salt("class-salt.txt",
# create=True)` makes one the first time and reads it afterwards. This notebook uses a fixed
# demonstration salt, so its output is the same for everyone.

# %% [markdown] lang="nl"
# ## Pseudoniemen: een salt die alleen jij hebt
# Elke studentcode wordt vervangen door een pseudoniem: het begin van een SHA-256-hash van een
# geheime *salt* gevolgd door de code. Met dezelfde salt krijg je steeds dezelfde pseudoniemen,
# zodat je de klas door het vak heen kunt volgen; zonder de salt kan niemand een pseudoniem aan
# een studentnummer koppelen, ook al zijn studentnummers makkelijk te raden.
#
# Bewaar in je eigen klas de salt in een privébestand: `lk.read_salt("klas-salt.txt",
# create=True)` maakt er de eerste keer een aan en leest het daarna in. Dit notebook gebruikt een
# vaste demonstratiesalt, zodat de uitkomst voor iedereen hetzelfde is.

# %%
# NBVAL_CHECK_OUTPUT
salt = "demonstration-salt-of-the-sample-class"
lk.pseudonymise("s2501030", salt)

# %% [markdown] lang="en"
# The class's scores, one row per learner and element, with pseudonyms only:

# %% [markdown] lang="nl"
# De scores van de klas, één rij per student en onderdeel, alleen met pseudoniemen:

# %%
# NBVAL_CHECK_OUTPUT
scores = lk.class_scores(bundles, salt)
lk.show_table(scores.head())

# %% [markdown] lang="en"
# ## The class picture per element, with the anonymity floor
# No figure is shown for a group of fewer than three learners: with two, each could work out
# the other's score from the mean. Only two learners of the sample class filled in the
# *wij-model*, so its rows stay empty and are marked `suppressed`. You can raise the floor
# (`min_group=5`), never lower it.

# %% [markdown] lang="nl"
# ## Het klasbeeld per onderdeel, met de anonimiteitsgrens
# Voor een groep van minder dan drie studenten verschijnt geen enkel getal: met z'n tweeën kan
# ieder uit het gemiddelde de score van de ander afleiden. Van de voorbeeldklas hebben maar twee
# studenten het *wij-model* ingevuld, dus die rijen blijven leeg en zijn gemarkeerd als
# `suppressed`. Je kunt de grens verhogen (`min_group=5`), maar nooit verlagen.

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.class_summary(scores))

# %% [markdown] lang="en"
# The chart shows each element's class mean (the diamond) and how many learners it rests on.
# It draws no dot per learner and no spread: in a class of a few people those would give
# individual scores away (the rules are in `docs/privacy.md`).

# %% [markdown] lang="nl"
# De grafiek toont per onderdeel het klasgemiddelde (de ruit) en op hoeveel studenten het
# berust. Er staat geen stip per student en geen spreiding in: in een klas van een paar mensen
# zouden die individuele scores verraden (de regels staan in `docs/privacy.md`).

# %%
lk.plots.class_distribution(scores, "agile-cmo")

# %% [markdown] lang="en"
# ## Themes across frameworks
# Every element belongs to one or more cross-framework themes (trust, autonomy, ...). For each
# learner the kit averages their elements per theme, then summarises the class, with the same
# floor. *Customer focus* stays empty here: in this class only the two learners who did the
# wij-model have an element with that theme.

# %% [markdown] lang="nl"
# ## Thema's over de raamwerken heen
# Elk onderdeel hoort bij een of meer thema's die in meerdere raamwerken terugkomen
# (vertrouwen, autonomie, ...). De kit middelt per student de onderdelen van een thema en vat
# daarna de klas samen, met dezelfde grens. *Klantgerichtheid* blijft hier leeg: in deze klas
# hebben alleen de twee studenten die het wij-model invulden een onderdeel met dat thema.

# %%
# NBVAL_CHECK_OUTPUT
themes = lk.class_themes(scores)
lk.show_table(themes[["label", "n", "mean", "suppressed"]], {"label": {"en": "theme", "nl": "thema"}})

# %%
lk.plots.class_theme_chart(themes)

# %% [markdown] lang="en"
# ## What learners chose to share
# Only reflections with *share with my teacher* ticked ever leave a learner's computer. They
# are listed per prompt, in pseudonym order (never in the order of the files, which may carry
# names). Here: the reflections on building trust.

# %% [markdown] lang="nl"
# ## Wat studenten zelf hebben gedeeld
# Alleen reflecties waarbij *deel met mijn docent* is aangevinkt, verlaten ooit de computer van
# een student. Ze staan per vraag, in de volgorde van de pseudoniemen (nooit in de volgorde van
# de bestanden, want daarin kunnen namen staan). Hier: de reflecties over vertrouwen opbouwen.

# %%
# NBVAL_CHECK_OUTPUT
texts = lk.shared_texts(bundles, salt, prompt_id="agile-cmo:build-trust")
lk.show_learner_texts(lk.format_shared_texts(texts))  # the learners' own words

# %% [markdown] lang="en"
# ## Your turn: prepare a class discussion
# 1. In the summary above, find the element with the lowest class mean.
# 2. Look the element up in the explorer below and read what it means in practice.
# 3. Write one opening question for a ten-minute discussion, and pick one shared reflection
#    (without saying whose) to start it.
#
# Then try the floor yourself: in the summary cell, add `min_group=10` and run it again. Which
# rows disappear? Now try `min_group=2` and read the message.

# %% [markdown] lang="nl"
# ## Zelf aan de slag: bereid een klassengesprek voor
# 1. Zoek in het overzicht hierboven het onderdeel met het laagste klasgemiddelde.
# 2. Zoek het onderdeel op in de verkenner hieronder en lees wat het in de praktijk betekent.
# 3. Schrijf één openingsvraag voor een gesprek van tien minuten en kies één gedeelde reflectie
#    (zonder te zeggen van wie) om mee te beginnen.
#
# Probeer daarna zelf de grens: zet in de cel van het overzicht `min_group=10` erbij en voer de
# cel opnieuw uit. Welke rijen verdwijnen? Probeer nu `min_group=2` en lees de melding.

# %%
lk.widgets.framework_explorer("agile-cmo")

# %% [markdown] lang="en"
# ## Export for your own analysis
# The same summary as a CSV file, from Python or from a terminal (`--dutch-excel` writes `;`
# and decimal commas; the salt file is created on first use):
#
# ```python
# lk.to_csv(lk.class_summary(scores), "class-summary.csv")
# ```
# ```
# leadkit class bundles/ --salt-file class-salt.txt --out class.csv --themes-out themes.csv
# ```
#
# The CSV file holds no figure for a group below the floor: `to_csv` refuses a table that would.

# %% [markdown] lang="nl"
# ## Exporteren voor je eigen analyse
# Hetzelfde overzicht als CSV-bestand, vanuit Python of vanuit een terminal (`--dutch-excel`
# schrijft `;` en decimale komma's, zoals Excel in het Nederlands verwacht; het saltbestand
# wordt bij het eerste gebruik aangemaakt):
#
# ```python
# lk.to_csv(lk.class_summary(scores), "klasoverzicht.csv")
# ```
# ```
# leadkit class bundels/ --salt-file klas-salt.txt --out klas.csv --themes-out themas.csv
# ```
#
# Het CSV-bestand bevat geen getal voor een groep onder de grens: `to_csv` weigert een tabel
# waarin dat wel zou gebeuren.

# %% [markdown] lang="en"
# ## Live class results
# Hand-ins come after the lesson. During the lesson a *class pool* shows the class picture
# live: learners who switch on **Share with my class** under their self-assessment send their
# element scores (never their answers, never their texts), and everyone sees only how many
# shared and the mean per element, nothing for fewer than three learners. The picture of an
# element moves on only after at least three learners have shared or changed a score, so
# nobody can read off one classmate's share by looking before and after it.
#
# Here the pool is a temporary folder and three invented learners share; in class you open it
# with `leadkit class open FOLDER --roster roster.csv` (a folder every learner's kernel can
# reach) or `leadkit class open hub-service://classpool` on a hub (see the README).

# %% [markdown] lang="nl"
# ## Live resultaten van de klas
# Inleveren gebeurt na de les. Tijdens de les toont een *klassenpool* het klassenbeeld live:
# studenten die onder hun zelfbeoordeling **Deel met mijn klas** aanzetten, sturen hun scores
# per onderdeel (nooit hun antwoorden, nooit hun teksten), en iedereen ziet alleen hoeveel er
# deelden en het gemiddelde per onderdeel, niets bij minder dan drie studenten. Het beeld van
# een onderdeel verandert pas nadat minstens drie studenten een score deelden of wijzigden, zo
# kan niemand de deling van één klasgenoot aflezen door ervoor en erna te kijken.
#
# Hier is de pool een tijdelijke map en delen drie verzonnen studenten; in de les open je hem
# met `leadkit class open MAP --roster klassenlijst.csv` (een map die de kernel van elke
# student kan bereiken) of `leadkit class open hub-service://classpool` op een hub (zie de
# README).

# %%
import tempfile

lesson = tempfile.mkdtemp(prefix="leadkit-class-")  # in class: the shared folder or the hub
pool = lk.ClassPool.create(lesson, roster=["s2501030", "s2501031", "s2501032", "s2501033"])

# %%
# Three learners share, as "Share with my class" does for each, with the code from their card
# (pool.codes; 'leadkit class open' writes them to a file only you can read).
codes = pool.codes
pool.share(learner="s2501030", code=codes["s2501030"], framework="agile-cmo", scores={"build-trust": 4, "soft-skills": 3.5})
pool.share(learner="s2501031", code=codes["s2501031"], framework="agile-cmo", scores={"build-trust": 3, "soft-skills": 4.5})
pool.share(learner="s2501032", code=codes["s2501032"], framework="agile-cmo", scores={"build-trust": 3.5})

# %%
# NBVAL_CHECK_OUTPUT
view = pool.view("agile-cmo")
print(view.attrs["note"])
lk.show_table(view.head(3), {"note": {"en": "note", "nl": "toelichting"}})

# %% [markdown] lang="en"
# The dashboard below reads the pool every five seconds while the lesson runs; the Voilà app
# `92-app-class-dashboard` shows the same on a projector, code hidden.

# %% [markdown] lang="nl"
# Het dashboard hieronder leest de pool elke vijf seconden zolang de les loopt; de Voilà-app
# `92-app-class-dashboard` toont hetzelfde op een beamer, zonder code.

# %%
lk.widgets.class_dashboard(lesson, "agile-cmo")

# %% [markdown] lang="en"
# ## Self-check
# Three questions about what the class view protects. Each answer gets feedback that explains
# why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Drie vragen over wat het klasoverzicht beschermt. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("11-for-teachers")

# %% [markdown] lang="en"
# ## Reflection
# Saved in your own journal, like your learners' reflections.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoord wordt bewaard in je eigen logboek, net als de reflecties van je studenten.

# %%
lk.widgets.reflect("teacher-class-discussion", notebook="11-for-teachers")

# %% [markdown] lang="en"
# ## Sources and further reading
# - How the journal, bundles, pseudonyms and the floor work, and how each guarantee is tested:
#   `docs/journal.md`.
# - Pseudonymised data are still personal data under the GDPR (recital 26); only the salt
#   holder can re-identify, so the salt is to be kept like any other key.
# - Sweeney, L. (2002). k-anonymity: a model for protecting privacy. *International Journal of
#   Uncertainty, Fuzziness and Knowledge-Based Systems*, 10(5), 557–570. The floor of three is a
#   small-cell rule in the same spirit: no figure that rests on one or two people.
# - The sample class is synthetic; `tools/make_sample_bundles.py` describes how it is made.

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - Hoe het logboek, de bundels, de pseudoniemen en de grens werken, en hoe elke garantie is
#   getest: `docs/journal.md`.
# - Gepseudonimiseerde gegevens zijn onder de AVG nog steeds persoonsgegevens (overweging 26);
#   alleen wie de salt heeft, kan herleiden, dus bewaar de salt zoals elke andere sleutel.
# - Sweeney, L. (2002). k-anonymity: a model for protecting privacy. *International Journal of
#   Uncertainty, Fuzziness and Knowledge-Based Systems*, 10(5), 557–570. De grens van drie is een
#   regel voor kleine cellen in dezelfde geest: geen getal dat op één of twee mensen rust.
# - De voorbeeldklas is verzonnen; `tools/make_sample_bundles.py` beschrijft hoe ze is gemaakt.

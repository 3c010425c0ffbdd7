# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # Replicating the models behind the scenarios
#
# **For** researchers and teachers who want to know whether the scenarios of notebook 07 can
# be trusted. **Time:** 30 minutes (longer if you raise the number of replications).
#
# **After this notebook you can**
# 1. compare each reproduced figure with the claim of its published source;
# 2. read a result as a mean with a 95% confidence interval over independent replications;
# 3. say what the kit's models assume, and where they differ from their sources.
#
# Every replication draws from its own random stream (`numpy.random.SeedSequence(seed).spawn`),
# so results are exactly reproducible and do not depend on how many replications run beside
# them. Here each point uses **20 replications** to keep the notebook fast; the test suite
# checks every claim with hundreds, and the benchmark runs March's Figure 1 with 1,000 per
# cell. A claim counts as *shown* when the difference exceeds three standard errors.

# %% [markdown] lang="nl"
# # De modellen achter de scenario's naspelen
#
# **Voor** onderzoekers en docenten die willen weten of de scenario's van notebook 07 te
# vertrouwen zijn. **Tijd:** 30 minuten (langer als je het aantal replicaties verhoogt).
#
# **Na dit notebook kun je**
# 1. elke nagespeelde figuur vergelijken met de bewering van de gepubliceerde bron;
# 2. een uitkomst lezen als gemiddelde met een 95%-betrouwbaarheidsinterval over
#    onafhankelijke replicaties;
# 3. zeggen wat de modellen van de kit aannemen, en waar ze afwijken van hun bronnen.
#
# Elke replicatie trekt uit een eigen toevalsstroom (`numpy.random.SeedSequence(seed).spawn`),
# zodat uitkomsten precies reproduceerbaar zijn en niet afhangen van hoeveel replicaties ernaast
# draaien. Hier gebruikt elk punt **20 replicaties** om het notebook snel te houden; de tests
# controleren elke bewering met honderden, en de benchmark draait figuur 1 van March met 1000
# per cel. Een bewering geldt als *aangetoond* als het verschil groter is dan drie
# standaardfouten.

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## March (1991), Figure 1: how fast to learn
# Fifty people, thirty dimensions of reality, an organisational code that learns from those
# who do better than it. *Source's claim:* slower socialisation gives higher equilibrium
# knowledge, especially when the code learns fast. The kit follows the 'actions' reading
# (Rodan 2005; Christensen 2015); with 1,000 replications at p2 = 0.5 it gives 0.977, 0.905
# and 0.870 for p1 = 0.1, 0.5 and 0.9 against the published 0.976, 0.903 and 0.870.

# %% [markdown] lang="nl"
# ## March (1991), figuur 1: hoe snel leren
# Vijftig mensen, dertig dimensies van de werkelijkheid, een organisatiecode die leert van wie
# het beter doet dan de code zelf. *Bewering van de bron:* langzamere socialisatie geeft meer kennis in
# het evenwicht, vooral als de code snel leert. De kit volgt de 'acties'-lezing (Rodan 2005;
# Christensen 2015); met 1000 replicaties bij p2 = 0,5 geeft die 0,977, 0,905 en 0,870 voor
# p1 = 0,1, 0,5 en 0,9, tegenover de gepubliceerde 0,976, 0,903 en 0,870.

# %%
lk.plots.replication_figure("march-1", replications=20)

# %% [markdown] lang="en"
# ## March (1991), Figures 2 and 3: slow and fast learners together
# Some members socialise fast (p1 = 0.9), the others slowly (0.1). *Source's claim:* slow
# learners help the code, while each individual gains by learning fast.

# %% [markdown] lang="nl"
# ## March (1991), figuur 2 en 3: langzame en snelle leerders samen
# Sommige leden socialiseren snel (p1 = 0,9), de anderen langzaam (0,1). *Bewering van de
# bron:* langzame leerders helpen de code, terwijl elk individu wint bij snel leren.

# %%
lk.plots.replication_figure("march-2", replications=20)

# %%
lk.plots.replication_figure("march-3", replications=20)

# %% [markdown] lang="en"
# ## March (1991), Figures 4 and 5: turnover and turbulence
# *Source's claims:* modest turnover helps an organisation that socialises fast; when reality
# keeps changing, knowledge decays without turnover, and turnover keeps it up.

# %% [markdown] lang="nl"
# ## March (1991), figuur 4 en 5: verloop en turbulentie
# *Beweringen van de bron:* een beetje verloop helpt een organisatie die snel socialiseert;
# als de werkelijkheid blijft veranderen, neemt de kennis af zonder verloop, en verloop houdt
# die op peil.

# %%
lk.plots.replication_figure("march-4", replications=20)

# %%
lk.plots.replication_figure("march-5", replications=20)

# %% [markdown] lang="en"
# ## Fang, Lee & Schilling (2010): subgroups
# Three subgroups of ten learn from better-performing colleagues they listen to. *Source's
# claim:* moderate cross-group linking gives the highest equilibrium knowledge. The kit's
# formulation of the network is its own (see `docs/models/fang.md`).

# %% [markdown] lang="nl"
# ## Fang, Lee & Schilling (2010): subgroepen
# Drie subgroepen van tien leren van beter presterende collega's naar wie ze luisteren.
# *Bewering van de bron:* matige verbinding tussen groepen geeft de meeste kennis in het
# evenwicht. De manier waarop de kit het netwerk opbouwt, is eigen werk (zie
# `docs/models/fang.md`).

# %%
lk.plots.replication_figure("fang", replications=20)

# %% [markdown] lang="en"
# ## Centola, Willer & Macy (2005): the Emperor's Dilemma
# 500 agents, 1.5% true believers, disbelief strength up to 0.38, enforcement cost 0.08.
# *Source's claim:* an unpopular norm cascades under local interaction but not when everyone
# sees everyone. The middle bar (all ties random) is an extra the kit adds.

# %% [markdown] lang="nl"
# ## Centola, Willer & Macy (2005): het dilemma van de keizer
# 500 gesimuleerde personen, 1,5% echte gelovigen, overtuiging van ongelovigen tot 0,38,
# handhavingskosten 0,08. *Bewering van de bron:* een impopulaire norm verspreidt zich bij
# lokale interactie, maar niet als iedereen iedereen ziet. De middelste staaf (alle banden willekeurig) voegt de
# kit zelf toe.

# %%
lk.plots.replication_figure("emperor", replications=20)

# %% [markdown] lang="en"
# ## Approval layers: simulation against queueing theory
# This model has no single published figure; it is checked against exact results instead: the
# dashed line is the mean lead time of the Jackson network, the points are simulated teams.

# %% [markdown] lang="nl"
# ## Goedkeuringslagen: simulatie tegenover wachtrijtheorie
# Voor dit model bestaat geen gepubliceerde figuur; het wordt in plaats daarvan getoetst aan
# exacte uitkomsten: de stippellijn is de gemiddelde doorlooptijd van het Jackson-netwerk, de
# punten zijn gesimuleerde teams.

# %%
lk.plots.replication_figure("approval", replications=20)

# %% [markdown] lang="en"
# ## All claims at a glance
# The difference behind each claim, its standard error and the verdict at 20 replications.

# %% [markdown] lang="nl"
# ## Alle beweringen op een rij
# Het verschil achter elke bewering, de standaardfout en het oordeel bij 20 replicaties.

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.simulate.claims_table(replications=20)[["claim", "difference", "se", "verdict"]], decimals=4)

# %% [markdown] lang="en"
# ## Self-check

# %% [markdown] lang="nl"
# ## Test jezelf

# %%
lk.widgets.self_check("08-replicating-the-models")

# %% [markdown] lang="en"
# ## Reflection
# Saved in your journal; private unless you choose to share it.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoord wordt bewaard in je logboek en blijft privé, tenzij je ervoor kiest het te delen.

# %%
lk.widgets.reflect("replicating-models", notebook="08-replicating-the-models")

# %% [markdown] lang="en"
# ## Sources and further reading
# - March, J. G. (1991). Exploration and exploitation in organizational learning.
#   *Organization Science*, 2(1), 71–87.
# - Rodan, S. (2005). Exploration and exploitation revisited: Extending March's model of
#   mutual learning. *Scandinavian Journal of Management*, 21(4), 407–428.
# - Fang, C., Lee, J., & Schilling, M. A. (2010). *Organization Science*, 21(3), 625–642.
# - Centola, D., Willer, R., & Macy, M. (2005). *American Journal of Sociology*, 110(4),
#   1009–1040.
# - Jackson, J. R. (1957). Networks of waiting lines. *Operations Research*, 5(4), 518–521.
# - Grimm, V., et al. (2020). The ODD protocol for describing agent-based and other
#   simulation models: A second update. *JASSS*, 23(2), 7. The kit's model descriptions in
#   this format are in `docs/models/`; the benchmark is in `benchmarks/bench_march.py`.

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - March, J. G. (1991). Exploration and exploitation in organizational learning.
#   *Organization Science*, 2(1), 71–87.
# - Rodan, S. (2005). Exploration and exploitation revisited: Extending March's model of
#   mutual learning. *Scandinavian Journal of Management*, 21(4), 407–428.
# - Fang, C., Lee, J., & Schilling, M. A. (2010). *Organization Science*, 21(3), 625–642.
# - Centola, D., Willer, R., & Macy, M. (2005). *American Journal of Sociology*, 110(4),
#   1009–1040.
# - Jackson, J. R. (1957). Networks of waiting lines. *Operations Research*, 5(4), 518–521.
# - Grimm, V., e.a. (2020). The ODD protocol for describing agent-based and other simulation
#   models: A second update. *JASSS*, 23(2), 7. De modelbeschrijvingen van de kit in deze
#   opzet staan in `docs/models/`; de benchmark staat in `benchmarks/bench_march.py`.

# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # Multilevel research: agreement, aggregation, team effects and self-other fit
#
# **For** researchers who study people in teams and want to report numbers a reviewer who
# works in R will recognise. **Time:** 30 minutes.
#
# **After this notebook you can**
# 1. test whether members agree enough to speak of a team score (rwg(j) against chance, a(wg),
#    AD(M)) and name the R function that gives the same number;
# 2. judge with ICC(1) and ICC(2), and their intervals, whether team means differ reliably;
# 3. fit and read a random-intercept model with the predictor split into a team part and a
#    within-team part;
# 4. compare a model with and without random slopes by a likelihood-ratio test;
# 5. read a response surface of self against others along its lines of congruence and
#    incongruence.
#
# Every step is one call, run on the kit's sample teams; the R equivalent is named beside it.
# `docs/research.md` shows how closely each function agrees with R.

# %% [markdown] lang="nl"
# # Multilevelonderzoek: overeenstemming, aggregatie, teameffecten en zelf-anderen-fit
#
# **Voor** onderzoekers die mensen in teams bestuderen en cijfers willen rapporteren die een
# reviewer die in R werkt, herkent. **Tijd:** 30 minuten.
#
# **Na dit notebook kun je**
# 1. toetsen of teamleden het genoeg eens zijn om van een teamscore te spreken (rwg(j) tegen
#    toeval, a(wg), AD(M)) en de R-functie noemen die hetzelfde getal geeft;
# 2. met ICC(1) en ICC(2), en hun intervallen, beoordelen of teamgemiddelden betrouwbaar
#    verschillen;
# 3. een model met willekeurige intercept schatten en lezen, met de voorspeller gesplitst in een
#    teamdeel en een deel binnen het team;
# 4. een model met en zonder willekeurige hellingen vergelijken met een likelihoodratiotoets;
# 5. een responsoppervlak van zelfbeeld tegen het beeld van anderen lezen langs de lijnen van
#    congruentie en incongruentie.
#
# Elke stap is één aanroep, op de voorbeeldteams van de kit; de R-tegenhanger staat erbij.
# `docs/research.md` laat zien hoe goed elke functie met R overeenkomt.

# %%
import leadkit as lk
lk.set_language("{{LANG}}")

# %% [markdown] lang="en"
# ## Quick win: do the teams differ at all?
# The sample's eight teams rated their own leader on *build trust* (items `acmo01`–`acmo03`).
# ICC(1) is the share of the variance that lies between teams, ICC(2) the reliability of the
# team means; both with a 95% interval. R: `multilevel::ICC1(aov(score ~ team))` and `ICC2`.

# %% [markdown] lang="nl"
# ## Snel resultaat: verschillen de teams eigenlijk?
# De acht teams uit het voorbeeld beoordeelden hun eigen leidinggevende op *vertrouwen
# opbouwen* (items `acmo01`–`acmo03`). ICC(1) is het deel van de variantie dat tussen teams
# ligt, ICC(2) de betrouwbaarheid van de teamgemiddelden; beide met een 95%-interval. R:
# `multilevel::ICC1(aov(score ~ team))` en `ICC2`.

# %%
# NBVAL_CHECK_OUTPUT
trust_items = ["acmo01", "acmo02", "acmo03"]
reports = lk.kit_reports().dropna(subset=trust_items)  # complete answers, as R's na.exclude
lk.show_table(lk.icc_ci(reports[trust_items].mean(axis=1), reports["team"]), index=True, decimals=3)

# %% [markdown] lang="en"
# About a tenth of the variance lies between teams, but with eight teams the interval runs
# from below zero to one half: the data cannot yet tell "no team effect" from a large one.
# That is a finding to report, not to hide.

# %% [markdown] lang="nl"
# Ongeveer een tiende van de variantie ligt tussen teams, maar met acht teams loopt het interval
# van onder nul tot een half: de gegevens kunnen "geen teameffect" nog niet onderscheiden van
# een groot effect. Dat is een bevinding om te rapporteren, niet om te verstoppen.

# %% [markdown] lang="en"
# ## Agreement within each team
# rwg(j) is tested against teams of the same size whose members answer at random (R:
# `multilevel::rwg.j.sim`): `critical` is the 95th percentile of that null, `p_value` the share
# of random teams that agree at least as much. The simulation is seeded, so the table is the
# same every time.

# %% [markdown] lang="nl"
# ## Overeenstemming binnen elk team
# rwg(j) wordt getoetst tegen teams van dezelfde grootte waarvan de leden willekeurig
# antwoorden (R: `multilevel::rwg.j.sim`): `critical` is het 95e percentiel van die
# nulverdeling, `p_value` het aandeel willekeurige teams dat het minstens zo eens is. De
# simulatie heeft een vaste seed, dus de tabel is elke keer dezelfde.

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.rwg_j_significance(reports[trust_items], reports["team"], seed=12), index=True, decimals=3)

# %% [markdown] lang="en"
# Two indices that do not depend on a null distribution: a(wg) compares the spread with the
# largest spread possible at the team's mean (R: `multilevel::awg(x, team, range = c(1, 5))`),
# AD(M) is the mean absolute deviation in scale points (R: `multilevel::ad.m(x, team)`; below
# 5/6 = 0.83 on a five-point scale is read as agreement). Every team here has five or more
# raters; a team below three would be left out of any table you show others.

# %% [markdown] lang="nl"
# Twee indexen die niet van een nulverdeling afhangen: a(wg) vergelijkt de spreiding met de
# grootst mogelijke spreiding bij het teamgemiddelde (R: `multilevel::awg(x, team, range =
# c(1, 5))`), AD(M) is de gemiddelde absolute afwijking in schaalpunten (R:
# `multilevel::ad.m(x, team)`; onder 5/6 = 0,83 op een vijfpuntsschaal geldt als
# overeenstemming). Elk team hier heeft vijf of meer beoordelaars; een team onder de drie laat
# je weg uit elke tabel die je anderen laat zien.

# %%
# NBVAL_CHECK_OUTPUT
agreement = lk.awg(reports[trust_items], reports["team"]).to_frame()
agreement["ad_m"] = lk.ad_m(reports[trust_items], reports["team"])
lk.show_table(agreement, index=True, decimals=3)

# %% [markdown] lang="en"
# ## Is the scale one thing? Omega
# Before averaging items into a score, check that they measure one thing. Omega total is the
# share of the sum's variance that the common factor explains (R: `psych::omega(items,
# nfactors = 1)$omega.tot`); unlike alpha it does not assume every item is equally good.

# %% [markdown] lang="nl"
# ## Meet de schaal één ding? Omega
# Controleer voordat je items tot een score middelt, of ze één ding meten. Omega totaal is het
# deel van de variantie van de som dat de gemeenschappelijke factor verklaart (R:
# `psych::omega(items, nfactors = 1)$omega.tot`); anders dan alfa neemt het niet aan dat elk
# item even goed is.

# %%
# NBVAL_CHECK_OUTPUT
people = lk.kit_people().rename(columns={"build-trust": "trust"})
print(round(lk.omega(people[trust_items]).total, 3))

# %% [markdown] lang="en"
# ## Aggregation and a random-intercept model
# Now each member's own trust score (their self-assessment, wave 1) and the same score after
# the training (wave 2). `group_mean_center` splits the predictor into the team's mean
# (`trust_mean`, Bliese's `G.` column) and the member's deviation from it (`trust_within`,
# `W.`), so the two effects are estimated apart (Hofmann & Gavin, 1998). R:
# `nlme::lme(trust_wave2 ~ trust_within + trust_mean, random = ~1 | team)`.

# %% [markdown] lang="nl"
# ## Aggregatie en een model met willekeurige intercept
# Nu de eigen vertrouwensscore van elk teamlid (de zelfbeoordeling, meting 1) en dezelfde score
# na de training (meting 2). `group_mean_center` splitst de voorspeller in het teamgemiddelde
# (`trust_mean`, de `G.`-kolom van Bliese) en de afwijking van het teamlid daarvan
# (`trust_within`, `W.`), zodat beide effecten apart worden geschat (Hofmann & Gavin, 1998). R:
# `nlme::lme(trust_wave2 ~ trust_within + trust_mean, random = ~1 | team)`.

# %%
# NBVAL_CHECK_OUTPUT
centred = lk.group_mean_center(people, "trust", "team")
model = lk.multilevel_model(centred, "trust_wave2 ~ trust_within + trust_mean", group="team")
lk.show_table(model.fixed, decimals=3)

# %% [markdown] lang="en"
# Members who trust more than their teammates still do so after the training
# (`trust_within`); whether teams with a higher mean stay higher (`trust_mean`) cannot be
# told from eight teams: its test has 6 degrees of freedom (teams − 2), as in nlme. The
# variance components: tau00 between teams, sigma2 within.

# %% [markdown] lang="nl"
# Teamleden die meer vertrouwen hebben dan hun teamgenoten, hebben dat na de training nog
# steeds (`trust_within`); of teams met een hoger gemiddelde hoger blijven (`trust_mean`), valt
# met acht teams niet te zeggen: die toets heeft 6 vrijheidsgraden (teams − 2), zoals in nlme.
# De variantiecomponenten: tau00 tussen teams, sigma2 binnen teams.

# %%
# NBVAL_CHECK_OUTPUT
print(f"tau00 = {model.tau00:.3f}, sigma2 = {model.sigma2:.3f}, icc = {model.icc:.3f}")

# %% [markdown] lang="en"
# ## Does the effect differ by team? Comparing two models
# A random slope lets the effect of a member's own trust differ from team to team. Whether
# that earns its two extra parameters (the slope's variance and its covariance with the
# intercept) is a likelihood-ratio test between the two nested models. Fit both, then compare
# them. R: `m0 <- lmer(trust_wave2 ~ trust_within + trust_mean + (1 | team))`,
# `m1 <- lmer(trust_wave2 ~ trust_within + trust_mean + (trust_within | team))`,
# `anova(m0, m1)`. As lme4 does, the comparison refits both models by maximum likelihood
# first; the `fit` column says so.

# %% [markdown] lang="nl"
# ## Verschilt het effect per team? Twee modellen vergelijken
# Met een willekeurige helling mag het effect van het eigen vertrouwen per team verschillen.
# Of dat de twee extra parameters waard is (de variantie van de helling en haar covariantie
# met de intercept), toets je met een likelihoodratiotoets tussen de twee geneste modellen.
# Schat beide modellen en vergelijk ze. R:
# `m0 <- lmer(trust_wave2 ~ trust_within + trust_mean + (1 | team))`,
# `m1 <- lmer(trust_wave2 ~ trust_within + trust_mean + (trust_within | team))`,
# `anova(m0, m1)`. Net als lme4 schat de vergelijking beide modellen eerst opnieuw met
# maximum likelihood; de kolom `fit` zegt dat.

# %%
m0 = lk.multilevel_model(centred, "trust_wave2 ~ trust_within + trust_mean", group="team")

# %%
m1 = lk.multilevel_model(centred, "trust_wave2 ~ trust_within + trust_mean", group="team", random_slopes=["trust_within"])

# %%
# NBVAL_CHECK_OUTPUT
lk.show_table(lk.compare_models(m0, m1), index=True, decimals=3)

# %% [markdown] lang="en"
# Read the last row: `chisq` is twice the gain in log-likelihood, tested on `df` = 2. A small
# `p` says the slopes differ between teams; a large one says the simpler model will do. With
# eight teams a test of a variance is weak, and a variance at its boundary of zero makes the
# p-value conservative (it is then too large). Lower AIC and BIC point the same way. Fitting
# `m1` also warned of a *boundary (singular) fit*: the slopes and intercepts are estimated to
# correlate perfectly, a sign that eight teams cannot carry the extra variance (lme4 says the
# same). R gives this table to the last decimal shown.

# %% [markdown] lang="nl"
# Lees de laatste rij: `chisq` is twee keer de winst in log-likelihood, getoetst op `df` = 2.
# Een kleine `p` zegt dat de hellingen tussen teams verschillen; een grote zegt dat het
# eenvoudiger model volstaat. Met acht teams is een toets van een variantie zwak, en een
# variantie op haar grens van nul maakt de p-waarde conservatief (ze is dan te groot). Een
# lagere AIC en BIC wijzen dezelfde kant op. Bij het schatten van `m1` kwam ook een
# waarschuwing over een *schatting op de grens (singulier)*: volgens de schatting correleren
# hellingen en intercepten perfect, een teken dat acht teams de extra variantie niet kunnen
# dragen (lme4 zegt hetzelfde). R geeft deze tabel tot op de laatste getoonde decimaal.

# %% [markdown] lang="en"
# ## Self against others: a response surface
# Does it matter whether a member's own trust matches how the rest of the team sees it
# (`others_trust`, the teammates' mean)? The quadratic model of Edwards & Parry (1993) with
# both ratings centred at the scale midpoint 3, read along the line where self and others agree
# (a1, a2) and the line where they disagree (a3, a4). R:
# `lm(z ~ x + y + I(x^2) + I(x*y) + I(y^2))`.

# %% [markdown] lang="nl"
# ## Zelf tegen anderen: een responsoppervlak
# Maakt het uit of het eigen vertrouwen van een teamlid past bij hoe de rest van het team het
# ziet (`others_trust`, het gemiddelde van de teamgenoten)? Het kwadratische model van Edwards &
# Parry (1993) met beide scores gecentreerd op het midden van de schaal, 3, gelezen langs de lijn
# waar zelf en anderen overeenkomen (a1, a2) en de lijn waar ze verschillen (a3, a4). R:
# `lm(z ~ x + y + I(x^2) + I(x*y) + I(y^2))`.

# %%
# NBVAL_CHECK_OUTPUT
surface = lk.response_surface(people, self="trust", other="others_trust", outcome="trust_wave2", center=3)
lk.show_table(surface.surface, decimals=3)

# %%
lk.plots.response_surface_figure(surface)

# %% [markdown] lang="en"
# None of the four is far from zero: with 56 people a surface has six coefficients to carry,
# and the sample's teams were made without a self-other effect. Report the intervals, and
# plan for a few hundred people when fit is the question.

# %% [markdown] lang="nl"
# Geen van de vier ligt ver van nul: met 56 mensen moet een oppervlak zes coëfficiënten dragen,
# en de voorbeeldteams zijn gemaakt zonder zelf-anderen-effect. Rapporteer de intervallen, en
# reken op een paar honderd mensen als fit de vraag is.

# %% [markdown] lang="en"
# ### Try it yourself
# The cell below fits `m0` again by maximum likelihood (R: `refitML(m0)`). Compare its
# variances with the REML fit above (`m0.random`, `m0.sigma2`): which are smaller, and why does
# ML estimate them too small with eight teams? Then centre the response surface at the pooled
# mean (`center="grand"`): which numbers change, and why does R² stay the same?

# %% [markdown] lang="nl"
# ### Probeer het zelf
# De cel hieronder schat `m0` opnieuw met maximum likelihood (R: `refitML(m0)`). Vergelijk de
# varianties met de REML-schatting hierboven (`m0.random`, `m0.sigma2`): welke zijn kleiner, en
# waarom schat ML ze met acht teams te klein? Centreer daarna het responsoppervlak op het
# gezamenlijke gemiddelde (`center="grand"`): welke getallen veranderen, en waarom blijft R²
# gelijk?

# %%
m0.refit("ML")

# %% [markdown] lang="en"
# ## Self-check
# Three questions on reading these results. Every answer gets feedback that explains why.

# %% [markdown] lang="nl"
# ## Test jezelf
# Drie vragen over het lezen van deze resultaten. Bij elk antwoord krijg je uitleg waarom.

# %%
lk.widgets.self_check("12-multilevel-research")

# %% [markdown] lang="en"
# ## Reflection
# Your answer is saved in your personal journal and stays private unless you choose to share it.

# %% [markdown] lang="nl"
# ## Reflectie
# Je antwoord wordt bewaard in je persoonlijke logboek en blijft privé, tenzij je ervoor kiest
# het te delen.

# %%
lk.widgets.reflect("multilevel-research-next-step", notebook="12-multilevel-research")

# %% [markdown] lang="en"
# ## Sources and further reading
# - Brown, R. D., & Hauenstein, N. M. A. (2005). Interrater agreement reconsidered: An
#   alternative to the rwg indices. *Organizational Research Methods*, 8(2), 165–184 — a(wg).
# - Burke, M. J., Finkelstein, L. M., & Dusig, M. S. (1999). On average deviation indices for
#   estimating interrater agreement. *Organizational Research Methods*, 2(1), 49–68 — AD(M).
# - Dunlap, W. P., Burke, M. J., & Smith-Crowe, K. (2003). Accurate tests of statistical
#   significance for rwg and average deviation interrater agreement indexes. *Journal of
#   Applied Psychology*, 88(2), 356–362 — testing agreement against chance.
# - Edwards, J. R., & Parry, M. E. (1993). On the use of polynomial regression equations as an
#   alternative to difference scores. *Academy of Management Journal*, 36(6), 1577–1613.
# - Hofmann, D. A., & Gavin, M. B. (1998). Centering decisions in hierarchical linear models.
#   *Journal of Management*, 24(5), 623–641.
# - Shanock, L. R., et al. (2010). Polynomial regression with response surface analysis.
#   *Journal of Business and Psychology*, 25(4), 543–554 — a1 to a4.
# - LeBreton, J. M., & Senter, J. L. (2008). Answers to 20 questions about interrater
#   reliability and interrater agreement. *Organizational Research Methods*, 11(4), 815–852 —
#   ICC(1), ICC(2) and when to aggregate.
# - Zinbarg, R. E., Revelle, W., Yovel, I., & Li, W. (2005). Cronbach's α, Revelle's β, and
#   McDonald's ωH. *Psychometrika*, 70(1), 123–133.
# - `docs/research.md` in the kit: each function, its R equivalent and how closely they agree.

# %% [markdown] lang="nl"
# ## Bronnen en verder lezen
# - Brown, R. D., & Hauenstein, N. M. A. (2005). Interrater agreement reconsidered: An
#   alternative to the rwg indices. *Organizational Research Methods*, 8(2), 165–184 — a(wg).
# - Burke, M. J., Finkelstein, L. M., & Dusig, M. S. (1999). On average deviation indices for
#   estimating interrater agreement. *Organizational Research Methods*, 2(1), 49–68 — AD(M).
# - Dunlap, W. P., Burke, M. J., & Smith-Crowe, K. (2003). Accurate tests of statistical
#   significance for rwg and average deviation interrater agreement indexes. *Journal of
#   Applied Psychology*, 88(2), 356–362 — overeenstemming toetsen tegen toeval.
# - Edwards, J. R., & Parry, M. E. (1993). On the use of polynomial regression equations as an
#   alternative to difference scores. *Academy of Management Journal*, 36(6), 1577–1613.
# - Hofmann, D. A., & Gavin, M. B. (1998). Centering decisions in hierarchical linear models.
#   *Journal of Management*, 24(5), 623–641.
# - Shanock, L. R., et al. (2010). Polynomial regression with response surface analysis.
#   *Journal of Business and Psychology*, 25(4), 543–554 — a1 tot en met a4.
# - LeBreton, J. M., & Senter, J. L. (2008). Answers to 20 questions about interrater
#   reliability and interrater agreement. *Organizational Research Methods*, 11(4), 815–852 —
#   ICC(1), ICC(2) en wanneer je aggregeert.
# - Zinbarg, R. E., Revelle, W., Yovel, I., & Li, W. (2005). Cronbach's α, Revelle's β, and
#   McDonald's ωH. *Psychometrika*, 70(1), 123–133.
# - `docs/research.md` in de kit: elke functie, haar R-tegenhanger en hoe goed ze overeenkomen.

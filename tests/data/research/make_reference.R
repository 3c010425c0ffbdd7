# Reference values for the research analyses (tests/psychometrics/test_omega.py, test_agreement_null.py,
# test_multilevel_model.py, test_response_surface.py). The test suite itself never runs R.
#
# Run from the repository root:  Rscript tests/data/research/make_reference.R > /tmp/ref.txt
# Needs R with psych, GPArotation, multilevel and nlme (Debian: r-cran-psych
# r-cran-gparotation r-cran-multilevel r-cran-nlme). Values in the tests: R 4.2.2,
# psych 2.2.9, GPArotation, multilevel 2.7, nlme 3.1-162.
#
# Published data: psych::Thurstone (Bechtoldt 1961), multilevel::bh1996 (Bliese & Halverson
# 1996), multilevel::lq2002 leadership items (tests/data/lq2002_lead.csv), the Shrout & Fleiss
# (1979) ratings (Table 2, typed in below). The kit's own data: the CSV files written by
# tests/data/research/make_kit_fixtures.py.

suppressPackageStartupMessages({
  library(psych); library(GPArotation); library(multilevel); library(nlme)
})
out <- "tests/data/research"
num <- function(x) sprintf("%.17g", x)
py <- function(name, x, call) cat(name, " = ", if (length(x) > 1) paste0("[", paste(num(x), collapse = ", "), "]") else num(x), "  # ", call, "\n", sep = "")
csv <- function(df, file) write.csv(df, file.path(out, file), row.names = FALSE)

data(bh1996, package = "multilevel")
kit <- read.csv(file.path(out, "kit_people.csv"), check.names = FALSE)
rep <- read.csv(file.path(out, "kit_reports.csv"), check.names = FALSE)
lq <- read.csv("tests/data/lq2002_lead.csv")

# --- omega ---------------------------------------------------------------------------------
om3 <- omega(Thurstone, nfactors = 3, plot = FALSE)
py("THURSTONE_3_TOTAL", om3$omega.tot, "psych::omega(Thurstone, nfactors = 3)$omega.tot")
py("THURSTONE_3_H", om3$omega_h, "psych::omega(Thurstone, nfactors = 3)$omega_h")
sl <- as.data.frame(unclass(om3$schmid$sl)); sl$item <- rownames(Thurstone)
csv(sl, "omega_thurstone_3_sl.csv")
om2 <- suppressMessages(omega(Thurstone, nfactors = 2, plot = FALSE))
py("THURSTONE_2_TOTAL", om2$omega.tot, "psych::omega(Thurstone, nfactors = 2)$omega.tot")
py("THURSTONE_2_H", om2$omega_h, "psych::omega(Thurstone, nfactors = 2)$omega_h")
py("THURSTONE_2_G", om2$schmid$sl[, 1], "psych::omega(Thurstone, nfactors = 2)$schmid$sl[, 1]")
om1 <- suppressWarnings(omega(Thurstone, nfactors = 1, plot = FALSE))
py("THURSTONE_1_TOTAL", om1$omega.tot, "psych::omega(Thurstone, nfactors = 1)$omega.tot")
py("THURSTONE_1_G", om1$schmid$sl[, 1], "psych::omega(Thurstone, nfactors = 1)$schmid$sl[, 1]")
items <- kit[, sprintf("acmo%02d", 1:12)]
omk <- suppressWarnings(omega(items, nfactors = 1, plot = FALSE))
py("KIT_1_TOTAL", omk$omega.tot, "psych::omega(kit_people[, acmo01:acmo12], nfactors = 1)$omega.tot")
py("KIT_1_G", omk$schmid$sl[, 1], "psych::omega(kit_people[, acmo01:acmo12], nfactors = 1)$schmid$sl[, 1]")
omb <- omega(Bechtoldt.1, nfactors = 3, plot = FALSE)
py("BECHTOLDT1_3_TOTAL", omb$omega.tot, "psych::omega(Bechtoldt.1, nfactors = 3)$omega.tot")
py("BECHTOLDT1_3_H", omb$omega_h, "psych::omega(Bechtoldt.1, nfactors = 3)$omega_h")
csv(as.data.frame(Bechtoldt.1), "bechtoldt1.csv")
csv(as.data.frame(Thurstone), "thurstone.csv")

# --- awg, ad.m -----------------------------------------------------------------------------
lead <- lq[, sprintf("LEAD%02d", 1:11)]
a <- awg(lead, lq$COMPID, range = c(1, 5)); d <- ad.m(lead, lq$COMPID)
dm <- ad.m(lead, lq$COMPID, type = "median"); a1 <- awg(lq$LEAD01, lq$COMPID)
csv(data.frame(grpid = a$grpid, awg = a$a.wg, ad_m = d$AD.M, ad_md = dm$AD.M, awg1 = a1$a.wg,
               n = a$nraters), "lq2002_awg_adm.csv")
ki <- rep[, sprintf("acmo%02d", 1:4)]
a <- awg(ki, rep$team, range = c(1, 5)); d <- ad.m(ki, rep$team)
csv(data.frame(grpid = a$grpid, awg = a$a.wg, ad_m = d$AD.M, n = a$nraters), "kit_awg_adm.csv")

# --- rwg(j) under the null: a sample of the simulated distribution --------------------------
set.seed(15)
sim <- rwg.j.sim(gsize = 10, nitems = 11, nresp = 5, nrep = 2000)
csv(data.frame(rwg_j = round(sim$rwg, 8)), "rwg_j_sim_10_11_5.csv")
py("SIM_Q95", quantile(sim$rwg, 0.95, type = 7), "quantile(rwg.j.sim(gsize = 10, nitems = 11, nresp = 5, nrep = 2000)$rwg, .95) after set.seed(15)")

set.seed(16)
cors <- matrix(0.5, 4, 4); diag(cors) <- 1
sim <- rwg.j.sim(gsize = 6, nitems = 4, nresp = 5, itemcors = cors, nrep = 2000)
csv(data.frame(rwg_j = round(sim$rwg, 8)), "rwg_j_sim_6_4_5_cor50.csv")

# --- ICC(1), ICC(2) with F-based intervals --------------------------------------------------
sf <- matrix(c(9, 2, 5, 8, 6, 1, 3, 2, 8, 4, 6, 8, 7, 1, 2, 6, 10, 5, 6, 9, 6, 2, 4, 7),
             ncol = 4, byrow = TRUE)
r <- ICC(sf, lmer = FALSE)$results  # the ANOVA mean squares, not lmer's estimates
py("SF_ICC1", unlist(r[1, c("ICC", "lower bound", "upper bound")]), "psych::ICC(sf, lmer = FALSE)$results['Single_raters_absolute', c('ICC', 'lower bound', 'upper bound')]")
py("SF_ICC1K", unlist(r[4, c("ICC", "lower bound", "upper bound")]), "psych::ICC(sf, lmer = FALSE)$results['Average_raters_absolute', c('ICC', 'lower bound', 'upper bound')]")
fit <- aov(WBEING ~ as.factor(GRP), data = bh1996)
py("BH_ICC1", ICC1(fit), "multilevel::ICC1(aov(WBEING ~ as.factor(GRP), data = bh1996))")
py("BH_ICC2", ICC2(fit), "multilevel::ICC2(aov(WBEING ~ as.factor(GRP), data = bh1996))")

kfit <- aov(trust_wave2 ~ as.factor(team), data = kit)
py("KIT_ICC1", ICC1(kfit), "multilevel::ICC1(aov(trust_wave2 ~ as.factor(team), data = kit_people))")
py("KIT_ICC2", ICC2(kfit), "multilevel::ICC2(aov(trust_wave2 ~ as.factor(team), data = kit_people))")
kfit <- aov(x ~ as.factor(team), data = data.frame(x = rowMeans(rep[, c("acmo01", "acmo02", "acmo03")]), team = rep$team))
py("KIT_REPORTS_ICC1", ICC1(kfit), "multilevel::ICC1(aov(rowMeans(kit_reports[, acmo01:acmo03]) ~ team))")

# --- multilevel models (nlme::lme, REML) -----------------------------------------------------
show_lme <- function(tag, m, call) {
  s <- summary(m)$tTable; ci <- intervals(m, which = "fixed")$fixed
  py(paste0(tag, "_TERMS"), 0, paste("rownames:", paste(rownames(s), collapse = " ")))
  py(paste0(tag, "_EST"), s[, "Value"], call)
  py(paste0(tag, "_SE"), s[, "Std.Error"], call)
  py(paste0(tag, "_DF"), s[, "DF"], call)
  py(paste0(tag, "_LOW"), ci[, "lower"], paste("intervals(", call, ", which = 'fixed')"))
  py(paste0(tag, "_HIGH"), ci[, "upper"], paste("intervals(", call, ", which = 'fixed')"))
  G <- getVarCov(m)
  py(paste0(tag, "_VAR"), c(diag(G), m$sigma^2), paste("c(diag(getVarCov(m)), m$sigma^2), m =", call))
  if (ncol(G) > 1) py(paste0(tag, "_COV"), G[1, 2], paste("getVarCov(m)[1, 2], m =", call))
  py(paste0(tag, "_LOGLIK"), as.numeric(logLik(m)), paste("logLik(", call, ")"))
}
show_lme("BH_NULL", lme(WBEING ~ 1, random = ~1 | GRP, data = bh1996),
         "nlme::lme(WBEING ~ 1, random = ~1 | GRP, data = bh1996)")
show_lme("BH_RI", lme(WBEING ~ W.HRS + G.HRS, random = ~1 | GRP, data = bh1996),
         "nlme::lme(WBEING ~ W.HRS + G.HRS, random = ~1 | GRP, data = bh1996)")
m <- lme(WBEING ~ HRS + G.HRS, random = ~HRS | GRP, data = bh1996)
show_lme("BH_RS", m, "nlme::lme(WBEING ~ HRS + G.HRS, random = ~HRS | GRP, data = bh1996)")
kit$trust <- kit[["build-trust"]]
kit$trust_mean <- ave(kit$trust, kit$team); kit$trust_within <- kit$trust - kit$trust_mean
show_lme("KIT_RI", lme(trust_wave2 ~ trust_within + trust_mean, random = ~1 | team, data = kit),
         "nlme::lme(trust_wave2 ~ trust_within + trust_mean, random = ~1 | team, data = kit_people)")

# --- response surfaces (lm) -----------------------------------------------------------------
rsa <- function(tag, z, x, y, call) {
  m <- lm(z ~ x + y + I(x^2) + I(x * y) + I(y^2)); s <- summary(m); V <- vcov(m); b <- coef(m)
  py(paste0(tag, "_B"), b, call); py(paste0(tag, "_SE"), s$coefficients[, 2], call)
  py(paste0(tag, "_R2"), s$r.squared, paste("summary(", call, ")$r.squared"))
  C <- rbind(c(0, 1, 1, 0, 0, 0), c(0, 0, 0, 1, 1, 1), c(0, 1, -1, 0, 0, 0), c(0, 0, 0, 1, -1, 1))
  est <- drop(C %*% b); se <- sqrt(diag(C %*% V %*% t(C)))
  py(paste0(tag, "_A"), est, "C %*% coef(m), rows a1..a4 = b1+b2, b3+b4+b5, b1-b2, b3-b4+b5")
  py(paste0(tag, "_A_SE"), se, "sqrt(diag(C %*% vcov(m) %*% t(C)))")
  py(paste0(tag, "_A_P"), 2 * pt(-abs(est / se), m$df.residual), "2 * pt(-|a / se|, df.residual(m))")
}
rsa("BH_RSA", bh1996$WBEING, bh1996$LEAD - 3, bh1996$COHES - 3,
    "lm(WBEING ~ x + y + I(x^2) + I(x*y) + I(y^2)), x = LEAD - 3, y = COHES - 3, data = bh1996")
rsa("KIT_RSA", kit$trust_wave2, kit$trust - 3, kit$others_trust - 3,
    "lm(trust_wave2 ~ x + y + I(x^2) + I(x*y) + I(y^2)), x = build-trust - 3, y = others_trust - 3, data = kit_people")
csv(bh1996[, c("GRP", "COHES", "LEAD", "HRS", "G.HRS", "WBEING")], "bh1996.csv"); system("gzip -nf tests/data/research/bh1996.csv")

# Reference data and expected values for tests/psychometrics/test_item_analysis.py and tests/psychometrics/test_agreement.py.
#
# Run from the repository root:   Rscript tests/data/make_reference.R
# Needs R with the packages psych and multilevel (Debian: r-cran-psych r-cran-multilevel).
# Values in the tests were produced with R 4.2.2, psych 2.2.9, multilevel 2.7.
#
# The script writes the data sets the tests read (CSV, NA = empty cell) and prints every
# expected value with 17 significant digits; the per-item and per-team values go to
# *_reference.csv files.
# The test suite itself never runs R.
#
# Data sources: psych::bfi (SAPA project, shipped with psych) and multilevel::lq2002
# (Bliese's leadership climate data, shipped with multilevel).

suppressPackageStartupMessages({
  library(psych)
  library(multilevel)
})

out <- "tests/data"
num <- function(x) sprintf("%.17g", x)
show <- function(label, x) cat(label, "=", paste(num(x), collapse = ", "), "\n")
# Write a data set, then read it back: the expected values are computed from exactly the
# numbers in the CSV file that the Python tests read.
write_na <- function(df, file) {
  write.csv(df, file.path(out, file), row.names = FALSE, na = "")
  read.csv(file.path(out, file))
}

cat("R", R.version$major, R.version$minor, " psych", as.character(packageVersion("psych")),
    " multilevel", as.character(packageVersion("multilevel")), "\n")

# ---------------------------------------------------------------------------------------------
# Scale statistics: the five agreeableness items of psych::bfi (answers 1..6; A1 is reverse
# keyed, so the scale uses 7 - A1). Complete cases only, then the same rows with about 5% of
# the cells blanked by a fixed random pattern.
# ---------------------------------------------------------------------------------------------
bfi_a <- na.omit(bfi[, c("A1", "A2", "A3", "A4", "A5")])
rownames(bfi_a) <- NULL
bfi_a <- write_na(bfi_a, "bfi_agree.csv")

set.seed(20240501)
holes <- matrix(runif(nrow(bfi_a) * 5) < 0.05, ncol = 5)
bfi_m <- bfi_a
bfi_m[holes] <- NA
bfi_m <- write_na(bfi_m, "bfi_agree_missing.csv")
cat("bfi rows", nrow(bfi_a), " blanked cells", sum(holes), "\n")

keyed <- function(d) { d$A1 <- 7 - d$A1; d }

report_alpha <- function(tag, d, file) {
  a <- psych::alpha(d, use = "pairwise")
  cat("\n##", tag, ": psych::alpha(x, use = \"pairwise\")\n")
  show("total$raw_alpha", a$total$raw_alpha)
  show("total$std.alpha", a$total$std.alpha)
  show("total$average_r", a$total$average_r)
  show("feldt$lower.ci", a$feldt$lower.ci)
  show("feldt$upper.ci", a$feldt$upper.ci)
  ref <- data.frame(item = colnames(d), alpha_if_deleted = num(a$alpha.drop$raw_alpha),
                    std_alpha_if_deleted = num(a$alpha.drop$std.alpha),
                    r_drop = num(a$item.stats$r.drop), mean = num(a$item.stats$mean),
                    sd = num(a$item.stats$sd), n = a$item.stats$n)
  write.csv(ref, file.path(out, file), row.names = FALSE, quote = FALSE)
  ci90 <- psych::alpha.ci(a$total$raw_alpha, nrow(d), ncol(d), p.val = 0.10)
  show("alpha.ci(raw_alpha, n, k, p.val = 0.10) lower", ci90$lower.ci)
  show("alpha.ci(raw_alpha, n, k, p.val = 0.10) upper", ci90$upper.ci)
  # Standardised alpha from the pairwise Pearson correlations (the published formula); psych
  # 2.2.9 instead standardises the pairwise covariances with each item's own full-column SD.
  r <- cor(d, use = "pairwise")
  s <- psych::alpha(r)
  show("psych::alpha(cor(x, use = \"pairwise\"))$total$std.alpha", s$total$std.alpha)
  show("psych::alpha(cor(x, use = \"pairwise\"))$total$average_r", s$total$average_r)
  show("psych::alpha(cor(x, use = \"pairwise\"))$alpha.drop$std.alpha", s$alpha.drop$std.alpha)
}
report_alpha("bfi agreeableness, complete", keyed(bfi_a), "bfi_agree_reference.csv")
report_alpha("bfi agreeableness, 5% missing", keyed(bfi_m), "bfi_agree_missing_reference.csv")

# ---------------------------------------------------------------------------------------------
# Team agreement: multilevel::lq2002, leadership climate (11 items, answers 1..5) of soldiers
# in 49 companies (COMPID); LEAD is the scale mean. Then the same data with about 5% of the
# item cells, LEAD cells and team ids blanked by a fixed random pattern.
# ---------------------------------------------------------------------------------------------
data("lq2002", package = "multilevel", envir = environment())
lead_items <- sprintf("LEAD%02d", 1:11)
lq <- lq2002[, c("COMPID", lead_items, "LEAD")]
lq <- write_na(lq, "lq2002_lead.csv")

set.seed(20240502)
lq_m <- lq
lq_m[, c(lead_items, "LEAD")][matrix(runif(nrow(lq) * 12) < 0.05, ncol = 12)] <- NA
lq_m$COMPID[runif(nrow(lq)) < 0.01] <- NA
lq_m <- write_na(lq_m, "lq2002_lead_missing.csv")
cat("\nlq2002 rows", nrow(lq), " blanked cells", sum(is.na(lq_m)), "\n")

report_agreement <- function(tag, d, file) {
  cat("\n##", tag, "\n")
  one <- multilevel::rwg(d$LEAD, d$COMPID, ranvar = 2)
  first <- multilevel::rwg(d$LEAD01, d$COMPID, ranvar = 2)
  many <- multilevel::rwg.j(d[, lead_items], d$COMPID, ranvar = 2)
  stopifnot(identical(one$grpid, many$grpid), identical(first$grpid, many$grpid))
  ref <- data.frame(group = many$grpid, rwg_lead = num(one$rwg), gsize_lead = one$gsize,
                    rwg_lead01 = num(first$rwg), gsize_lead01 = first$gsize,
                    rwg_j = num(many$rwg.j), gsize_j = many$gsize)
  write.csv(ref, file.path(out, file), row.names = FALSE, quote = FALSE)
  fit <- aov(LEAD ~ as.factor(COMPID), data = d)
  show("multilevel::ICC1(aov(LEAD ~ as.factor(COMPID), data = d))", multilevel::ICC1(fit))
  show("multilevel::ICC2(aov(LEAD ~ as.factor(COMPID), data = d))", multilevel::ICC2(fit))
  cat("truncated rwg(LEAD01) groups:", sum(first$rwg == 0, na.rm = TRUE), "\n")
}
report_agreement("lq2002 complete", lq, "lq2002_reference.csv")
report_agreement("lq2002 5% missing", lq_m, "lq2002_missing_reference.csv")

# ---------------------------------------------------------------------------------------------
# Edge cases, small enough to check by hand: a team of one, a team whose spread exceeds the
# uniform null (truncation to 0), a team in full agreement, a team with gaps.
# ---------------------------------------------------------------------------------------------
edge <- data.frame(
  team = c("a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "d", "d", "d", "e"),
  q1   = c(  4,   4,   5,   1,   5,   1,   5,   3,   3,   3,   2,  NA,   3,   4),
  q2   = c(  4,   5,   5,   5,   1,   2,   5,   3,   3,   3,   2,   2,  NA,   5),
  q3   = c(  5,   4,   4,   1,   5,   5,   1,   3,   3,   3,  NA,   3,   3,   2)
)
edge <- write_na(edge, "agreement_edge.csv")
cat("\n## edge cases\n")
e1 <- multilevel::rwg(edge$q1, edge$team, ranvar = 2)
ej <- multilevel::rwg.j(edge[, c("q1", "q2", "q3")], edge$team, ranvar = 2)
ejl <- multilevel::rwg.j.lindell(edge[, c("q1", "q2", "q3")], edge$team, ranvar = 2)
cat("rwg(edge$q1, edge$team, ranvar = 2):\n"); print(data.frame(e1$grpid, num(e1$rwg), e1$gsize))
cat("rwg.j(edge[, c(\"q1\", \"q2\", \"q3\")], edge$team, ranvar = 2):\n")
print(data.frame(ej$grpid, num(ej$rwg.j), ej$gsize))
cat("rwg.j.lindell (untruncated, for contrast):\n"); print(data.frame(ejl$grpid, num(ejl$rwg.lindell)))
# Seven answer options: sigma2_EU = (7^2 - 1) / 12 = 4.
e7 <- multilevel::rwg.j(edge[, c("q1", "q2", "q3")], edge$team, ranvar = (7^2 - 1) / 12)
cat("rwg.j(..., ranvar = 4):\n"); print(data.frame(e7$grpid, num(e7$rwg.j)))
fit <- aov(q1 ~ as.factor(team), data = edge)
show("multilevel::ICC1(aov(q1 ~ as.factor(team), data = edge))", multilevel::ICC1(fit))
show("multilevel::ICC2(aov(q1 ~ as.factor(team), data = edge))", multilevel::ICC2(fit))

# Reference data and expected values for tests/survey/test_read_survey.py and
# tests/psychometrics/test_item_analysis.py (standardised alpha with missing answers).
#
# Run from the repository root:   Rscript tests/data/make_survey_reference.R
# Needs R with psych (Debian: r-cran-psych). Values in the tests: R 4.2.2, psych 2.2.9.
#
# Writes psych::bfi's 25 items of all 2,800 people (NA = empty cell) as tests/data/surveys/bfi.csv
# with a respondent id, the keys of the Big Five as psych's help page gives them, and the scores
# of psych::scoreItems(impute = "none") per person in bfi_scores_reference.csv. The survey-tool
# exports of the same answers are made from bfi.csv by tools/make_survey_exports.py. The test
# suite never runs R.

suppressPackageStartupMessages(library(psych))
out <- "tests/data/surveys"
num <- function(x) sprintf("%.17g", x)
show <- function(label, x) cat(label, "=", paste(num(x), collapse = ", "), "\n")
cat("R", R.version$major, R.version$minor, " psych", as.character(packageVersion("psych")), "\n")

items <- bfi[, 1:25]
data <- data.frame(respondent = rownames(bfi), items, check.names = FALSE)
write.csv(data, file.path(out, "bfi.csv"), row.names = FALSE, na = "")
items <- read.csv(file.path(out, "bfi.csv"))[, -1]   # exactly the numbers the tests read

keys <- list(agreeableness = c("-A1", "A2", "A3", "A4", "A5"),
             conscientiousness = c("C1", "C2", "C3", "-C4", "-C5"),
             extraversion = c("-E1", "-E2", "E3", "E4", "E5"),
             neuroticism = c("N1", "N2", "N3", "N4", "N5"),
             openness = c("O1", "-O2", "O3", "O4", "-O5"))

# Scores as a psych user gets them: scoreItems(keys, items, impute = "none", min = 1, max = 6)
# averages whatever items a person answered (no min_share).
s <- scoreItems(keys, items, impute = "none", min = 1, max = 6, totals = FALSE)
scores <- data.frame(respondent = rownames(bfi), s$scores)
write.csv(scores, file.path(out, "bfi_scores_reference.csv"), row.names = FALSE, na = "")
cat("\n## scoreItems(keys, items, impute = 'none', min = 1, max = 6)\n")
show("colSums(is.na(s$scores))", colSums(is.na(s$scores)))
show("scores[1:3, 1]", s$scores[1:3, 1])

# How many scores min_share = 0.5 (at least 3 of 5 items) leaves missing that psych gives.
answered <- sapply(keys, function(k) rowSums(!is.na(items[, sub("-", "", k)])))
show("people with a scale of 1 or 2 answered items", sum(apply(answered, 1, function(a) any(a > 0 & a < 2.5))))
show("scale scores with 1 or 2 answered items", sum(answered > 0 & answered < 2.5))

# Reliability per scale with missing answers, as psych::alpha gives it (keyed items).
for (scale in names(keys)) {
  k <- keys[[scale]]
  x <- items[, sub("-", "", k)]
  rev <- startsWith(k, "-")
  x[, rev] <- 7 - x[, rev]
  a <- psych::alpha(x, use = "pairwise", check.keys = FALSE)
  cat("\n##", scale, ": psych::alpha(x, use = \"pairwise\") on the keyed items\n")
  show("total$raw_alpha", a$total$raw_alpha)
  show("total$std.alpha", a$total$std.alpha)
  show("total$average_r", a$total$average_r)
  show("alpha.drop$std.alpha", a$alpha.drop$std.alpha)
}

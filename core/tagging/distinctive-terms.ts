/**
 * Which terms set one group of texts apart from another: the weighted log-odds ratio with an informative
 * Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words" (Political Analysis 16(4), eq. 16-22).
 *
 * For term w with counts y_i (the topic) and y_j (the rest) out of totals n_i and n_j, and a prior count
 * a_w = a_0 · (y_i + y_j) / (n_i + n_j), i.e. the pooled frequency scaled to a prior weight a_0:
 *
 *   delta_w = log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))
 *   var_w  ≈ 1 / (y_i + a_w) + 1 / (y_j + a_w)
 *   z_w    = delta_w / sqrt(var_w)
 *
 * The prior is what keeps frequent words from dominating: a word both groups use at the same rate has
 * delta 0, however common it is, and a rare word seen a few times in one group only gets a modest z because
 * the prior pulls its rates together. z (not delta) is the rank, so the certainty behind a difference counts.
 */

export interface LogOddsOptions {
  /**
   * The prior's total weight a_0. Default: the pooled total n_i + n_j, so each term's prior count is its pooled
   * count (the corpus itself as the informative prior, as Monroe et al. use the full corpus).
   */
  priorWeight?: number;
}

export interface LogOddsScores {
  /** The log-odds ratio of each term, topic against rest. */
  delta: Float64Array;
  /** delta over its standard error: the rank. */
  z: Float64Array;
}

/**
 * Scores terms given their counts in the topic and in the rest (parallel arrays, one entry per term; counts
 * may be fractional, e.g. reweighted). The totals are the sums of the arrays.
 */
export function logOddsScores(
  topic: ArrayLike<number>,
  rest: ArrayLike<number>,
  options: LogOddsOptions = {},
): LogOddsScores {
  if (topic.length !== rest.length) throw new Error("logOddsScores: topic and rest differ in length");
  const terms = topic.length;
  let nTopic = 0;
  let nRest = 0;
  for (let w = 0; w < terms; w++) {
    nTopic += topic[w]!;
    nRest += rest[w]!;
  }
  const pooled = nTopic + nRest;
  const a0 = options.priorWeight ?? pooled;
  const delta = new Float64Array(terms);
  const z = new Float64Array(terms);
  if (pooled === 0) return { delta, z };
  for (let w = 0; w < terms; w++) {
    const yi = topic[w]!;
    const yj = rest[w]!;
    const aw = (a0 * (yi + yj)) / pooled;
    const otherTopic = nTopic + a0 - yi - aw;
    const otherRest = nRest + a0 - yj - aw;
    // A term with no count anywhere, or the only term of a vocabulary, has no odds to compare.
    if (aw === 0 || otherTopic <= 0 || otherRest <= 0) continue;
    const d = Math.log((yi + aw) / otherTopic) - Math.log((yj + aw) / otherRest);
    delta[w] = d;
    z[w] = d / Math.sqrt(1 / (yi + aw) + 1 / (yj + aw));
  }
  return { delta, z };
}

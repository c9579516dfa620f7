/**
 * Pairwise precision and recall of a clustering against labels: of the pairs put in one cluster, the share that
 * the labels put in one story (precision), and of the pairs the labels put in one story, the share the clustering
 * found (recall). The usual measure for near-duplicate clustering, since it weighs a big story by its pairs.
 */
export interface PairwiseScore {
  precision: number;
  recall: number;
  /** Pairs in one predicted cluster, in one labeled story, and in both. */
  predictedPairs: number;
  labeledPairs: number;
  truePairs: number;
}

export function pairwiseScore(
  labels: readonly string[],
  clusters: readonly (string | number)[],
): PairwiseScore {
  let predictedPairs = 0;
  let labeledPairs = 0;
  let truePairs = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const sameLabel = labels[i] === labels[j];
      const sameCluster = clusters[i] === clusters[j];
      if (sameLabel) labeledPairs++;
      if (sameCluster) predictedPairs++;
      if (sameLabel && sameCluster) truePairs++;
    }
  }
  return {
    precision: predictedPairs === 0 ? 1 : truePairs / predictedPairs,
    recall: labeledPairs === 0 ? 1 : truePairs / labeledPairs,
    predictedPairs,
    labeledPairs,
    truePairs,
  };
}

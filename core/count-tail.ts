/**
 * Upper tails of count distributions, for the spike rule (spike-rule.ts): how likely a count at least this high
 * is for a topic with a given mean and variance per bucket. A variance at or below the mean is Poisson; above
 * it, the negative binomial with that mean and variance (moments matched, as Noufaily et al. 2013 plug them in).
 *
 * Exact tails, not a normal approximation: at the low counts of a quiet topic (a mean of 0.5 a day) the normal
 * bar mean + 3 sd is 2.6, but 3 articles then happen once in 10 weeks (p = 0.014, not 0.001); the exact Poisson
 * bar at 0.001 is 5.
 */

/** P(X >= count) for a count distribution with this mean and variance (variance below the mean: Poisson). */
export function upperTail(count: number, mean: number, variance: number): number {
  if (count <= 0) return 1;
  if (mean <= 0) return 0;
  if (variance <= mean) return gammaP(count, mean);
  // Negative binomial with size r and success probability p: mean r(1-p)/p, variance mean + mean^2 / r.
  const r = (mean * mean) / (variance - mean);
  const p = r / (r + mean);
  // P(X <= c - 1) = I_p(r, c), so P(X >= c) = I_{1-p}(c, r).
  return betaI(count, r, 1 - p);
}

/**
 * The smallest whole count whose upper tail is at most `alpha`: a count this high or higher happens in fewer
 * than `alpha` of the buckets of a topic with this mean and variance.
 */
export function upperQuantile(mean: number, variance: number, alpha: number): number {
  if (mean <= 0) return 1;
  let high = Math.max(1, Math.ceil(mean + 4 * Math.sqrt(Math.max(mean, variance))) + 5);
  while (upperTail(high, mean, variance) > alpha) high *= 2;
  let low = 0; // upperTail(0) = 1 > alpha
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (upperTail(mid, mean, variance) > alpha) low = mid;
    else high = mid;
  }
  return high;
}

const EPSILON = 1e-14;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularized lower incomplete gamma function P(a, x): P(Poisson(x) >= a) for whole a >= 1. */
function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const front = Math.exp(a * Math.log(x) - x - logGamma(a));
  if (x < a + 1) {
    // The series converges fast here and keeps tiny tails exact.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return Math.min(1, sum * front);
  }
  // The continued fraction for Q(a, x) = 1 - P(a, x) (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return Math.max(0, 1 - front * h);
}

/** The regularized incomplete beta function I_x(a, b). */
function betaI(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The continued fraction converges fast on one side of the mean; use the symmetry on the other.
  if (x < (a + 1) / (a + b + 2)) return Math.min(1, (front * betaFraction(a, b, x)) / a);
  return Math.max(0, 1 - (front * betaFraction(b, a, 1 - x)) / b);
}

function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return h;
}

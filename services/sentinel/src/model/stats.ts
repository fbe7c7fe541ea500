// Small robust statistics: medians by selection, the normal CDF.

// Module-level names for Math and Number: a global lookup per call is slow in a VM sandbox (Jest's).
const { abs, exp, SQRT2 } = Math;
const { isFinite } = Number;

/** The median of `values` (reorders the array it is given). NaN for an empty array. */
export function medianInPlace(values: Float64Array | number[], length = values.length): number {
  if (length === 0) return NaN;
  const mid = length >> 1;
  const hi = select(values, mid, length);
  if (length % 2 === 1) return hi;
  // The lower middle is the largest value left of `mid` after selection.
  let lo = -Infinity;
  for (let i = 0; i < mid; i++) if (values[i]! > lo) lo = values[i]!;
  return (lo + hi) / 2;
}

export function median(values: readonly number[]): number {
  return medianInPlace(values.slice());
}

/** Hoare's quickselect: puts the k-th smallest at index k, smaller ones left of it. */
function select(a: Float64Array | number[], k: number, length: number): number {
  let left = 0;
  let right = length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}

/** Φ(z), the standard normal CDF (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  if (!isFinite(z)) return z > 0 ? 1 : 0;
  const x = abs(z) / SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

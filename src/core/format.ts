// Vietnamese number formatting (TCVN / NĐ 30/2020 usage): "," is the decimal
// mark and "." groups thousands, so 1234.5 prints as "1.234,5". Done by hand,
// not with Intl, so output does not depend on the ICU data of the runtime.

/**
 * Formats a number Vietnamese-style. With `decimals` the output has exactly that
 * many decimals; without it, integers print bare and fractions keep up to two
 * decimals with trailing zeros dropped. Non-finite numbers print as "—".
 */
export function formatNumberVi(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return "—";
  const places = decimals === undefined ? 2 : Math.max(0, Math.min(20, Math.trunc(decimals)));
  let fixed = Math.abs(n).toFixed(places);
  if (decimals === undefined && fixed.includes(".")) fixed = fixed.replace(/\.?0+$/, "");
  const [intPart = "0", fracPart] = fixed.split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const negative = n < 0 && /[1-9]/.test(fixed);
  return `${negative ? "-" : ""}${grouped}${fracPart ? `,${fracPart}` : ""}`;
}

/** "12,5%" — a percentage value (already × 100). */
export function formatPercentVi(n: number, decimals = 1): string {
  return `${formatNumberVi(n, decimals)}%`;
}

/** "02/10/2015" from an ISO date "2015-10-02"; other input is returned unchanged. */
export function formatDateVi(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

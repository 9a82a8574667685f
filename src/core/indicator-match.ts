// Which national (or upper-plan) indicator does an imported indicator implement?
// Plans copy the upper sentence but wrap it in their own words ("tiếp tục phấn
// đấu …", "đạt 60% trở lên"), drop a clause or swap "tỷ lệ" for "tỷ trọng", so an
// exact comparison fails. The score is a weighted overlap of syllables and
// syllable pairs on folded text (rare words weigh more, as in TF-IDF), plus a
// bonus when the goal's domain and the target unit agree. Pure: the service
// fetches the candidates, this decides; the officer accepts or changes.

import type { GoalDomain, TargetUnit } from "./plan";
import { foldVietnamese } from "./text";

export interface MatchSubject {
  text: string;
  domain: GoalDomain | null;
  /** Units of the indicator's targets; empty when it has none (qualitative). */
  units: readonly (TargetUnit | null)[];
}

export interface MatchCandidate extends MatchSubject {
  /** Whatever the caller uses to find the candidate again, e.g. "catalogue:12". */
  key: string;
}

export interface MatchReason {
  /** Weighted text overlap, 0–1. */
  textScore: number;
  /** Folded words both sentences share, most telling first. */
  shared: string[];
  /** null when either side has no domain / no unit. */
  domainAgrees: boolean | null;
  unitAgrees: boolean | null;
}

export interface IndicatorMatch {
  key: string;
  /** 0–1; 1 is a perfect textual, domain and unit agreement. */
  score: number;
  reason: MatchReason;
}

// Wording that every indicator or target clause carries: it says nothing about *which* indicator.
const STOPWORDS = new Set(
  (
    "va cua cac trong tren duoc co la cho voi theo den tu nhung mot so de ve o khi nay do " +
    "dat tang giam len xuong con duoi tro muc it nhat toi thieu toi da khong qua hon " +
    "tiep tuc phan dau duy tri bao dam dam bao nam moi hang thuc hien chi tieu muc tieu"
  ).split(" "),
);

const TEXT_WEIGHT = 0.8;
const DOMAIN_WEIGHT = 0.12;
const UNIT_WEIGHT = 0.08;

/** Folded syllables without numbers, punctuation or stopwords. */
export function matchTokens(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

/** Syllables and adjacent pairs: "lao dong" is worth more than "lao" and "dong" apart. */
function features(text: string): Set<string> {
  const words = matchTokens(text);
  const out = new Set(words);
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/** Inverse document frequency over the candidates, so a word every indicator has counts little. */
function idfOf(sets: readonly Set<string>[]): (feature: string) => number {
  const df = new Map<string, number>();
  for (const s of sets) for (const f of s) df.set(f, (df.get(f) ?? 0) + 1);
  const n = sets.length;
  return (f) => Math.log(1 + (n + 1) / ((df.get(f) ?? 0) + 1)) * (f.includes(" ") ? 1.5 : 1);
}

function weight(set: Set<string>, idf: (f: string) => number): number {
  let total = 0;
  for (const f of set) total += idf(f);
  return total;
}

/**
 * Weighted overlap: the shared weight over the candidate's own weight (the
 * imported sentence usually holds the catalogue sentence plus extra words),
 * blended with a weighted Jaccard so a short candidate does not win by default.
 */
function textSimilarity(query: Set<string>, candidate: Set<string>, idf: (f: string) => number) {
  const shared = [...query].filter((f) => candidate.has(f));
  const sharedWeight = shared.reduce((s, f) => s + idf(f), 0);
  const cw = weight(candidate, idf);
  const qw = weight(query, idf);
  const containment = cw > 0 ? sharedWeight / cw : 0;
  const jaccard = qw + cw - sharedWeight > 0 ? sharedWeight / (qw + cw - sharedWeight) : 0;
  const sharedWords = shared.filter((f) => !f.includes(" ")).sort((a, b) => idf(b) - idf(a));
  return { score: 0.65 * containment + 0.35 * jaccard, shared: sharedWords };
}

function unitAgreement(a: readonly (TargetUnit | null)[], b: readonly (TargetUnit | null)[]): boolean | null {
  const ua = a.filter((u): u is TargetUnit => u !== null);
  const ub = b.filter((u): u is TargetUnit => u !== null);
  if (ua.length === 0 || ub.length === 0) return null;
  return ua.some((u) => ub.includes(u));
}

export interface RankOptions {
  /** How many candidates to return, best first. Default 3. */
  limit?: number;
  /** Candidates scoring below this are left out. Default 0.1. */
  minScore?: number;
}

/** The candidates an imported indicator most likely implements, best first. */
export function rankIndicatorMatches(
  subject: MatchSubject,
  candidates: readonly MatchCandidate[],
  options: RankOptions = {},
): IndicatorMatch[] {
  const { limit = 3, minScore = 0.1 } = options;
  if (candidates.length === 0) return [];
  const candidateFeatures = candidates.map((c) => features(c.text));
  const idf = idfOf(candidateFeatures);
  const query = features(subject.text);
  const out: IndicatorMatch[] = candidates.map((c, i) => {
    const text = textSimilarity(query, candidateFeatures[i] ?? new Set(), idf);
    const domainAgrees = subject.domain && c.domain ? subject.domain === c.domain : null;
    const unitAgrees = unitAgreement(subject.units, c.units);
    const bonus = (domainAgrees === true ? DOMAIN_WEIGHT : 0) + (unitAgrees === true ? UNIT_WEIGHT : 0);
    // An agreement only counts when the words already point there: a shared domain alone is no match.
    const score = text.score > 0.05 ? TEXT_WEIGHT * text.score + bonus : TEXT_WEIGHT * text.score;
    return {
      key: c.key,
      score: Math.round(Math.min(1, score) * 1000) / 1000,
      reason: {
        textScore: Math.round(text.score * 1000) / 1000,
        shared: text.shared.slice(0, 8),
        domainAgrees,
        unitAgrees,
      },
    };
  });
  return out
    .filter((m) => m.score >= minScore)
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** The score from which a match is proposed as accepted; below it the officer chooses. */
export const ACCEPT_THRESHOLD = 0.35;

/**
 * Vietnamese one-liner for the review screen: why this candidate was proposed.
 * Shared words are shown as the candidate writes them ("hưởng", not "huong").
 */
export function describeMatch(reason: MatchReason, candidateText = ""): string {
  const written = new Map<string, string>();
  for (const word of candidateText.split(/[^\p{L}\p{N}]+/u)) {
    const folded = foldVietnamese(word);
    if (folded && !written.has(folded)) written.set(folded, word.toLocaleLowerCase("vi"));
  }
  const words = reason.shared.slice(0, 5).map((w) => written.get(w) ?? w);
  const parts = [`trùng từ: ${words.join(", ") || "—"}`];
  if (reason.domainAgrees !== null) parts.push(reason.domainAgrees ? "cùng lĩnh vực" : "khác lĩnh vực");
  if (reason.unitAgrees !== null) parts.push(reason.unitAgrees ? "cùng đơn vị đo" : "khác đơn vị đo");
  return parts.join("; ");
}

/**
 * A seeded synthetic fact-check library for the scale benchmark (bench/library-scale.bench.ts):
 * ClaimReviews that read like a fact-checker's feed — claims built from the CheckThat! claims' own
 * vocabulary (so common and rare words keep their natural proportions), people's names, places,
 * numbers, years, claimants, publishers, ratings and dates — the same for the same seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 as seeded } from './seed';

const DATA = join(__dirname, 'data', 'checkthat-2020');

const FIRST = ['James', 'Maria', 'Ahmed', 'Li', 'Olga', 'Kwame', 'Priya', 'Carlos', 'Fatima', 'John', 'Anna', 'Yusuf', 'Mei', 'Pierre', 'Sofia',
  'Rahul', 'Elena', 'Tomasz', 'Aisha', 'Diego', 'Hannah', 'Kenji', 'Zanele', 'Omar', 'Ingrid', 'Mateo', 'Leila', 'Viktor', 'Grace', 'Ravi'];
const SYLLABLES = ['an', 'ber', 'cor', 'dal', 'el', 'fen', 'gar', 'hol', 'is', 'jor', 'kel', 'lin', 'mar', 'nov', 'os', 'per', 'quin', 'ros',
  'sten', 'tor', 'ul', 'ven', 'wal', 'xan', 'yor', 'zel', 'ba', 'ci', 'do', 'fu', 'ga', 'hi', 'ko', 'lu', 'me', 'ni', 'po', 'ra', 'si', 'ta'];
const PLACES = ['Texas', 'Ohio', 'Lagos', 'Mumbai', 'Berlin', 'Ontario', 'Kenya', 'Brazil', 'Manila', 'Chicago', 'Scotland', 'Sydney', 'Madrid',
  'Nairobi', 'Jakarta', 'Florida', 'Quebec', 'Warsaw', 'Cairo', 'Lima', 'Seoul', 'Arizona', 'Bavaria', 'Punjab', 'Cork', 'Accra', 'Oslo', 'Perth'];
const PUBLISHERS = ['Snopes', 'PolitiFact', 'Full Fact', 'FactCheck.org', 'AFP Fact Check', 'Reuters Fact Check', 'Lead Stories', 'Africa Check',
  'Chequeado', 'Maldita', 'Correctiv', 'Boom', 'Vera Files', 'Teyit', 'Newtral', 'Logically', 'AAP FactCheck', 'Check Your Fact', 'Aos Fatos',
  'Pagella Politica', 'Les Décodeurs', 'Faktisk', 'Demagog', 'Rappler', 'The Quint', 'Alt News', 'Factly', 'Animal Político', 'Delfi', 'Stopfake'];
const RATINGS: [string, number][] = [['False', 1], ['Mostly false', 2], ['Half true', 3], ['Mostly true', 4], ['True', 5], ['Misleading', 2],
  ['Missing context', 3], ['Unproven', 3], ['Pants on fire', 1], ['Satire', 1]];
const UNITS = ['percent', 'million', 'billion', 'dollars', 'people', 'jobs', 'votes', 'deaths', 'cases', 'years', 'tonnes', 'miles'];

/** The CheckThat! claims' words, each as often as it occurs there: a natural spread of common and rare words. */
function vocabulary(): string[] {
  const lines = readFileSync(join(DATA, 'verified_claims.docs.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return lines.flatMap((line) => line.split('\t')[1]?.split(/\s+/) ?? []).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => /^\p{L}[\p{L}'-]*$/u.test(w));
}

export interface SyntheticReview {
  '@context': string;
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  headline: string;
  datePublished: string;
  author: { '@type': 'Organization'; name: string };
  itemReviewed: { '@type': 'Claim'; author: { '@type': 'Person'; name: string } };
  reviewRating: { '@type': 'Rating'; alternateName: string; ratingValue: number; bestRating: number; worstRating: number };
  inLanguage: string;
}

/**
 * The library's fact-checks `from`..`to` (exclusive) for a seed: each one depends only on the seed and
 * its own index, so a library can be generated in slices and is the same however it is sliced.
 */
export class SyntheticLibrary {
  private readonly words = vocabulary();
  /** 30 × 40 × 40 × 40 ≈ 2 million surnames: most names are rare, as in a real library. */
  private surname(random: () => number): string {
    const n = 2 + Math.floor(random() * 2);
    const s = Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
    return s[0].toUpperCase() + s.slice(1);
  }

  constructor(private readonly seed = 13) {}

  review(index: number): SyntheticReview {
    const random = seeded(this.seed * 1_000_003 + index);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const word = (): string => this.words[Math.floor(random() * this.words.length)];
    const person = `${pick(FIRST)} ${this.surname(random)}`;
    const place = pick(PLACES);
    const number = random() < 0.5 ? String(Math.floor(random() * 1000)) : `${Math.floor(random() * 100)},${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
    const year = String(1990 + Math.floor(random() * 36));
    const parts = Array.from({ length: 8 + Math.floor(random() * 14) }, word);
    // Names, places and numbers land anywhere in the sentence, as they do in claims.
    const at = (): number => Math.floor(random() * (parts.length + 1));
    parts.splice(at(), 0, person);
    if (random() < 0.6) parts.splice(at(), 0, 'in', place);
    if (random() < 0.7) parts.splice(at(), 0, number, pick(UNITS));
    if (random() < 0.4) parts.splice(at(), 0, 'in', year);
    const claim = `${parts.join(' ')}.`;
    const claim0 = claim[0].toUpperCase() + claim.slice(1);
    const headline = random() < 0.5 ? `Did ${person} ${parts.slice(0, 6 + Math.floor(random() * 5)).filter((p) => p !== person).join(' ')}?`
      : `Fact check: ${Array.from({ length: 6 + Math.floor(random() * 6) }, word).join(' ')} ${place}`;
    const [label, value] = pick(RATINGS);
    const publisher = pick(PUBLISHERS);
    const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(random() * 14 * 365) * 86_400_000).toISOString().slice(0, 10);
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://${publisher.toLowerCase().replace(/[^a-z]+/g, '')}.example/fact-check/${this.seed}/${index}`,
      claimReviewed: claim0,
      headline,
      datePublished: day,
      author: { '@type': 'Organization', name: publisher },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: random() < 0.5 ? person : `${pick(FIRST)} ${this.surname(random)}` } },
      reviewRating: { '@type': 'Rating', alternateName: label, ratingValue: value, bestRating: 5, worstRating: 1 },
      inLanguage: 'en',
    };
  }

  /** The feed text of fact-checks `from`..`to` as an array, in chunks as a client would stream it. */
  *feed(from: number, to: number, chunkItems = 200): Generator<Buffer> {
    for (let i = from; i < to; i += chunkItems) {
      const items: string[] = [];
      for (let j = i; j < Math.min(to, i + chunkItems); j++) items.push(JSON.stringify(this.review(j)));
      yield Buffer.from(`${i === from ? '[' : ','}${items.join(',')}${i + chunkItems >= to ? ']' : ''}`);
    }
  }

  /**
   * A query about fact-check `index` as a reviewer would meet it: part of its claim, reworded a
   * little (words dropped and swapped), with a handle and a link as a post carries them.
   */
  query(index: number): string {
    const random = seeded(this.seed * 7_919 + index);
    const words = this.review(index).claimReviewed.replace(/\.$/, '').split(' ');
    const kept = words.filter(() => random() > 0.3);
    if (kept.length > 3 && random() < 0.5) [kept[0], kept[1]] = [kept[1], kept[0]];
    return `@someone ${kept.join(' ')} https://t.co/${Math.floor(random() * 1e9).toString(36)}`;
  }
}

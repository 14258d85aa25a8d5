import type { ArticleReport, ReportHeader } from '../report.model';
import { dateOnly } from './labels';

// Enough transliteration for Cyrillic and Greek titles to give a readable ASCII file name.
const TRANSLITERATION: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i',
  й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', þ: 'th',
};

/** An ASCII slug: lower case, words joined by `-`, at most `max` characters, cut at a word end. */
export function slugify(text: string, max = 60): string {
  const ascii = Array.from(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase(), (char) => TRANSLITERATION[char] ?? char).join('');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, '');
}

export type FileNameSubject = Pick<ReportHeader, 'generatedAt' | 'period'> & { articles?: readonly Pick<ArticleReport, 'id' | 'title'>[] };

/**
 * The file a report downloads as: `claimdesk-report-<article title>-<date>.<ext>` for one article,
 * `claimdesk-report-<from>-to-<to>.<ext>` for a period. ASCII only, so it survives any
 * Content-Disposition header and file system.
 */
export function reportBaseName(subject: FileNameSubject): string {
  if (subject.period) {
    return `claimdesk-report-${dateOnly(subject.period.from)}-to-${dateOnly(subject.period.to)}`;
  }
  const article = subject.articles?.length === 1 ? subject.articles[0] : undefined;
  const topic = article ? slugify(article.title) || `article-${slugify(article.id).slice(0, 8)}` : 'articles';
  return `claimdesk-report-${topic}-${dateOnly(subject.generatedAt)}`;
}

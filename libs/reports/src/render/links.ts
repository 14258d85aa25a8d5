import { trimTrailing } from '@claimdesk/core';

/** URLs a report links to. */

/** The public page of a claim's review: CLAIMDESK_REVIEW_URL with `{claimId}` filled in. */
export function reviewUrl(template: string, claimId: string): string {
  return template.split('{claimId}').join(encodeURIComponent(claimId));
}

/** ClaimDesk's own page for an article without a URL of its own. */
export function articlePageUrl(publicUrl: string, articleId: string): string {
  return `${trimSlash(publicUrl)}/articles/${encodeURIComponent(articleId)}`;
}

/** Only http(s) URLs become links: a `javascript:` or `data:` URL in user data stays plain text. */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export function trimSlash(url: string): string {
  return trimTrailing(url, '/');
}

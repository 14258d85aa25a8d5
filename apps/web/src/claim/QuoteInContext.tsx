import type { Claim } from '../api/types';

/** The quote with the text around it, so a reviewer sees what the claim says in its sentence. */
export function QuoteInContext({ claim }: { claim: Claim }) {
  return (
    <figure className="quote-context">
      <blockquote data-testid="quote-in-context">
        {claim.prefix && <span className="context">…{claim.prefix}</span>}
        <mark className="quote-exact">{claim.quote}</mark>
        {claim.suffix && <span className="context">{claim.suffix}…</span>}
      </blockquote>
      {claim.anchor === 'fuzzy' && <figcaption className="callout callout-warning">The text changed and this span was found only approximately. Check it still covers the claim, and re-mark it if not.</figcaption>}
      {claim.anchor === 'orphaned' && <figcaption className="callout callout-warning">The text changed and this quote is no longer in the article. It keeps its last quote; re-mark it or delete it.</figcaption>}
    </figure>
  );
}

import type { Claim } from '../api/types';

/**
 * The quote with the text around it, so a reviewer sees what the claim says in its sentence. For an
 * orphaned claim these are its last quote and context, from before the text changed (ReanchorSection
 * says what to do about it).
 */
export function QuoteInContext({ claim }: { claim: Claim }) {
  return (
    <figure className="quote-context">
      {claim.anchor === 'orphaned' && <figcaption className="small muted">Last quote, before the text changed</figcaption>}
      <blockquote data-testid="quote-in-context">
        {claim.prefix && <span className="context">…{claim.prefix}</span>}
        <mark className="quote-exact">{claim.quote}</mark>
        {claim.suffix && <span className="context">{claim.suffix}…</span>}
      </blockquote>
    </figure>
  );
}

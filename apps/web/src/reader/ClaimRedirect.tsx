import { useEffect, useState } from 'react';
import { claims } from '../api/desk';
import { ApiError } from '../api/http';
import { articlePath, Link, navigate } from '../routing/router';

/** /claims/:id (the review URL in reports) opens the claim in its article. */
export function ClaimRedirect({ claimId }: { claimId: string }) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    claims.get(claimId).then(
      (claim) => navigate(articlePath(claim.articleId, claim.id), { replace: true }),
      (e: unknown) => setError(e instanceof ApiError ? e.message : 'The claim could not be loaded.'),
    );
  }, [claimId]);
  return (
    <main id="main" className="page">
      {error ? (
        <>
          <h1>Claim not found</h1>
          <p role="alert">{error}</p>
          <p><Link href="/">Back to the articles</Link></p>
        </>
      ) : (
        <p role="status">Opening the claim…</p>
      )}
    </main>
  );
}

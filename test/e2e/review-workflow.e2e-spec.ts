import { bearer, SignedInUser, TestDesk } from '../support/test-app';

describe('review workflow (e2e)', () => {
  let desk: TestDesk;
  let author: SignedInUser;
  let colleague: SignedInUser;
  let editor: SignedInUser;
  let otherEditor: SignedInUser;
  let articleId: string;

  beforeAll(async () => {
    desk = await TestDesk.start();
    author = await desk.user('reviewer', 'Ana Author');
    colleague = await desk.user('reviewer', 'Cole League');
    editor = await desk.user('editor', 'Eda Editor');
    otherEditor = await desk.user('editor', 'Otto Editor');
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(author)).send({ format: 'text', content: 'The minister said unemployment halved in 2024. Exports rose by 12 percent. Crime fell to a record low.' }).expect(201)).body.id;
  });
  afterAll(() => desk.close());

  const newClaim = async (exact: string) =>
    (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(author)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body as { id: string };
  const attach = (claimId: string, url = 'https://stats.example.gov/unemployment') =>
    desk.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(author)).send({ source: { url, title: 'Labour statistics', kind: 'official' }, stance: 'refutes', excerpt: 'fell by 8%' });
  const draft = async (claimId: string, body: Record<string, unknown> = { rating: 'mostly-false', rationale: 'The figure fell by 8%, not 50%.', confidence: 0.8 }) =>
    (await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(author)).send(body).expect(201)).body as { id: string; version: number };
  const act = (user: SignedInUser, verdictId: string, action: string, body: Record<string, unknown> = {}) =>
    desk.http.post(`/api/v1/verdicts/${verdictId}/${action}`).set(...bearer(user)).send(body);

  describe('annotations', () => {
    it('keeps a threaded discussion in thread order', async () => {
      const claim = await newClaim('unemployment halved');
      const post = (user: SignedInUser, body: string, parentId?: string) =>
        desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(user)).send({ body, parentId, motivation: parentId ? 'commenting' : 'questioning' }).expect(201);
      const root = (await post(author, 'Where does **50%** come from?')).body;
      const second = (await post(colleague, 'Second thread')).body;
      const reply = (await post(colleague, 'The ministry press release.', root.id)).body;
      const nested = (await post(author, 'Thanks', reply.id)).body;
      expect(root).toMatchObject({ claimId: claim.id, parentId: null, authorId: author.id, motivation: 'questioning', editedAt: null, version: 1 });
      const list = await desk.http.get(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(editor)).expect(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([root.id, reply.id, nested.id, second.id]);
    });

    it('lets only the author edit, and marks the edit', async () => {
      const claim = await newClaim('Exports rose');
      const note = (await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(author)).send({ body: 'draft note' }).expect(201)).body;
      await desk.http.patch(`/api/v1/annotations/${note.id}`).set(...bearer(editor)).send({ body: 'hijacked' }).expect(403);
      const edited = await desk.http.patch(`/api/v1/annotations/${note.id}`).set(...bearer(author)).set('If-Match', '"1"').send({ body: 'final note' }).expect(200);
      expect(edited.body).toMatchObject({ body: 'final note', version: 2 });
      expect(edited.body.editedAt).not.toBeNull();
      await desk.http.patch(`/api/v1/annotations/${note.id}`).set(...bearer(author)).set('If-Match', '"1"').send({ body: 'stale' }).expect(412);
    });

    it('refuses empty, oversized and misplaced notes', async () => {
      const claim = await newClaim('by 12 percent');
      await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(author)).send({ body: '' }).expect(422);
      await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(author)).send({ body: 'x'.repeat(20_001) }).expect(422);
      await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(author)).send({ body: 'x', motivation: 'shouting' }).expect(422);
      await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(author)).send({ body: 'x', parentId: '00000000-0000-4000-8000-000000000000' }).expect(422);
      await desk.http.post('/api/v1/claims/nope/annotations').set(...bearer(author)).send({ body: 'x' }).expect(404);
    });

    it('keeps a deleted note with replies as a tombstone; editors moderate', async () => {
      const claim = await newClaim('record low');
      const root = (await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(author)).send({ body: 'root' }).expect(201)).body;
      const reply = (await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(colleague)).send({ body: 'reply', parentId: root.id }).expect(201)).body;
      await desk.http.delete(`/api/v1/annotations/${root.id}`).set(...bearer(colleague)).expect(403);
      await desk.http.delete(`/api/v1/annotations/${root.id}`).set(...bearer(author)).expect(204);
      let list = (await desk.http.get(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(author)).expect(200)).body.items;
      expect(list).toEqual([expect.objectContaining({ id: root.id, body: null, deleted: true }), expect.objectContaining({ id: reply.id, body: 'reply' })]);
      await desk.http.delete(`/api/v1/annotations/${reply.id}`).set(...bearer(editor)).expect(204);
      list = (await desk.http.get(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(author)).expect(200)).body.items;
      expect(list).toEqual([]);
    });

    it('removes the thread with its claim', async () => {
      const claim = await newClaim('Crime fell');
      const note = (await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(author)).send({ body: 'bye' }).expect(201)).body;
      await desk.http.delete(`/api/v1/claims/${claim.id}`).set(...bearer(editor)).expect(204);
      await desk.http.get(`/api/v1/annotations/${note.id}`).set(...bearer(author)).expect(404);
    });
  });

  describe('sources', () => {
    it('deduplicates by normalised URL: 201 for new, 200 for known', async () => {
      const first = await desk.http.post('/api/v1/sources').set(...bearer(author)).send({ url: 'HTTPS://Data.Example.org:443/Report?utm_source=x&id=7#top', title: 'Report' }).expect(201);
      expect(first.body).toMatchObject({ normalizedUrl: 'https://data.example.org/Report?id=7', kind: 'other', version: 1 });
      const again = await desk.http.post('/api/v1/sources').set(...bearer(colleague)).send({ url: 'https://data.example.org/Report?id=7&fbclid=abc' }).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const byUrl = await desk.http.get('/api/v1/sources?url=https://data.example.org/Report%3Fid%3D7%23x').set(...bearer(author)).expect(200);
      expect(byUrl.body.items.map((s: { id: string }) => s.id)).toEqual([first.body.id]);
      const byText = await desk.http.get('/api/v1/sources?q=repo').set(...bearer(author)).expect(200);
      expect(byText.body.items.map((s: { id: string }) => s.id)).toContain(first.body.id);
    });

    it('accepts only http(s) URLs', async () => {
      for (const url of ['ftp://example.org/x', 'javascript:alert(1)', 'example.org']) {
        const res = await desk.http.post('/api/v1/sources').set(...bearer(author)).send({ url }).expect(422);
        expect(res.body.code).toBe('validation_failed');
      }
    });

    it('attaches one source to many claims with a stance, once per claim', async () => {
      const a = await newClaim('The minister');
      const b = await newClaim('halved in 2024');
      const linked = await attach(a.id, 'https://example.org/evidence').expect(201);
      expect(linked.body).toMatchObject({ claimId: a.id, stance: 'refutes', excerpt: 'fell by 8%', addedBy: author.id, source: { url: 'https://example.org/evidence' } });
      await desk.http.post(`/api/v1/claims/${b.id}/sources`).set(...bearer(colleague)).send({ sourceId: linked.body.sourceId, stance: 'context' }).expect(201);
      const dup = await desk.http.post(`/api/v1/claims/${a.id}/sources`).set(...bearer(colleague)).send({ sourceId: linked.body.sourceId, stance: 'supports' }).expect(409);
      expect(dup.body.code).toBe('already_exists');
      await desk.http.post(`/api/v1/claims/${a.id}/sources`).set(...bearer(colleague)).send({ sourceId: linked.body.sourceId, stance: 'agrees' }).expect(422);
      const list = await desk.http.get(`/api/v1/claims/${a.id}/sources`).set(...bearer(editor)).expect(200);
      expect(list.body.items).toHaveLength(1);
      await desk.http.delete(`/api/v1/claims/${a.id}/sources/${linked.body.sourceId}`).set(...bearer(author)).expect(204);
      expect((await desk.http.get(`/api/v1/claims/${a.id}/sources`).set(...bearer(editor)).expect(200)).body.items).toEqual([]);
      expect((await desk.http.get(`/api/v1/claims/${b.id}/sources`).set(...bearer(editor)).expect(200)).body.items).toHaveLength(1);
    });
  });

  describe('verdicts', () => {
    it('lists the built-in rating scales', async () => {
      const scales = await desk.http.get('/api/v1/rating-scales').set(...bearer(author)).expect(200);
      const six = scales.body.items.find((s: { id: string }) => s.id === 'claimdesk-6');
      expect(six).toMatchObject({ bestRating: 5, worstRating: 1 });
      expect(six.levels.map((l: { key: string; value: number | null }) => [l.key, l.value])).toEqual([['true', 5], ['mostly-true', 4], ['mixed', 3], ['mostly-false', 2], ['false', 1], ['unsupported', null]]);
      const tom = scales.body.items.find((s: { id: string }) => s.id === 'truth-o-meter');
      expect(tom.levels.map((l: { key: string }) => l.key)).toEqual(['true', 'mostly-true', 'half-true', 'mostly-false', 'false', 'pants-on-fire']);
    });

    it('lets admins add a scale, once', async () => {
      const scale = { id: 'newsroom-3', name: 'Three', bestRating: 3, worstRating: 1, levels: [{ key: 'right', label: 'Right', value: 3, description: '' }, { key: 'wrong', label: 'Wrong', value: 1, description: '' }] };
      await desk.http.post('/api/v1/rating-scales').set(...bearer(editor)).send(scale).expect(403);
      await desk.http.post('/api/v1/rating-scales').set(...bearer(desk.admin)).send(scale).expect(201);
      expect((await desk.http.post('/api/v1/rating-scales').set(...bearer(desk.admin)).send(scale).expect(409)).body.code).toBe('already_exists');
      await desk.http.post('/api/v1/rating-scales').set(...bearer(desk.admin)).send({ ...scale, id: 'bad-one', levels: [scale.levels[0], scale.levels[0]] }).expect(422);
    });

    it('runs draft → submitted → approved → published, and the claim follows', async () => {
      const claim = await newClaim('unemployment halved in 2024');
      const verdict = await draft(claim.id);
      expect(verdict).toMatchObject({ status: 'draft', scaleId: 'claimdesk-6', rating: 'mostly-false', ratingLabel: 'Mostly false', ratingValue: 2, confidence: 0.8, authorId: author.id });
      const noSource = await act(author, verdict.id, 'submit').expect(409);
      expect(noSource.body.code).toBe('source_required');
      await attach(claim.id).expect(201);
      await act(colleague, verdict.id, 'submit').expect(403);
      const submitted = await act(author, verdict.id, 'submit').expect(200);
      expect(submitted.body.status).toBe('submitted');
      expect((await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(author))).body.status).toBe('in_review');
      const locked = await desk.http.patch(`/api/v1/verdicts/${verdict.id}`).set(...bearer(author)).send({ rating: 'false' }).expect(409);
      expect(locked.body.code).toBe('verdict_locked');
      await act(colleague, verdict.id, 'approve').expect(403);
      const early = await act(editor, verdict.id, 'publish').expect(409);
      expect(early.body.code).toBe('invalid_transition');
      const approved = await act(editor, verdict.id, 'approve').expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', reviewedBy: editor.id });
      const published = await act(otherEditor, verdict.id, 'publish').expect(200);
      expect(published.body.status).toBe('published');
      expect(published.body.publishedAt).not.toBeNull();
      expect((await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(author))).body.status).toBe('resolved');
      await desk.http.patch(`/api/v1/verdicts/${verdict.id}`).set(...bearer(author)).send({ rationale: 'rewrite history' }).expect(409);
      await act(editor, verdict.id, 'approve').expect(409);
    });

    it('needs a rationale to submit, and a note to reject', async () => {
      const claim = await newClaim('Exports rose by 12 percent');
      await attach(claim.id).expect(201);
      const verdict = await draft(claim.id, { rating: 'true' });
      const noRationale = await act(author, verdict.id, 'submit').expect(422);
      expect(noRationale.body.errors[0].path).toBe('rationale');
      await desk.http.patch(`/api/v1/verdicts/${verdict.id}`).set(...bearer(colleague)).send({ rationale: 'x' }).expect(403);
      await desk.http.patch(`/api/v1/verdicts/${verdict.id}`).set(...bearer(author)).set('If-Match', '"1"').send({ rationale: 'Customs data confirm it.', rating: 'mostly-true' }).expect(200);
      await act(author, verdict.id, 'submit').expect(200);
      await act(editor, verdict.id, 'reject', {}).expect(422);
      const rejected = await act(editor, verdict.id, 'reject', { note: 'Cite the customs table.' }).expect(200);
      expect(rejected.body).toMatchObject({ status: 'draft', reviewNote: 'Cite the customs table.' });
      expect((await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(author))).body.status).toBe('open');
    });

    it('refuses a rating off the scale and an unknown scale', async () => {
      const claim = await newClaim('to a record low');
      expect((await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(author)).send({ rating: 'pants-on-fire' }).expect(422)).body.errors[0].path).toBe('rating');
      await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(author)).send({ scaleId: 'truth-o-meter', rating: 'pants-on-fire' }).expect(201);
      await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(author)).send({ scaleId: 'nope', rating: 'true' }).expect(422);
      await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(author)).send({ rating: 'true', confidence: 1.5 }).expect(422);
    });

    it('corrects a published verdict with a new one, retracting the old on publication', async () => {
      const claim = await newClaim('Crime fell to a record low');
      await attach(claim.id).expect(201);
      const first = await draft(claim.id, { rating: 'true', rationale: 'Police data.' });
      await act(author, first.id, 'submit').expect(200);
      await act(editor, first.id, 'approve').expect(200);
      await act(editor, first.id, 'publish').expect(200);
      await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(author)).send({ rating: 'mixed', rationale: 'x', supersedes: first.id }).expect(422);
      const unrelated = await draft(claim.id, { rating: 'false', rationale: 'y' });
      await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(author)).send({ rating: 'mixed', supersedes: unrelated.id, correctionNote: 'n' }).expect(422);
      const correction = await draft(claim.id, { rating: 'mixed', rationale: 'Police data exclude fraud.', supersedes: first.id, correctionNote: 'We missed fraud statistics.' });
      await act(author, correction.id, 'submit').expect(200);
      await act(editor, correction.id, 'approve').expect(200);
      const published = await act(editor, correction.id, 'publish').expect(200);
      expect(published.body).toMatchObject({ status: 'published', supersedes: first.id, correctionNote: 'We missed fraud statistics.' });
      const old = await desk.http.get(`/api/v1/verdicts/${first.id}`).set(...bearer(author)).expect(200);
      expect(old.body.status).toBe('retracted');
      expect((await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(author))).body.status).toBe('resolved');
      const retracted = await act(editor, correction.id, 'retract', { note: 'Withdrawn pending review.' }).expect(200);
      expect(retracted.body.status).toBe('retracted');
      expect((await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(author))).body.status).toBe('open');
      await act(editor, correction.id, 'retract', { note: 'again' }).expect(409);
    });

    it('honours If-Match on transitions', async () => {
      const claim = await newClaim('said unemployment');
      await attach(claim.id).expect(201);
      const verdict = await draft(claim.id);
      const stale = await desk.http.post(`/api/v1/verdicts/${verdict.id}/submit`).set(...bearer(author)).set('If-Match', '"9"').expect(412);
      expect(stale.body.code).toBe('version_conflict');
      expect((await desk.http.get(`/api/v1/verdicts/${verdict.id}`).set(...bearer(author))).body.status).toBe('draft');
    });
  });

  it('shows the claim’s history from the audit log to any reviewer', async () => {
    const claim = await newClaim('12 percent');
    await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(colleague)).send({ body: 'check' }).expect(201);
    await attach(claim.id).expect(201);
    const history = await desk.http.get(`/api/v1/claims/${claim.id}/history`).set(...bearer(colleague)).expect(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['claim_source.created', 'annotation.created', 'claim.created']);
  });

  it('counts claims per status for the article list', async () => {
    const counts = await desk.http.get(`/api/v1/claim-counts?articleIds=${articleId},unknown`).set(...bearer(colleague)).expect(200);
    expect(counts.body[articleId].total).toBeGreaterThan(3);
    expect(counts.body[articleId].resolved).toBeGreaterThanOrEqual(1);
    expect(counts.body.unknown.total).toBe(0);
  });
});

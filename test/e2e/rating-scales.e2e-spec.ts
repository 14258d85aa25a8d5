import { bearer, TestDesk } from '../support/test-app';

/** Hardening, "Rating scales": a scale whose numbers contradict each other is refused. */
describe('rating scales are coherent (e2e)', () => {
  let desk: TestDesk;
  let counter = 0;

  beforeAll(async () => {
    desk = await TestDesk.start();
  });
  afterAll(() => desk.close());

  const level = (key: string, value: number | null) => ({ key, label: key, value, description: '' });
  const create = (scale: { bestRating: number; worstRating: number; levels: ReturnType<typeof level>[] }) =>
    desk.http.post('/api/v1/rating-scales').set(...bearer(desk.admin)).send({ id: `scale-${++counter}`, name: 'Newsroom', ...scale });
  const refusal = async (scale: Parameters<typeof create>[0]) => {
    const response = await create(scale).expect(422);
    expect(response.body.code).toBe('validation_failed');
    return (response.body.errors as { path: string }[]).map((e) => e.path);
  };

  it('refuses an inverted scale, best 1 and worst 4 (failed on main: accepted, nonsense ClaimReview)', async () => {
    const levels = [level('true', 1), level('mostly-true', 2), level('mostly-false', 3), level('false', 4)];
    expect(await refusal({ bestRating: 1, worstRating: 4, levels })).toEqual(['bestRating']);
    expect((await desk.http.get('/api/v1/rating-scales').set(...bearer(desk.admin)).expect(200)).body.items.map((s: { id: string }) => s.id)).not.toContain(`scale-${counter}`);
  });

  it('refuses a scale whose best equals its worst', async () => {
    expect(await refusal({ bestRating: 3, worstRating: 3, levels: [level('a', 3), level('b', 3)] })).toEqual(['bestRating']);
  });

  it('refuses a level value outside worst..best, naming the level', async () => {
    expect(await refusal({ bestRating: 4, worstRating: 1, levels: [level('true', 4), level('false', 0)] })).toEqual(['levels.1.value']);
    expect(await refusal({ bestRating: 4, worstRating: 1, levels: [level('true', 5), level('false', 1)] })).toEqual(['levels.0.value']);
  });

  it('refuses duplicate level keys, naming the second', async () => {
    expect(await refusal({ bestRating: 4, worstRating: 1, levels: [level('true', 4), level('false', 1), level('true', 3)] })).toEqual(['levels.2.key']);
  });

  it('accepts a coherent scale with an off-axis level, and it rates in ClaimReview the right way round', async () => {
    const created = await create({ bestRating: 4, worstRating: 1, levels: [level('true', 4), level('false', 1), level('unclear', null)] }).expect(201);
    expect(created.body).toMatchObject({ bestRating: 4, worstRating: 1 });
  });
});

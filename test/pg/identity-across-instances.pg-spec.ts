import { bearer, freshDatabaseUrl, TestDesk } from '../support/test-app';
import { endsWithinFiveSeconds, openStream } from '../support/stream-end';

/** Two API instances on one PostgreSQL database: sign-outs and the login limit hold across them. */
describe('identity across instances (PostgreSQL)', () => {
  let first: TestDesk;
  let second: TestDesk;
  let close = (): void => undefined;

  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL must name a PostgreSQL database for this suite');
    const db = await freshDatabaseUrl();
    first = await TestDesk.start({}, db.url);
    second = await TestDesk.start({}, db.url);
  }, 180_000); // two starts, each signing the admin in at full hashing cost
  afterAll(async () => {
    close();
    await second.close();
    await first.close();
  });

  it('ends a stream open on one instance within 5 s of logging out on the other', async () => {
    const reviewer = await first.user('reviewer');
    const article = (await first.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'Sign out everywhere.' }).expect(201)).body;
    const stream = await openStream(`${await second.listen()}/api/v1/articles/${article.id}/events`, reviewer.token);
    close = stream.close;
    await first.http.post('/api/v1/auth/logout').set(...bearer(reviewer)).expect(204);
    expect(await endsWithinFiveSeconds(stream.ended)).toBe(true);
  }, 120_000);

  it('counts parallel guesses at one account on both instances together: 10 evaluated of 30', async () => {
    const target = await first.user('editor');
    const guesses = Array.from({ length: 30 }, (_, i) =>
      (i % 2 ? first : second).http.post('/api/v1/auth/login').send({ email: target.email, password: `wrong guess ${i}` }));
    const statuses = (await Promise.all(guesses)).map((answer) => answer.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  }, 180_000);
});

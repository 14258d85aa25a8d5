import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/** CLAIMDESK_PUBLIC_URL of the test desk (test/support/test-app.ts). */
const PUBLIC_ORIGIN = 'https://desk.example';

describe('CSRF: cookie-authenticated changes come from the desk itself (e2e)', () => {
  let desk: TestDesk;
  let editor: SignedInUser;
  let cookie: string;
  let articleId: string;

  beforeAll(async () => {
    desk = await TestDesk.start();
    editor = await desk.user('editor');
    const email = editor.email;
    const login = await desk.http.post('/api/v1/auth/login').set('Origin', 'https://elsewhere.example')
      .send({ email, password: `password-of-editor-${editor.displayName.split(' ')[1]}` }).expect(200); // login is exempt
    cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0].split(';')[0];
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(editor)).send({ title: 'Before', format: 'text', content: 'A claim to protect.' }).expect(201)).body.id;
  });
  afterAll(() => desk.close());

  const titleNow = async (): Promise<string> => (await desk.http.get(`/api/v1/articles/${articleId}`).set(...bearer(editor)).expect(200)).body.title;

  it('refuses a change with only the session cookie and a foreign Origin, and changes nothing (failed on main: it succeeded)', async () => {
    const answer = await desk.http.patch(`/api/v1/articles/${articleId}`).set('Cookie', cookie).set('Origin', 'https://evil.example').send({ title: 'Forged' }).expect(403);
    expect(answer.body).toMatchObject({ status: 403, code: 'csrf_rejected' });
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await titleNow()).toBe('Before');
    await desk.http.post('/api/v1/articles').set('Cookie', cookie).set('Origin', 'https://evil.example').send({ format: 'text', content: 'Forged.' }).expect(403);
    await desk.http.delete(`/api/v1/articles/${articleId}`).set('Cookie', cookie).set('Origin', 'null').expect(403);
    await desk.http.post('/api/v1/auth/logout').set('Cookie', cookie).set('Origin', 'https://evil.example').expect(403);
    await desk.http.get('/api/v1/me').set('Cookie', cookie).expect(200); // still signed in
  });

  it('refuses a same-site page and a request that says nothing of its origin (failed on main: both succeeded)', async () => {
    await desk.http.patch(`/api/v1/articles/${articleId}`).set('Cookie', cookie).set('Origin', 'https://blog.desk.example').send({ title: 'Forged' }).expect(403);
    await desk.http.patch(`/api/v1/articles/${articleId}`).set('Cookie', cookie).set('Sec-Fetch-Site', 'same-site').send({ title: 'Forged' }).expect(403);
    await desk.http.patch(`/api/v1/articles/${articleId}`).set('Cookie', cookie).send({ title: 'Forged' }).expect(403);
    expect(await titleNow()).toBe('Before');
  });

  it('accepts the desk\'s own pages: Origin of the public URL, the request\'s own origin, or Sec-Fetch-Site: same-origin', async () => {
    await desk.http.patch(`/api/v1/articles/${articleId}`).set('Cookie', cookie).set('Origin', PUBLIC_ORIGIN).send({ title: 'One' }).expect(200);
    await desk.http.patch(`/api/v1/articles/${articleId}`).set('Cookie', cookie).set('Host', 'desk.internal:8080').set('Origin', 'http://desk.internal:8080').send({ title: 'Two' }).expect(200);
    await desk.http.patch(`/api/v1/articles/${articleId}`).set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin').send({ title: 'Three' }).expect(200);
    expect(await titleNow()).toBe('Three');
    // The port is part of the origin.
    await desk.http.patch(`/api/v1/articles/${articleId}`).set('Cookie', cookie).set('Host', 'desk.internal:8080').set('Origin', 'http://desk.internal:9090').send({ title: 'Four' }).expect(403);
  });

  it('exempts bearer-token requests, and reads', async () => {
    await desk.http.patch(`/api/v1/articles/${articleId}`).set(...bearer(editor)).set('Origin', 'https://evil.example').send({ title: 'By token' }).expect(200);
    await desk.http.get(`/api/v1/articles/${articleId}`).set('Cookie', cookie).set('Origin', 'https://evil.example').expect(200);
  });
});

import { request } from 'node:http';

/** An open event stream; `ended` settles when the server closes it. */
export function openStream(url: string, token: string): Promise<{ ended: Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } });
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      const ended = new Promise<void>((done) => {
        res.on('end', done);
        res.on('close', done);
      });
      res.resume();
      resolve({ ended, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves true when `ended` settles within the time API.md allows (5 s), plus a little for a busy machine. */
export const endsWithinFiveSeconds = (ended: Promise<void>): Promise<boolean> =>
  Promise.race([ended.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 6_000))]);

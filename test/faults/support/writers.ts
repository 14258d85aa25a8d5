import { DeskProcess } from './desk-process';

export const WRITERS = 16;

/** An article with one claim per writer, so that 16 writers add notes side by side. */
export async function prepareClaims(desk: DeskProcess, token: string, count = WRITERS): Promise<string[]> {
  const sentences = Array.from({ length: count }, (_, i) => `Claim number ${i + 1} says the budget grew by ${i + 10} percent.`);
  const article = await desk.expect<{ id: string }>(201, 'POST', '/api/v1/articles', token, { format: 'text', content: sentences.join('\n\n') });
  const claims: string[] = [];
  for (const sentence of sentences) {
    const claim = await desk.expect<{ id: string }>(201, 'POST', `/api/v1/articles/${article.id}/claims`, token, { selector: { type: 'TextQuoteSelector', exact: sentence } });
    claims.push(claim.id);
  }
  return claims;
}

/**
 * Writers adding notes concurrently, one claim each, until told to stop or until the desk stops
 * answering (killed). Every note answered 201 is "acknowledged": it must survive anything.
 */
export class Writers {
  readonly acknowledged = new Set<string>();
  /** How many answers of each status (0: no answer, the connection failed). */
  readonly statuses = new Map<number, number>();
  private stopping = false;
  private running: Promise<void>[] = [];

  constructor(private readonly desk: DeskProcess, private readonly token: string, private readonly claims: string[], private readonly noteBytes = 600) {}

  start(): void {
    this.running = this.claims.map((claimId, writer) => this.write(claimId, writer));
  }

  get written(): number {
    return this.acknowledged.size;
  }

  async untilAcknowledged(count: number): Promise<void> {
    while (this.acknowledged.size < count && !this.stopping) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  count(status: number): number {
    return this.statuses.get(status) ?? 0;
  }

  private async write(claimId: string, writer: number): Promise<void> {
    const padding = 'x'.repeat(this.noteBytes);
    for (let n = 0; !this.stopping; n++) {
      let status = 0;
      try {
        const answer = await this.desk.request('POST', `/api/v1/claims/${claimId}/annotations`, this.token, { body: `writer ${writer} note ${n} ${padding}` });
        status = answer.status;
        if (status === 201 && answer.body?.id) this.acknowledged.add(answer.body.id);
      } catch {
        status = 0;
      }
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
      if (status === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function allPages<T>(desk: DeskProcess, token: string, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { items: T[]; nextCursor: string | null } = await desk.expect(200, 'GET', `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Every note stored on the claims, and every note the audit log says was created. */
export async function storedNotes(desk: DeskProcess, token: string, claims: string[]): Promise<{ notes: Set<string>; audited: Set<string> }> {
  const notes = new Set<string>();
  for (const claimId of claims) for (const note of await allPages<{ id: string }>(desk, token, `/api/v1/claims/${claimId}/annotations`)) notes.add(note.id);
  const audited = new Set<string>();
  for (const entry of await allPages<{ entityId: string; action: string }>(desk, token, '/api/v1/audit?entityType=annotation')) {
    if (entry.action === 'annotation.created') audited.add(entry.entityId);
  }
  return { notes, audited };
}

export const missing = (expected: Iterable<string>, present: Set<string>): string[] => [...expected].filter((id) => !present.has(id));

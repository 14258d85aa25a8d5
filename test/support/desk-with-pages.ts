import { PAGE_HOST, PageServer } from './page-server';
import { SignedInUser, TestDesk } from './test-app';

/** A desk allowed to fetch from a fresh page server on 127.0.0.2, and a reviewer on it; `close` stops both. */
export interface DeskWithPages {
  desk: TestDesk;
  pages: PageServer;
  reviewer: SignedInUser;
  close(): Promise<void>;
}

export async function deskWithPages(env: Record<string, string> = {}): Promise<DeskWithPages> {
  const pages = await PageServer.start();
  const desk = await TestDesk.start({ CLAIMDESK_FETCH_ALLOW: PAGE_HOST, ...env });
  const reviewer = await desk.user('reviewer');
  return { desk, pages, reviewer, close: async () => { await desk.close(); await pages.close(); } };
}

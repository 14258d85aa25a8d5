import { Injectable } from '@nestjs/common';
import { Actor } from '@claimdesk/core';
import { AuditService } from './audit.service';
import { LiveEvent } from './live-event';
import { LiveEvents } from './live-events.service';
import { seesDeletedNotes, streamRedaction } from './redaction';

/** An article's events as one reader may read them (API.md, "Who sees what was deleted"). */
@Injectable()
export class ReadableEvents {
  constructor(private readonly live: LiveEvents, private readonly audit: AuditService) {}

  /**
   * Like LiveEvents.follow, with deleted notes redacted for readers other than editors and admins.
   * What the replay sends is held back until the deleted notes are known, and they are read after the
   * replay: a note deleted while the replay was being read is hidden too.
   */
  follow(reader: Actor, articleId: string, since: number | undefined, send: (event: LiveEvent) => void): { ready: Promise<void>; stop: () => void } {
    if (seesDeletedNotes(reader)) return this.live.follow(articleId, since, send);
    let redact: ((event: LiveEvent) => LiveEvent) | null = null;
    const held: LiveEvent[] = [];
    const following = this.live.follow(articleId, since, (event) => (redact ? send(redact(event)) : held.push(event)));
    const ready = following.ready.then(async () => {
      const deleted = since === undefined ? [] : await this.audit.deletedNotes({ articleId });
      const redactNow = streamRedaction(deleted);
      redact = redactNow;
      held.splice(0).forEach((event) => send(redactNow(event)));
    }).catch((error: unknown) => {
      following.stop();
      throw error;
    });
    return { ready, stop: following.stop };
  }
}

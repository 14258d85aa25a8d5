import { Injectable, Logger } from '@nestjs/common';
import { DatabaseFault, databaseFaultOf } from './database-faults';

export interface WritePathState {
  /** Null while writes commit; else why the last write could not, and since when. */
  fault: (DatabaseFault & { since: string }) | null;
}

/**
 * Whether the desk can commit writes, as its own transactions found: set by the first write the
 * database could not store (disk full, read-only, connection lost), cleared by the next write that
 * commits. /health reports it; writes are still attempted, so the desk recovers by itself.
 */
@Injectable()
export class WritePath {
  private readonly logger = new Logger(WritePath.name);
  private fault: WritePathState['fault'] = null;

  get state(): WritePathState {
    return { fault: this.fault };
  }

  failed(error: unknown): void {
    const fault = databaseFaultOf(error);
    if (!fault) return;
    if (!this.fault) this.logger.error(`writes are failing: ${fault.reason}`);
    this.fault = { ...fault, since: this.fault?.since ?? new Date().toISOString() };
  }

  committed(): void {
    if (this.fault) this.logger.log(`writes commit again (failing since ${this.fault.since})`);
    this.fault = null;
  }
}

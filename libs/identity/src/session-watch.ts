import { Injectable } from '@nestjs/common';
import { AuthService } from './auth.service';

/** How often an open stream re-checks its session: well within the 5 s API.md allows. */
export const SESSION_CHECK_MS = 2_000;

/**
 * Ends long-lived responses (event streams) whose session ends: logged out, password changed, user
 * disabled, expired. Each stream re-checks its session in the database (one indexed lookup every
 * few seconds), so a sign-out on any instance reaches the streams of every instance.
 */
@Injectable()
export class SessionWatch {
  constructor(private readonly auth: AuthService) {}

  /** Calls `ended` once the session of `token` no longer authenticates; returns a function to stop watching. */
  watch(token: string, ended: () => void): () => void {
    let stopped = false;
    const timer = setInterval(() => {
      void this.auth.authenticate(token).then(
        (actor) => {
          if (actor || stopped) return;
          stop();
          ended();
        },
        () => undefined, // the database is briefly away: check again next time
      );
    }, SESSION_CHECK_MS);
    timer.unref();
    const stop = (): void => {
      stopped = true;
      clearInterval(timer);
    };
    return stop;
  }
}

import type { Output } from './cli-io';

export interface Progress {
  /** `fraction` from 0 to 1 draws a bar with a percentage; null shows only the text. */
  update(fraction: number | null, text: string): void;
  /** Clears the line, so the summary that follows starts clean. */
  done(): void;
}

const BAR_WIDTH = 24;
const NO_PROGRESS: Progress = { update: () => undefined, done: () => undefined };

/**
 * A one-line progress indicator, redrawn in place, at most every `intervalMs`. Only on a terminal:
 * when stderr is a file or a pipe, nothing is drawn (the command still prints its summary).
 */
export function progressOn(out: Output, options: { intervalMs?: number; now?: () => number } = {}): Progress {
  if (!out.isTTY) return NO_PROGRESS;
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  let last = -Infinity;
  let drawn = false;
  return {
    update(fraction, text) {
      const at = now();
      if (at - last < interval && fraction !== 1) return;
      last = at;
      drawn = true;
      out.write(`\r${progressLine(fraction, text, out.columns ?? 80)}\x1b[K`);
    },
    done() {
      if (drawn) out.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** `[##########..............]  42% text`, cut to the terminal's width. */
export function progressLine(fraction: number | null, text: string, columns = 80): string {
  let line = text;
  if (fraction !== null) {
    const clamped = Math.min(1, Math.max(0, fraction));
    const filled = Math.round(clamped * BAR_WIDTH);
    const percent = `${Math.floor(clamped * 100)}%`.padStart(4);
    line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent} ${text}`;
  }
  return line.length >= columns ? line.slice(0, Math.max(1, columns - 1)) : line;
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { Settings, SETTINGS } from '@claimdesk/core';

/** How many of the lexical matcher's best the embedding model re-ranks. */
export const EMBEDDING_RERANK_DEPTH = 20;
const TIMEOUT_MS = 3000;

/**
 * The optional embedding model (API.md, "Fact-check library"): any OpenAI-compatible `POST
 * {CLAIMDESK_EMBEDDINGS_URL}/embeddings` with `{ model, input: [texts] }` answering `{ data: [{ index,
 * embedding }] }`. Without it, or when it fails or is slow, matching stays lexical: a search never waits
 * on it for more than a few seconds and never fails because of it.
 */
@Injectable()
export class Embeddings {
  private readonly logger = new Logger(Embeddings.name);

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  get configured(): boolean {
    return this.settings.embeddingsUrl !== null;
  }

  /** One vector per text, in order; null when the model is not configured or did not answer well. */
  async embed(texts: readonly string[]): Promise<number[][] | null> {
    if (this.settings.embeddingsUrl === null || texts.length === 0) return null;
    try {
      const response = await fetch(`${this.settings.embeddingsUrl}/embeddings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: this.settings.embeddingsModel, input: texts }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { data?: { index?: number; embedding?: unknown }[] };
      const vectors: number[][] = new Array<number[]>(texts.length);
      for (const [position, item] of (body.data ?? []).entries()) {
        const index = typeof item.index === 'number' ? item.index : position;
        if (Array.isArray(item.embedding) && item.embedding.every((x) => typeof x === 'number')) vectors[index] = item.embedding as number[];
      }
      if (vectors.length !== texts.length || vectors.some((v) => v === undefined)) throw new Error('not one embedding per text');
      return vectors;
    } catch (error) {
      this.logger.warn(`embeddings unavailable, matching lexically: ${(error as Error).message}`);
      return null;
    }
  }
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** The lexical score and the model's similarity, weighed equally: both in 0..1. */
export function blendScores(lexical: number, similarity: number): number {
  return (lexical + Math.max(0, Math.min(1, similarity))) / 2;
}

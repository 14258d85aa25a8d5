import { DomainError } from '@claimdesk/core';
import { findQuote, TextIndex } from '@claimdesk/text';
import { SelectorDto } from './dto/claim.dto';

export interface MarkedSpan {
  start: number;
  end: number;
}

const isBlank = (text: string): boolean => text.trim().length === 0;

/**
 * Resolves a reviewer's selector to a span of the current text, or says precisely why not
 * (API.md error codes: offset_out_of_range, empty_span, quote_not_found, quote_ambiguous).
 */
export function markSpan(index: TextIndex, selector: SelectorDto): MarkedSpan {
  if (selector.type === 'TextPositionSelector') {
    const start = selector.start ?? 0;
    const end = selector.end ?? 0;
    for (const [path, value] of [['selector.start', start], ['selector.end', end]] as const) {
      if (value < 0 || value > index.length) {
        throw new DomainError('offset_out_of_range', `${path} ${value} is outside the text (0..${index.length} code points)`, [
          { path, message: `must be between 0 and ${index.length}` },
        ]);
      }
    }
    if (end <= start || isBlank(index.slice(start, end))) {
      throw new DomainError('empty_span', 'the span is empty or only white space', [{ path: 'selector', message: 'select some text' }]);
    }
    return { start, end };
  }
  const exact = selector.exact ?? '';
  if (isBlank(exact)) {
    throw new DomainError('empty_span', 'the quote is empty or only white space', [{ path: 'selector.exact', message: 'quote some text' }]);
  }
  const match = findQuote(index, { exact, prefix: selector.prefix, suffix: selector.suffix });
  switch (match.kind) {
    case 'found':
      return { start: match.start, end: match.end };
    case 'not_found':
      throw new DomainError('quote_not_found', 'the quote is not in the article text', [{ path: 'selector.exact', message: 'not found in the text' }]);
    case 'ambiguous':
      throw new DomainError(
        'quote_ambiguous',
        `the quote occurs ${match.candidates.length} times and prefix/suffix do not decide; add context or use a TextPositionSelector`,
        match.candidates.map((start) => ({ path: 'selector.exact', message: 'candidate', start, startUtf16: index.toUtf16(start) })),
      );
  }
}

import MarkdownIt from 'markdown-it';
// The server's own parser (libs/text), so a mention renders exactly where it notifies someone.
import { matchMentionAt, Mentionable, resolveMention } from '../../../../libs/text/src/mentions';

/**
 * Annotation bodies are Markdown written by reviewers. Raw HTML is off (it is shown as text), links
 * keep markdown-it's protocol check (no javascript:) and open in a new tab without an opener.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  tokens[idx].attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * Mentions (`@email`, `@[Display Name]`) of people on the desk become links to write to them,
 * `<a class="mention" href="mailto:…">@Display Name</a>`; unknown ones stay text. markdown-it never runs
 * inline rules inside code, so code spans and blocks mention no one, as on the server.
 */
md.inline.ruler.before('link', 'mention', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x40) return false;
  const match = matchMentionAt(state.src, state.pos);
  const people = (state.env as { people?: readonly Mentionable[] }).people;
  const person = match && people ? resolveMention(match.ref, people) : null;
  if (!match || !person) return false;
  if (!silent) {
    const open = state.push('link_open', 'a', 1);
    open.attrs = [['href', `mailto:${person.email}`], ['class', 'mention'], ['title', person.email]];
    state.push('text', '', 0).content = `@${person.displayName}`;
    state.push('link_close', 'a', -1);
  }
  state.pos += match.length;
  return true;
});

export const renderMarkdown = (source: string, people: readonly Mentionable[] = []): string => md.render(source, { people });

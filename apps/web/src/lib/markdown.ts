import MarkdownIt from 'markdown-it';

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

export const renderMarkdown = (source: string): string => md.render(source);

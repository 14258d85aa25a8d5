import { markdownToText } from './markdown';

const NBSP = '\u00A0';

describe(markdownToText.name, () => {
  describe('inline markup', () => {
    it('removes emphasis and strong markers', () => {
      expect(markdownToText('**RELATED:** a _quiet_ *word* and __more__ ~~struck~~')).toBe('RELATED: a quiet word and more struck');
    });

    it('resolves backslash escapes but keeps the escaped characters', () => {
      expect(markdownToText(String.raw`@INTERPOL\_HQ \*not emphasis\* 5 \# 1`)).toBe('@INTERPOL_HQ *not emphasis* 5 # 1');
    });

    it('keeps escaped angle brackets as literal text', () => {
      expect(markdownToText(String.raw`the \<u\> tag`)).toBe('the <u> tag');
    });

    it('keeps an underscore inside a word without escaping', () => {
      expect(markdownToText('@INTERPOL_HQ and snake_case_name')).toBe('@INTERPOL_HQ and snake_case_name');
    });

    it('keeps the text of links and autolinks, not their targets', () => {
      expect(markdownToText('Read [our statement](https://wicker.senate.gov/x "t") or <https://example.org/a>')).toBe(
        'Read our statement or https://example.org/a',
      );
    });

    it('leaves bare URLs as written', () => {
      expect(markdownToText('here: wicker.senate.gov/public/index.cfm/2018/11')).toBe('here: wicker.senate.gov/public/index.cfm/2018/11');
    });

    it('keeps the text of code spans', () => {
      expect(markdownToText('call `render(**x**)` now')).toBe('call render(**x**) now');
    });

    it('drops images, alt text included', () => {
      expect(markdownToText('Kim ![Kim Jong-yang at the podium](kim.jpg) said.')).toBe('Kim said.');
    });

    it('keeps straight quotes and dashes as typed (no typographer)', () => {
      expect(markdownToText(`was the "favorite" -- isn't it...`)).toBe(`was the "favorite" -- isn't it...`);
    });
  });

  describe('entities', () => {
    it('decodes named and numeric entities', () => {
      expect(markdownToText('Q&amp;A &lt;b&gt; &#x1F600; &#233;')).toBe('Q&A <b> 😀 é');
    });

    it('decodes &nbsp; to a no-break space and keeps it', () => {
      expect(markdownToText('10&nbsp;km')).toBe(`10${NBSP}km`);
    });
  });

  describe('line breaks', () => {
    it('turns a soft line break inside a paragraph into a space', () => {
      expect(markdownToText('one sentence\nwrapped over\nthree lines')).toBe('one sentence wrapped over three lines');
    });

    it('keeps a hard break (two trailing spaces or a backslash) as a line break', () => {
      expect(markdownToText('first  \nsecond\\\nthird')).toBe('first\nsecond\nthird');
    });

    it('collapses runs of blank lines between paragraphs', () => {
      expect(markdownToText('One.\n\n\n\n\nTwo.')).toBe('One.\n\nTwo.');
    });

    it('accepts CRLF input', () => {
      expect(markdownToText('# Title\r\n\r\nline one\r\nline two\r\n')).toBe('Title\n\nline one line two');
    });
  });

  describe('blocks', () => {
    it('turns a heading into a plain paragraph', () => {
      expect(markdownToText('## **RELATED:** Facebook Sued\n\nText.')).toBe('RELATED: Facebook Sued\n\nText.');
    });

    it('turns a setext heading into a plain paragraph', () => {
      expect(markdownToText('Title\n=====\n\nText.')).toBe('Title\n\nText.');
    });

    it('makes each list item a paragraph, without markers, nested lists included', () => {
      const source = '- first\n  - nested one\n  - nested two\n- second\n\n1. one\n2. two';
      expect(markdownToText(source)).toBe('first\n\nnested one\n\nnested two\n\nsecond\n\none\n\ntwo');
    });

    it('makes each paragraph of a loose list item a paragraph', () => {
      expect(markdownToText('- para one\n\n  para two\n- next')).toBe('para one\n\npara two\n\nnext');
    });

    it('turns blockquotes into paragraphs without ">"', () => {
      expect(markdownToText('> quoted\n> still quoted\n>\n> second')).toBe('quoted still quoted\n\nsecond');
    });

    it('makes each table row a paragraph with cells separated by a tab', () => {
      const table = '| Name | Role |\n|---|---|\n| Kim | **president** |\n| Prokopchuk | vice-president |';
      expect(markdownToText(table)).toBe('Name\tRole\n\nKim\tpresident\n\nProkopchuk\tvice-president');
    });

    it('keeps the lines and indentation of fenced and indented code', () => {
      expect(markdownToText('```js\nif (a) {\n  b();\n}\n```\n\n    indented\n      more')).toBe(
        'if (a) {\n  b();\n}\n\nindented\n  more',
      );
    });

    it('drops thematic breaks', () => {
      expect(markdownToText('One.\n\n---\n\nTwo.')).toBe('One.\n\nTwo.');
    });

    it('gives the empty string for empty input', () => {
      expect(markdownToText('')).toBe('');
      expect(markdownToText('\n\n  \n')).toBe('');
    });
  });

  describe('HTML inside Markdown', () => {
    it('removes inline tags and keeps their text', () => {
      expect(markdownToText('an <u>underlined</u> and <span class="x">spanned</span> word')).toBe('an underlined and spanned word');
    });

    it('tolerates unbalanced inline tags mixed with emphasis', () => {
      expect(markdownToText(String.raw`<u>**@INTERPOL\_HQ</u>** The body. <u>**#INTERPOLGA**</u></u>`)).toBe(
        '@INTERPOL_HQ The body. #INTERPOLGA',
      );
    });

    it('tolerates a tag left open', () => {
      expect(markdownToText('<b>bold never closed\n\nnext paragraph')).toBe('bold never closed\n\nnext paragraph');
    });

    it('drops script, style, template, noscript and iframe content in HTML blocks', () => {
      const source = [
        'Before.',
        '<script>alert("x")</script>',
        '<style>p { color: red }</style>',
        '<template><p>hidden</p></template>',
        '<noscript>enable JavaScript</noscript>',
        '<iframe src="https://twitter.com">tweet</iframe>',
        'After.',
      ].join('\n\n');
      expect(markdownToText(source)).toBe('Before.\n\nAfter.');
    });

    it('drops an inline script', () => {
      expect(markdownToText('a <script>alert(1)</script>b')).toBe('a b');
    });

    it('keeps an unclosed inline script from swallowing the next paragraph', () => {
      expect(markdownToText('a <script>alert(1)\n\nNext paragraph.')).toBe('a\n\nNext paragraph.');
    });

    it('turns an HTML block into its own paragraphs and keeps Markdown around it', () => {
      expect(markdownToText('**Intro**\n\n<div><p>one &amp; two</p><p>three</p></div>\n\n_Outro_')).toBe(
        'Intro\n\none & two\n\nthree\n\nOutro',
      );
    });

    it('drops HTML comments', () => {
      expect(markdownToText('<!-- editor note -->\n\ntext <!-- inline --> here')).toBe('text here');
    });

    it('turns <br> inside a paragraph into a line break', () => {
      expect(markdownToText('one<br>two')).toBe('one\ntwo');
    });
  });

  describe('scripts and characters', () => {
    it('keeps emoji, Cyrillic, Hebrew and Arabic text', () => {
      const source = '😀 Прокопчук\n\nשלום עולם\n\nمرحبا بالعالم';
      expect(markdownToText(source)).toBe(source);
    });

    it('composes to NFC', () => {
      expect(markdownToText('Cafe\u0301 *cre\u0300me*')).toBe('Caf\u00E9 cr\u00E8me');
    });

    it('keeps curly quotes', () => {
      expect(markdownToText('the “favorite” ‘to lead’')).toBe('the “favorite” ‘to lead’');
    });
  });

  describe('broken sentences', () => {
    it('joins a sentence broken across blank lines', () => {
      expect(markdownToText('Title\n\nThey threatened to act if Prokopchuk was\n\n\n\nelected.')).toBe(
        'Title\n\nThey threatened to act if Prokopchuk was elected.',
      );
    });

    it('does not join a heading without a period to the paragraph after it', () => {
      expect(markdownToText('Title\n\n## the vote in dubai was\n\nelected members voted.')).toBe(
        'Title\n\nthe vote in dubai was\n\nelected members voted.',
      );
    });

    it('does not join after a list item', () => {
      expect(markdownToText('Title\n\n- the senators who opposed the vote\n\nand then more.')).toBe(
        'Title\n\nthe senators who opposed the vote\n\nand then more.',
      );
    });

    it('does not join after a date line', () => {
      expect(markdownToText('Title\n\n21/11/2018\n\nelected members voted.')).toBe('Title\n\n21/11/2018\n\nelected members voted.');
    });
  });

  it('reads a ~1 MB generated document', () => {
    const section = [
      '## Section heading',
      'A paragraph with **bold**, _emphasis_, `code`, a [link](https://example.org) and &amp; an entity,',
      'wrapped onto a second line. <u>Inline HTML</u> too.',
      '',
      '- item one',
      '- item two',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '',
    ].join('\n');
    const source = section.repeat(Math.ceil(1_000_000 / section.length));
    expect(source.length).toBeGreaterThanOrEqual(1_000_000);

    const text = markdownToText(source);

    const expected = [
      'Section heading',
      'A paragraph with bold, emphasis, code, a link and & an entity, wrapped onto a second line. Inline HTML too.',
      'item one',
      'item two',
      'a\tb',
      '1\t2',
    ].join('\n\n');
    const copies = source.length / section.length;
    expect(text).toBe(Array.from({ length: copies }, () => expected).join('\n\n'));
  });
});

/**
 * The build-time minifier of our Lit templates (src/pipeline/minify-literals.ts):
 * it must shorten, and must never change what a template means.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { collapseMarkupWhitespace, minifyCss, minifyLiterals } from '../../src/pipeline/minify-literals.ts';

describe('minifyLiterals', () => {
  it('minifies css`` templates and keeps the rules', () => {
    const source =
      'const styles = css`\n  :host {\n    display: block;  /* why */\n    margin: 0 0 0 0;\n  }\n  button:focus-visible { outline: 3px solid red; }\n`;';
    const result = minifyLiterals(source, 'a.ts');
    assert.equal(
      result,
      'const styles = css`:host{margin:0;display:block}button:focus-visible{outline:3px solid red}`;',
    );
  });

  it('leaves css`` with substitutions or escapes alone', () => {
    const withValue = 'const a = css`:host { color: ${unsafeCSS(x)}; }`;';
    const withEscape = "const b = css`.x::before { content: '\\2014'; }`;";
    assert.equal(minifyLiterals(withValue, 'a.ts'), null);
    assert.equal(minifyLiterals(withEscape, 'b.ts'), null);
  });

  it('collapses line breaks and indentation in html`` and svg`` to one space, bindings intact', () => {
    const source = 'html`\n    <p class="a">\n      ${text}\n    </p>\n    <b>${x}</b>`; svg`<path\n  d="M0 0"/>`';
    assert.equal(
      minifyLiterals(source, 'a.ts'),
      'html` <p class="a"> ${text} </p> <b>${x}</b>`; svg`<path d="M0 0"/>`',
    );
  });

  it('leaves templates with <pre> or <textarea>, plain template literals and other tags alone', () => {
    assert.equal(minifyLiterals('html`<pre>\n  a\n</pre>`', 'a.ts'), null);
    assert.equal(minifyLiterals('const s = `\n  a\n`; other`\n b`;', 'a.ts'), null);
  });

  it('keeps spaces on one line: inline text must not run together', () => {
    assert.equal(collapseMarkupWhitespace('<b>a</b> <i>b</i>'), '<b>a</b> <i>b</i>');
  });

  it('returns null for CSS lightningcss cannot parse, so the template stays as written', () => {
    assert.equal(minifyCss('a { color: red'), 'a{color:red}');
    assert.equal(minifyCss('@media ( { }'), null);
  });

  it('minifies the real player styles without losing a custom property or a part of the theming API', () => {
    const file = new URL('../../src/elements/aloud-player/aloud-player.styles.ts', import.meta.url);
    const source = readFileSync(file, 'utf8');
    const result = minifyLiterals(source, file.pathname);
    assert.ok(result !== null && result.length < source.length);
    for (const name of source.match(/--aloud-[a-z-]+/g) ?? []) assert.ok(result.includes(name), `${name} survives`);
    assert.ok(result.includes('all:initial'), 'the reset stays first in :host');
    assert.ok(result.indexOf('all:initial') < result.indexOf('display:block'), 'and before what it resets');
  });
});

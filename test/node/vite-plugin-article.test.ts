import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { build, createServer, type Rollup } from 'vite';
import { parseArticleFile } from '../../src/pipeline/parse-article.ts';
import { articlePlugin, fillPlaceholders } from '../../src/pipeline/vite-plugin-article.ts';

const PAGE = `<!doctype html>
<html lang="%ALOUD_LANG%">
  <head><meta name="description" content="%ALOUD_DESCRIPTION%"><title><!--aloud:title--></title></head>
  <body>
    <main id="main"><!--aloud:article--></main>
    <footer><p><!--aloud:attribution--></p></footer>
  </body>
</html>
`;

/** A throwaway Vite project whose content folder holds the given files. */
function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aloud-vite-'));
  mkdirSync(join(root, 'content'));
  writeFileSync(join(root, 'index.html'), PAGE);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'content', name), text);
  return root;
}

async function buildProject(root: string, file?: string): Promise<Rollup.RollupOutput> {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    base: './',
    plugins: [articlePlugin(file ? { contentDir: 'content', file } : { contentDir: 'content' })],
    build: { write: false, outDir: 'dist' },
  });
  assert.ok(!Array.isArray(output) && 'output' in output);
  return output;
}

function asset(output: Rollup.RollupOutput, fileName: string): string {
  const found = output.output.find((item) => item.fileName === fileName);
  assert.ok(found && found.type === 'asset', `${fileName} was emitted`);
  return String(found.source);
}

describe('articlePlugin in vite build', () => {
  const roots: string[] = [];
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('prerenders the article into index.html and emits article.json', async () => {
    const root = makeProject({});
    roots.push(root);
    copyFileSync('content/aleppo-final-messages.md', join(root, 'content', 'aleppo-final-messages.md'));
    const output = await buildProject(root);
    const html = asset(output, 'index.html');
    assert.match(html, /<html lang="en">/);
    assert.match(
      html,
      /<title>&#39;We Are Being Killed&#39;: Desperate Calls From Aleppo As Assad Regime Closes In — Aloud<\/title>/,
    );
    assert.match(html, /<h1 id="headline">/);
    assert.match(html, /Article: RFE\/RL, 13 December 2016\./);
    assert.ok(!html.includes('<!--aloud:') && !html.includes('%ALOUD_'), 'every placeholder was filled');
    const json: unknown = JSON.parse(asset(output, 'article.json'));
    assert.deepEqual(json, JSON.parse(JSON.stringify(parseArticleFile('content/aleppo-final-messages.md'))));
  });

  it('publishes the first file alphabetically, or the one named in the options', async () => {
    const article = (headline: string): string =>
      `---\nheadline: ${headline}\nauthor:\n  name: A\ndate: 2020-01-01\nsource:\n  name: S\nlanguage: en\n---\n\nText.\n`;
    const root = makeProject({ 'b.md': article('Bee'), 'a.md': article('Ay') });
    roots.push(root);
    assert.match(asset(await buildProject(root), 'index.html'), /<h1 id="headline">Ay<\/h1>/);
    assert.match(asset(await buildProject(root, 'b.md'), 'index.html'), /<h1 id="headline">Bee<\/h1>/);
  });

  it('fails the build with file:line: field: reason for bad content', async () => {
    const root = makeProject({
      'broken.md': '---\nauthor:\n  name: A\ndate: 2020-01-01\nsource:\n  name: S\nlanguage: en\n---\n\nText.\n',
    });
    roots.push(root);
    await assert.rejects(buildProject(root), (error: Error) => {
      assert.match(error.message, /content\/broken\.md:1: headline: is missing/);
      return true;
    });
  });
});

describe('articlePlugin in the dev server', () => {
  it('renders on request and reloads the page when the content changes', async () => {
    const article = (headline: string): string =>
      `---\nheadline: ${headline}\nauthor:\n  name: A\ndate: 2020-01-01\nsource:\n  name: S\nlanguage: en\n---\n\nText.\n`;
    const root = makeProject({ 'story.md': article('First draft') });
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [articlePlugin({ contentDir: 'content' })],
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    });
    try {
      await server.listen();
      const base = server.resolvedUrls?.local[0];
      assert.ok(base, 'the dev server has a URL');
      assert.match(await (await fetch(base)).text(), /<h1 id="headline">First draft<\/h1>/);
      const json = (await (await fetch(new URL('article.json', base))).json()) as { headline: string };
      assert.equal(json.headline, 'First draft');

      const sent: unknown[] = [];
      const send = server.ws.send.bind(server.ws);
      server.ws.send = ((payload: unknown, ...rest: unknown[]) => {
        sent.push(payload);
        return (send as (...args: unknown[]) => void)(payload, ...rest);
      }) as typeof server.ws.send;
      writeFileSync(join(root, 'content', 'story.md'), article('Second draft'));
      for (let waited = 0; !sent.length && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(sent, [{ type: 'full-reload' }]);
      assert.match(await (await fetch(base)).text(), /<h1 id="headline">Second draft<\/h1>/);
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('fillPlaceholders', () => {
  const article = parseArticleFile('content/aleppo-final-messages.md');

  it('keeps "$&" and "%MODE%" in article text literal', () => {
    const tricky = { ...article, headline: 'Costs $& rise 5%MODE% today' };
    const html = fillPlaceholders('<title><!--aloud:title--></title>', tricky);
    assert.equal(html, '<title>Costs $&amp; rise 5&#37;MODE&#37; today — Aloud</title>');
  });

  it('leaves a page without placeholders unchanged', () => {
    assert.equal(fillPlaceholders('<p>plain</p>', article), '<p>plain</p>');
  });
});

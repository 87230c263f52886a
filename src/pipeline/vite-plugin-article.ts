/**
 * Prerenders the article into index.html at build time and on every dev
 * request, so the text is in the document before any script runs.
 *
 * Placeholders in index.html:
 * - `<!--aloud:title-->`        inside <title>
 * - `<!--aloud:article-->`      inside <main>
 * - `<!--aloud:attribution-->`  the footer's credit line
 * - `%ALOUD_LANG%`              in `<html lang>`
 * - `%ALOUD_DESCRIPTION%`       in `<meta name="description">`
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { Article } from '../core/content/article.ts';
import { parseArticleFile } from './parse-article.ts';
import {
  renderArticleDescription,
  renderArticleHtml,
  renderArticleTitle,
  renderAttribution,
  escapeHtml,
} from './render-article-html.ts';

export interface ArticlePluginOptions {
  /** Folder of `*.md` content files, relative to the Vite root. */
  readonly contentDir: string;
  /** Which file to publish when there are several; defaults to the first alphabetically. */
  readonly file?: string;
}

export function articlePlugin(options: ArticlePluginOptions): Plugin {
  let root = process.cwd();
  let article: Article | undefined;
  const contentDir = (): string => resolve(root, options.contentDir);

  const load = (): Article => {
    const path = chooseContentFile(contentDir(), options.file);
    return parseArticleFile(path, relative(root, path).split(sep).join('/'));
  };

  return {
    name: 'aloud:article',

    configResolved(config) {
      root = config.root;
    },

    buildStart() {
      // Parsed here, not lazily, so a broken article fails the build before bundling starts.
      article = load();
      for (const file of readdirSync(contentDir())) this.addWatchFile(join(contentDir(), file));
    },

    configureServer(server) {
      const isContent = (file: string): boolean => file.startsWith(contentDir() + sep) && file.endsWith('.md');
      server.watcher.add(contentDir());
      const reload = (file: string): void => {
        if (isContent(file)) server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload).on('add', reload).on('unlink', reload);
      server.middlewares.use('/article.json', (_request, response) => {
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(JSON.stringify(load(), null, 2));
      });
    },

    transformIndexHtml: {
      // Before Vite's own pass, so the article's <img> URLs are rewritten like any other.
      order: 'pre',
      handler(html, context) {
        // The dev server has no build; re-parse per request so edits show on reload.
        const current = context.server ? load() : (article ?? load());
        return fillPlaceholders(html, current);
      },
    },

    generateBundle() {
      if (!article) return;
      this.emitFile({ type: 'asset', fileName: 'article.json', source: `${JSON.stringify(article, null, 2)}\n` });
    },
  };
}

/** Exported for tests: the pure part of the plugin. */
export function fillPlaceholders(html: string, article: Article): string {
  const values: Record<string, string> = {
    '<!--aloud:title-->': renderArticleTitle(article),
    '<!--aloud:article-->': renderArticleHtml(article),
    '<!--aloud:attribution-->': renderAttribution(article),
    '%ALOUD_LANG%': escapeHtml(article.language),
    '%ALOUD_DESCRIPTION%': renderArticleDescription(article),
  };
  // A function replacer: a "$&" or "$1" in article text must stay literal.
  return html.replace(
    /<!--aloud:(?:title|article|attribution)-->|%ALOUD_(?:LANG|DESCRIPTION)%/g,
    (placeholder: string, offset: number) => {
      const value = hideFromEnvReplacement(values[placeholder] ?? placeholder);
      // Indent multi-line output like the placeholder, so view-source stays readable.
      const indent = /[ \t]*$/.exec(html.slice(html.lastIndexOf('\n', offset) + 1, offset))?.[0] ?? '';
      return value.replaceAll('\n', `\n${indent}`);
    },
  );
}

/**
 * Vite then replaces `%NAME%` with env values across the whole page; an
 * article quoting "%MODE%" must not have it swapped. `&#37;` reads as "%" in
 * text and attribute values alike, and no markup we emit contains a literal "%".
 */
function hideFromEnvReplacement(html: string): string {
  return html.replaceAll('%', '&#37;');
}

function chooseContentFile(dir: string, preferred: string | undefined): string {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .sort();
  } catch {
    throw new Error(`aloud: content folder ${dir} cannot be read`);
  }
  const chosen = preferred === undefined ? files[0] : files.find((name) => name === preferred);
  if (!chosen) {
    throw new Error(
      preferred === undefined
        ? `aloud: no .md files in ${dir}`
        : `aloud: ${preferred} is not in ${dir} (found: ${files.join(', ')})`,
    );
  }
  return join(dir, chosen);
}

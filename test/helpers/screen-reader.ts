/**
 * The virtual screen reader (@guidepup/virtual-screen-reader) inside a
 * puppeteer page of the built site.
 *
 * It does not enter shadow roots, so `flattenComposedTree` first replaces the
 * page's body with a light-DOM copy of its composed tree: shadow content in
 * place of each host, slots replaced by what they show, and live state that
 * is a property rather than an attribute (a range's value, a checkbox's
 * checked) written out as attributes. The copy is static: use it to read,
 * not to operate the player.
 */
import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';
import type { Page } from 'puppeteer-core';

/** The part of the screen reader's API the tests use (the package types it for the DOM build only). */
export interface VirtualScreenReader {
  start(options: { container: Element }): Promise<void>;
  stop(): Promise<void>;
  next(): Promise<void>;
  perform(command: unknown): Promise<void>;
  readonly commands: Readonly<Record<string, unknown>>;
  spokenPhraseLog(): Promise<string[]>;
  lastSpokenPhrase(): Promise<string>;
  clearSpokenPhraseLog(): Promise<void>;
}

declare global {
  interface Window {
    VirtualScreenReader?: { virtual: VirtualScreenReader };
  }
}

let bundle: string | undefined;

/** The browser build as a classic script: the page's CSP would block a module from elsewhere. */
function screenReaderBundle(): string {
  const entry = createRequire(import.meta.url).resolve('@guidepup/virtual-screen-reader/browser.js');
  bundle ??=
    buildSync({
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      globalName: 'VirtualScreenReader',
      write: false,
      target: 'es2022',
      logLevel: 'silent',
    }).outputFiles[0]?.text ?? '';
  return bundle;
}

/** Evaluated through the DevTools protocol, which the page's CSP does not govern. */
export async function installScreenReader(page: Page): Promise<void> {
  const present = await page.evaluate(() => window.VirtualScreenReader !== undefined);
  if (!present) await page.evaluate(screenReaderBundle());
}

/** Replaces `document.body` with a light-DOM copy of its composed (shadow-including) tree. */
export async function flattenComposedTree(page: Page): Promise<void> {
  await page.evaluate(() => {
    // An object method, not a named function: tsx's keepNames would wrap the latter in a
    // helper (`__name`) that does not exist in the page.
    const flatten = {
      copy(node: Node): Node[] {
        if (node instanceof Text) return [document.createTextNode(node.data)];
        if (!(node instanceof Element) || node.localName === 'script' || node.localName === 'style') return [];
        if (node instanceof HTMLSlotElement) {
          const shown = node.assignedNodes({ flatten: true });
          return (shown.length > 0 ? shown : Array.from(node.childNodes)).flatMap((child) => flatten.copy(child));
        }
        // A custom element's own role is generic: a div stands in, and cannot upgrade again.
        const tag = node.localName.includes('-') ? 'div' : node.localName;
        const copy = document.createElementNS(node.namespaceURI, tag);
        for (const attribute of Array.from(node.attributes)) copy.setAttribute(attribute.name, attribute.value);
        if (node instanceof HTMLInputElement) {
          copy.setAttribute('value', node.value);
          if (node.checked) copy.setAttribute('checked', '');
        }
        if (node instanceof HTMLOptionElement && node.selected) copy.setAttribute('selected', '');
        const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
        for (const child of Array.from(children)) copy.append(...flatten.copy(child));
        return [copy];
      },
    };
    const [body] = flatten.copy(document.body);
    if (body instanceof HTMLElement) document.body.replaceWith(body);
  });
}

/** Starts the screen reader on the body and clears its log. */
export async function startScreenReader(page: Page): Promise<void> {
  await installScreenReader(page);
  await page.evaluate(async () => {
    const virtual = window.VirtualScreenReader?.virtual;
    if (!virtual) throw new Error('virtual screen reader missing');
    await virtual.start({ container: document.body });
    await virtual.clearSpokenPhraseLog();
  });
}

/**
 * Performs `command` (a `virtual.commands` name, or `next`) until the reader
 * reaches the end (or wraps around to where it began), or `limit` steps;
 * returns everything it said on the way.
 */
export async function walk(page: Page, command: string, limit = 400): Promise<string[]> {
  return page.evaluate(
    async (name, max) => {
      const virtual = window.VirtualScreenReader?.virtual;
      if (!virtual) throw new Error('virtual screen reader missing');
      await virtual.clearSpokenPhraseLog();
      for (let step = 0; step < max; step++) {
        const before = (await virtual.spokenPhraseLog()).length;
        if (name === 'next') await virtual.next();
        else await virtual.perform(virtual.commands[name]);
        const log = await virtual.spokenPhraseLog();
        if (log.length === before || log.at(-1) === 'end of document') break;
        // Landmark and heading moves wrap around to the top: the first phrase again ends the walk.
        if (name !== 'next' && log.length > 1 && log.at(-1) === log[0]) return log.slice(0, -1);
      }
      return virtual.spokenPhraseLog();
    },
    command,
    limit,
  );
}

/** Asserts that `expected` occur in `log` in this order (each a substring of one phrase). */
export function inOrder(log: readonly string[], expected: readonly (string | RegExp)[]): string | null {
  let at = 0;
  for (const wanted of expected) {
    const found = log.findIndex(
      (phrase, index) => index >= at && (typeof wanted === 'string' ? phrase.includes(wanted) : wanted.test(phrase)),
    );
    if (found < 0) return `missing ${String(wanted)} after phrase ${at}:\n${log.slice(at).join('\n')}`;
    at = found + 1;
  }
  return null;
}

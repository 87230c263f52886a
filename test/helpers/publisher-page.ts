/**
 * Mounts one of the invented publisher pages (test/fixtures/publishers/) into
 * the test document the way the browser would show it: its body (declarative
 * shadow roots included), its stylesheet, its metadata (og:title, JSON-LD),
 * its language and direction; and plays its late content on schedule.
 *
 * Each page states what a careful reader reads aloud in
 * `<template id="expected-reading" data-headline="…">`, one `<p>` per block.
 * Late content is `<template data-late-into="SELECTOR" data-after-ms="N">`,
 * whose content replaces the target's after N ms (a client-rendered story).
 */
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';

export const FIXTURE_BASE = '/test/fixtures/publishers/';

export interface PublisherPage {
  readonly name: string;
  readonly container: HTMLElement;
  /** What must be read, in order, headline first. */
  readonly expected: readonly string[];
  readonly headline: string;
  /** The page's player; inside a shadow root when the page puts it there. */
  player(): AloudPlayer;
  remove(): void;
}

function findPlayer(root: ParentNode): AloudPlayer | null {
  const direct = root.querySelector<AloudPlayer>('aloud-player');
  if (direct) return direct;
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const inner = element.shadowRoot ? findPlayer(element.shadowRoot) : null;
    if (inner) return inner;
  }
  return null;
}

export async function mountPublisherPage(name: string): Promise<PublisherPage> {
  const url = new URL(`${name}.html`, new URL(FIXTURE_BASE, location.href));
  const source = await (await fetch(url)).text();
  const parsed = new DOMParser().parseFromString(source, 'text/html');
  const expectedTemplate = parsed.querySelector<HTMLTemplateElement>('#expected-reading');
  if (!expectedTemplate) throw new Error(`${name} does not say what must be read`);
  const expected = Array.from(expectedTemplate.content.querySelectorAll('p')).map((p) => p.textContent ?? '');
  const headline = expectedTemplate.dataset['headline'] ?? '';

  // The page's head: its stylesheet (loaded before the story shows), metadata and JSON-LD.
  const added: Element[] = [];
  const loads: Promise<unknown>[] = [];
  for (const element of Array.from(parsed.head.querySelectorAll('link[rel="stylesheet"], meta[property], script'))) {
    let copy: Element;
    if (element instanceof HTMLLinkElement) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(element.getAttribute('href') ?? '', url).href;
      loads.push(new Promise((resolve) => link.addEventListener('load', resolve, { once: true })));
      copy = link;
    } else if (element instanceof HTMLScriptElement) {
      // JSON-LD is data, never run; a copy made here is inert either way.
      const script = document.createElement('script');
      script.type = element.type;
      script.textContent = element.textContent;
      copy = script;
    } else copy = document.importNode(element, true);
    document.head.append(copy);
    added.push(copy);
  }
  await Promise.all(loads);

  const container = document.createElement('div');
  container.className = 'publisher-page';
  const lang = parsed.documentElement.getAttribute('lang');
  const dir = parsed.documentElement.getAttribute('dir');
  if (lang) container.lang = lang;
  if (dir) container.dir = dir;
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(source)?.[1] ?? '';
  // setHTMLUnsafe parses declarative shadow roots, as the page's own parser would.
  container.setHTMLUnsafe(body);
  container.querySelector('#expected-reading')?.remove();
  const late = Array.from(container.querySelectorAll<HTMLTemplateElement>('template[data-late-into]'));
  for (const template of late) template.remove();
  document.body.append(container);

  const timers = late.map((template) =>
    setTimeout(
      () => {
        const target = container.querySelector(template.dataset['lateInto'] ?? '');
        target?.replaceChildren(template.content.cloneNode(true));
      },
      Number(template.dataset['afterMs'] ?? 0),
    ),
  );

  return {
    name,
    container,
    expected,
    headline,
    player() {
      const player = findPlayer(container);
      if (!player) throw new Error(`${name} has no player`);
      return player;
    },
    remove() {
      for (const timer of timers) clearTimeout(timer);
      container.remove();
      for (const element of added) element.remove();
    },
  };
}

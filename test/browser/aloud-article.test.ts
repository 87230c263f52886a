import { expect, fixture, html } from '@open-wc/testing';
import '../../src/page.ts';
import type { AloudArticle } from '../../src/elements/aloud-article/aloud-article.ts';
import { axeViolations } from '../helpers/axe.ts';

/** The prerendered markup, as the build writes it, parsed before the element upgrades. */
const PRERENDERED = `
  <main>
    <aloud-article>
      <article id="story" lang="en" aria-labelledby="headline">
        <header><h1 id="headline">A headline</h1>
          <p class="byline" data-aloud-skip>By <a href="#author">A. Writer</a> <time datetime="2016-12-13">13 December 2016</time></p>
        </header>
        <figure><figcaption>A caption.</figcaption></figure>
        <p data-aloud-paragraph="0">The first paragraph.</p>
        <p data-aloud-paragraph="1">The second paragraph.</p>
      </article>
    </aloud-article>
  </main>`;

describe('<aloud-article>', () => {
  it('adopts the prerendered article in place instead of re-rendering it', async () => {
    const host = document.createElement('div');
    const template = document.createElement('template');
    template.innerHTML = PRERENDERED;
    host.append(template.content.cloneNode(true));
    const before = host.querySelector('article');
    document.body.append(host);
    try {
      const element = host.querySelector('aloud-article') as AloudArticle;
      await element.updateComplete;
      // Same node, same text: find-in-page, reader modes and the player's highlight rely on it.
      expect(host.querySelector('article')).to.equal(before);
      expect(element.querySelectorAll('p[data-aloud-paragraph]').length).to.equal(2);
      expect(element.shadowRoot?.querySelector('slot')).to.not.equal(null);
      expect(element.shadowRoot?.querySelector('article')).to.equal(null);
      expect(element.getBoundingClientRect().height).to.be.greaterThan(0);
    } finally {
      host.remove();
    }
  });

  it('has no axe violations', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <main>
          <aloud-article>
            <article id="story" lang="en" aria-labelledby="h">
              <h1 id="h">A headline</h1>
              <figure><figcaption>A caption.</figcaption></figure>
              <p>Body text.</p>
            </article>
          </aloud-article>
        </main>
      </div>`,
    );
    expect(await axeViolations(root)).to.deep.equal([]);
  });
});

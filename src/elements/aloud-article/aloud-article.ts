import { LitElement, html } from 'lit';
import { styles } from './aloud-article.styles.ts';

/**
 * Adopts the article that the build prerendered into the page. The text stays
 * in the light DOM, where find-in-page, reader modes, no-JS readers and
 * assistive tech all see it; this element only slots it, and never re-renders
 * or replaces it (the player highlights it in place).
 *
 * @summary Wraps the prerendered article without taking it over.
 * @slot - The prerendered `<article>`, left exactly as the server sent it.
 */
export class AloudArticle extends LitElement {
  static override styles = styles;

  override render() {
    return html`<slot></slot>`;
  }
}

// A guard rather than @customElement: the embed script may be loaded twice on
// one page, and a second define() would throw.
if (!customElements.get('aloud-article')) customElements.define('aloud-article', AloudArticle);

declare global {
  interface HTMLElementTagNameMap {
    'aloud-article': AloudArticle;
  }
}

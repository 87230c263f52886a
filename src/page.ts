/**
 * The article page's script (index.html): the embed plus `<aloud-article>`,
 * which adopts the article the build prerendered into this page. Host pages
 * never use `<aloud-article>`, so it is not part of `aloud.js`.
 */
import './aloud.ts';
import './elements/aloud-article/aloud-article.ts';

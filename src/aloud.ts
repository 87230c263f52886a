/**
 * The embed entry (`dist/aloud.js`): importing it defines `<aloud-player>`
 * and nothing else. The element guards against being defined twice, so a
 * page that loads the script twice keeps working. (`<aloud-article>` is for
 * Aloud's own prerendered page only: see page.ts.)
 */
import './elements/aloud-player/aloud-player.ts';

export { AloudPlayer } from './elements/aloud-player/aloud-player.ts';
export type { ParagraphChangeDetail, PlayerErrorDetail } from './elements/aloud-player/events.ts';

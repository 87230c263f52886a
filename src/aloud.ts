/**
 * The embed entry (`dist/aloud.js`): importing it defines the custom elements
 * and nothing else. Each element guards against being defined twice, so a
 * page that loads the script twice keeps working.
 */
import './elements/aloud-article/aloud-article.ts';
import './elements/aloud-player/aloud-player.ts';

export { AloudPlayer } from './elements/aloud-player/aloud-player.ts';
export type { ParagraphChangeDetail, PlayerErrorDetail } from './elements/aloud-player/events.ts';

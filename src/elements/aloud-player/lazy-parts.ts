/**
 * The entry of the player's one lazy chunk: the reading (reading-api.ts) and
 * the extras (extras-api.ts) travel together, so a player costs `aloud.js`
 * plus one request rather than a cascade of small shared chunks.
 */
export { startReading } from './reading.ts';
export { extras } from './aloud-player.extras.ts';

/**
 * Lock-screen and hardware media keys, where the browser supports the Media
 * Session API: title, author and site, with tracks mapped to paragraphs.
 */

interface SessionPlayer {
  readonly headline: string;
  readonly paused: boolean;
  play(): Promise<void>;
  pause(): void;
  next(): void;
  previous(): void;
}

export function updateMediaSession(player: SessionPlayer): void {
  const session = typeof navigator !== 'undefined' ? navigator.mediaSession : undefined;
  if (!session || typeof MediaMetadata === 'undefined') return;
  try {
    const author = document.querySelector('meta[name="author"]')?.getAttribute('content') ?? '';
    if (session.metadata?.title !== player.headline) {
      session.metadata = new MediaMetadata({
        title: player.headline,
        artist: author,
        album: document.title || location.hostname,
      });
    }
    session.playbackState = player.paused ? 'paused' : 'playing';
    session.setActionHandler('play', () => void player.play().catch(() => undefined));
    session.setActionHandler('pause', () => player.pause());
    session.setActionHandler('previoustrack', () => player.previous());
    session.setActionHandler('nexttrack', () => player.next());
  } catch {
    // Some browsers throw for unsupported actions; the on-page controls still work.
  }
}

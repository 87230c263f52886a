/**
 * "Download audio" in the settings panel: renders the whole article with the
 * built-in voice into a WAV file plus WebVTT captions (one cue per sentence),
 * with a labelled native <progress> and a Cancel button. When done it offers
 * two links rather than starting two downloads at once, which browsers block
 * or ask about. Part of the lazy extras; the renderer is lazier still.
 */
import { html, nothing } from 'lit';
import { extraStrings } from '../../core/i18n/extras-strings.ts';
import { applyLexicon } from '../../core/content/lexicon.ts';
import type { SentenceToRender } from '../../core/speech/builtin/render-article.ts';
import { loadRenderer } from '../../core/speech/builtin/load.ts';
import { isBuiltInVoiceId } from '../../core/speech/builtin/voices.ts';
import type { PlayerSnapshot } from '../../core/player/snapshot.ts';

type DownloadState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'rendering'; readonly progress: number; readonly abort: AbortController }
  | {
      readonly phase: 'ready';
      readonly audioUrl: string;
      readonly captionsUrl: string;
      readonly name: string;
      readonly bytes: number;
    }
  | { readonly phase: 'failed' };

/** A file name from the headline: letters and digits of any script, dashes between. */
export function fileBaseName(headline: string): string {
  const slug = headline
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug || 'article';
  // Cut at a word boundary: "…-as-assad", not "…-as-assad-reg".
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : 60);
}

/** What the download needs of the part that shows it. */
export interface DownloadHost {
  snapshot(): PlayerSnapshot | undefined;
  /** The download's state changed: render again. */
  changed(): void;
  /** Moves focus to `selector` once rendered: the button pressed is replaced by the next step's control. */
  focusAfterRender(selector: string): void;
  /** Says `id` (a late message, see the reading chunk's entry) in the player's status line. */
  announce(id: string): void;
}

export class DownloadAudio {
  state: DownloadState = { phase: 'idle' };

  readonly #host: DownloadHost;
  constructor(host: DownloadHost) {
    this.#host = host;
  }

  async start(): Promise<void> {
    const snapshot = this.#host.snapshot();
    const article = snapshot?.reading.article;
    if (!snapshot || !article || this.state.phase === 'rendering') return;
    const sentences: SentenceToRender[] = article.paragraphs.flatMap((unit, index) =>
      article.sentences(index).map((sentence, utteranceIndex) => ({
        text: sentence.text,
        spoken: applyLexicon(sentence.text, article.lexicon).text,
        lang: unit.lang,
        paragraphStart: utteranceIndex === 0,
      })),
    );
    const abort = new AbortController();
    this.#set({ phase: 'rendering', progress: 0, abort }, 'preparingAudio', '#download-cancel');
    try {
      const { renderArticle } = await loadRenderer();
      const voiceId = snapshot.preferences.voiceId;
      const rendered = await renderArticle(sentences, {
        rate: snapshot.playback.rate,
        voiceId: isBuiltInVoiceId(voiceId) ? voiceId : null,
        signal: abort.signal,
        headline: article.paragraphs[0]?.kind === 'heading',
        onProgress: (progress) => {
          if (!this.#isCurrent(abort)) return;
          this.state = { phase: 'rendering', abort, progress };
          this.#host.changed();
        },
      });
      if (!this.#isCurrent(abort)) return;
      this.#set(
        {
          phase: 'ready',
          audioUrl: URL.createObjectURL(new Blob([rendered.wav], { type: 'audio/wav' })),
          captionsUrl: URL.createObjectURL(new Blob([rendered.vtt], { type: 'text/vtt' })),
          name: fileBaseName(snapshot.headline),
          bytes: rendered.wav.byteLength,
        },
        'audioReady',
        '#download-audio-link',
      );
    } catch (error) {
      if (abort.signal.aborted) return;
      console.warn('<aloud-player>: the audio download failed', error);
      this.#set({ phase: 'failed' }, 'downloadFailed', '#download-start');
    }
  }

  /** False once cancelled or restarted: late results of that run are dropped. */
  #isCurrent(abort: AbortController): boolean {
    return this.state.phase === 'rendering' && this.state.abort === abort;
  }

  cancel(): void {
    if (this.state.phase !== 'rendering') return;
    this.state.abort.abort();
    this.#set({ phase: 'idle' }, 'downloadCancelled', '#download-start');
  }

  /** Moves focus with the UI: the button pressed is replaced by the next step's control. */
  #set(state: DownloadState, status: string, focus: string): void {
    if (this.state.phase === 'ready') {
      URL.revokeObjectURL(this.state.audioUrl);
      URL.revokeObjectURL(this.state.captionsUrl);
    }
    this.state = state;
    this.#host.announce(status);
    this.#host.changed();
    this.#host.focusAfterRender(focus);
  }
}

function sizeLabel(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
    bytes / 1_000_000,
  );
}

/** The words of the download's status messages, registered as late messages by id. */
export const downloadMessages = {
  preparingAudio: extraStrings.preparingAudio,
  audioReady: extraStrings.audioReady,
  downloadFailed: extraStrings.downloadFailed,
  downloadCancelled: extraStrings.downloadCancelled,
};

export function renderDownload(download: DownloadAudio, snapshot: PlayerSnapshot) {
  const state = download.state;
  const startButton = html`<button
    type="button"
    id="download-start"
    aria-describedby="download-hint"
    ?disabled=${!snapshot.reading.article}
    @click=${() => void download.start()}
  >
    ${extraStrings.downloadAudio()}
  </button>`;
  return html`<div class="download">
    ${
      state.phase === 'rendering'
        ? html`<label for="download-progress">${extraStrings.preparingAudio()}</label>
            <progress id="download-progress" max="100" value=${Math.round(state.progress * 100)}></progress>
            <button type="button" id="download-cancel" @click=${() => download.cancel()}>
              ${extraStrings.cancelDownload()}
            </button>`
        : startButton
    }
    ${
      state.phase === 'ready'
        ? html`<a id="download-audio-link" href=${state.audioUrl} download=${`${state.name}.wav`}
              >${extraStrings.saveAudio(sizeLabel(state.bytes, snapshot.locale.tag))}</a
            >
            <a id="download-captions-link" href=${state.captionsUrl} download=${`${state.name}.vtt`}
              >${extraStrings.saveCaptions()}</a
            >`
        : nothing
    }
    ${state.phase === 'failed' ? html`<p>${extraStrings.downloadFailed()}</p>` : nothing}
    <p id="download-hint" class="hint">${extraStrings.downloadHint()}</p>
  </div>`;
}

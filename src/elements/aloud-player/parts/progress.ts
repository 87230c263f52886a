/**
 * `<aloud-progress>` (reading chunk): the paragraph slider, whose
 * `aria-valuetext` names the paragraph, and the elapsed and remaining times.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { excerpt, extraStrings, formatDuration } from '../../../core/i18n/extras-strings.ts';
import { paragraphCount, type PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { estimateTime } from '../../../core/playback/timing.ts';
import { definePart, PlayerPart } from './player-part.ts';

export class AloudProgress extends PlayerPart {
  protected override renderPart(snapshot: PlayerSnapshot) {
    const { playback } = snapshot;
    const article = snapshot.reading.article;
    const count = paragraphCount(snapshot);
    if (!article || count === 0) return nothing;
    const position = playback.paragraphIndex + 1;
    const text = excerpt(article.units[playback.paragraphIndex]?.text ?? '');
    const sentences = playback.chunkCounts[playback.paragraphIndex] ?? 1;
    const fraction = playback.status === 'ended' ? 1 : playback.chunkIndex / sentences;
    const time = estimateTime(article.wordsBefore, playback.paragraphIndex, fraction, playback.rate);
    const locale = snapshot.locale.tag;
    return html`
      <div class="progress">
        <label for="progress">${extraStrings.progress()}</label>
        <input
          id="progress"
          part="progress"
          type="range"
          min="1"
          max=${count}
          step="1"
          .value=${live(String(position))}
          aria-valuetext=${extraStrings.paragraphOf(position, count, text)}
          @change=${(event: Event) =>
            this.request({
              type: 'seek',
              paragraphIndex: Number((event.target as HTMLInputElement).value) - 1,
              play: true,
            })}
        />
        <p class="times">
          <span>${extraStrings.elapsed(formatDuration(time.elapsedSeconds, locale))}</span>
          <span>${extraStrings.remaining(formatDuration(time.remainingSeconds, locale))}</span>
        </p>
      </div>
    `;
  }
}

definePart('aloud-progress', AloudProgress);

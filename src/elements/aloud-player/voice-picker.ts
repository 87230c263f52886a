/**
 * The voice picker: a native `<select>` (keyboard, type-ahead and screen
 * readers work as everywhere) with one `<optgroup>` per language tag, the
 * article's language only unless "Show all languages" is ticked. Grouping and
 * order come from the pure voice-groups.ts.
 *
 * A render function rather than an element, so it sits inside whatever panel
 * renders it and takes that panel's styles. The one piece of state, whether
 * all languages are shown, is kept per `owner` (the player).
 */
import { html, nothing } from 'lit';
import { extraStrings } from '../../core/i18n/extras-strings.ts';
import type { EngineVoice } from '../../core/speech/engine.ts';
import { groupVoices, type VoiceGroup } from '../../core/speech/voice-groups.ts';

export interface VoicePickerProps {
  readonly voices: readonly EngineVoice[];
  /** The listener's choice; null for the default voice. */
  readonly chosenId: string | null;
  /** The article's language (BCP 47). */
  readonly lang: string;
  /** The player's UI language, for the groups' names. */
  readonly locale: string;
  readonly onChange: (voiceId: string | null) => void;
  /** Whose "Show all languages" this is (one per player), and how to render it again. */
  readonly owner: object;
  readonly requestUpdate: () => void;
}

const showAll = new WeakMap<object, boolean>();

function languageName(tag: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    // Tags Intl rejects (eSpeak invents some): the tag itself.
    return tag;
  }
}

function renderGroup(group: VoiceGroup, chosenId: string | null, locale: string) {
  return html`<optgroup label=${languageName(group.lang, locale)}>
    ${group.voices.map(
      (voice) => html`<option value=${voice.id} ?selected=${voice.id === chosenId}>${voice.name}</option>`,
    )}
  </optgroup>`;
}

export function renderVoicePicker(props: VoicePickerProps) {
  const all = showAll.get(props.owner) ?? false;
  const groups = groupVoices(props.voices, props.lang, all, props.chosenId);
  const onShowAll = (event: Event) => {
    showAll.set(props.owner, (event.target as HTMLInputElement).checked);
    props.requestUpdate();
  };
  const count = new Intl.NumberFormat(props.locale).format(groups.otherCount);
  return html`
    <label
      >${extraStrings.voice()}
      <select @change=${(event: Event) => props.onChange((event.target as HTMLSelectElement).value || null)}>
        <option value="" ?selected=${!props.chosenId}>${extraStrings.defaultVoice()}</option>
        ${groups.matching.map((group) => renderGroup(group, props.chosenId, props.locale))}
        ${groups.others.map((group) => renderGroup(group, props.chosenId, props.locale))}
      </select>
    </label>
    ${
      groups.otherCount > 0 || all
        ? html`<label
            ><input
              type="checkbox"
              .checked=${all}
              @change=${onShowAll}
            />${extraStrings.showAllLanguages(count)}</label
          >`
        : nothing
    }
  `;
}

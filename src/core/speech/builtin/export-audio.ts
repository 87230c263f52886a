/**
 * The download formats: 16-bit mono PCM WAV and WebVTT captions. Pure
 * functions over bytes and strings, so Node tests check every header field.
 */

export interface Cue {
  /** Seconds from the start of the audio. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const WAV_HEADER_BYTES = 44;

/** A canonical RIFF/WAVE file: `fmt ` (PCM, mono, 16-bit) then `data`. */
export function encodeWav(chunks: readonly Int16Array[], sampleRate: number): Uint8Array<ArrayBuffer> {
  const samples = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const dataBytes = samples * 2;
  const bytes = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string): void => {
    for (let index = 0; index < text.length; index++) view.setUint8(offset + index, text.charCodeAt(index));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  let offset = WAV_HEADER_BYTES;
  for (const chunk of chunks) {
    // WAV is little-endian whatever the platform: write sample by sample.
    for (let index = 0; index < chunk.length; index++, offset += 2) view.setInt16(offset, chunk[index] ?? 0, true);
  }
  return bytes;
}

/** `hh:mm:ss.ttt`, the only timestamp form every WebVTT reader accepts. */
export function vttTimestamp(seconds: number): string {
  const milliseconds = Math.max(0, Math.round(seconds * 1000));
  const hours = Math.floor(milliseconds / 3_600_000);
  const minutes = Math.floor(milliseconds / 60_000) % 60;
  const secs = Math.floor(milliseconds / 1000) % 60;
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}.${pad(milliseconds % 1000, 3)}`;
}

/** Cue text may not hold `-->`, markup or blank lines: escape, and keep each cue on one line. */
function cueText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function encodeWebVtt(cues: readonly Cue[], lang?: string): string {
  const header = lang ? `WEBVTT\nLanguage: ${lang}\n` : 'WEBVTT\n';
  const body = cues.map(
    (cue, index) => `${index + 1}\n${vttTimestamp(cue.start)} --> ${vttTimestamp(cue.end)}\n${cueText(cue.text)}\n`,
  );
  return [header, ...body].join('\n');
}

/**
 * What the e2e suites need to hear the built-in voice in headless Chromium:
 * a probe of the audio it plays, a browser without Web Speech, and the
 * Content Security Policies the README documents for it.
 */

/** One buffer the page handed to Web Audio: its length (seconds) and loudest sample (0–1). */
export interface PlayedBuffer {
  readonly seconds: number;
  readonly peak: number;
}

/** The page's record of what `PROBE_WEB_AUDIO` saw. */
export interface AudioProbeWindow {
  __buffers: PlayedBuffer[];
}

/**
 * Records every AudioBufferSourceNode started into `window.__buffers`, for
 * `evaluateOnNewDocument`. Source text, not a function: tsx would add its
 * `__name` helper to a function, which does not exist in the page.
 */
export const PROBE_WEB_AUDIO = `
  window.__buffers = [];
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (...args) {
    const samples = this.buffer ? this.buffer.getChannelData(0) : new Float32Array();
    let peak = 0;
    for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
    window.__buffers.push({ seconds: this.buffer ? this.buffer.duration : 0, peak });
    return start.apply(this, args);
  };`;

/** As in a browser without Web Speech at all, for `evaluateOnNewDocument`. */
export const DELETE_SPEECH =
  "Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => undefined });";

/** Exactly what the built-in voice needs from the page's own origin: no 'wasm-unsafe-eval', no blob: (README, "CSP"). */
export const MINIMAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; worker-src 'self'; connect-src 'self'";

/**
 * What a host page must allow for the built-in voice served from `origin`
 * (README, "CSP"): a module worker's imports count as worker loads, so
 * worker-src names the CDN besides blob:.
 */
export function cdnCsp(origin: string): string {
  return `default-src 'self'; script-src 'self' ${origin}; style-src 'self'; img-src 'self'; worker-src blob: ${origin}; connect-src ${origin}`;
}

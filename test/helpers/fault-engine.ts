/**
 * A `SpeechEngine` for property tests that does nothing on its own: the test
 * fires every event, for the current utterance, a late one (already settled
 * or cancelled) or a stale one (older), and can make the next `speak()` throw
 * or report synchronously from inside the call. Fully synchronous, so
 * thousands of random races run in seconds.
 *
 * It keeps the engine-side truth the invariants need: which utterances are
 * in flight (spoken, neither settled nor cancelled) and whether it is paused.
 */
import type {
  EngineErrorCode,
  EngineEvent,
  EngineListener,
  EngineVoice,
  SpeakRequest,
  SpeechEngine,
} from '../../src/core/speech/engine.ts';

/** What the next `speak()` does besides queueing the utterance. */
export type SpeakFault = 'none' | 'throw' | 'sync-start' | 'sync-error' | 'sync-end';
export type EventTarget = 'current' | 'late' | 'stale';
export type FiredEvent =
  | { readonly type: 'start' | 'end' }
  | { readonly type: 'boundary'; readonly charIndex: number; readonly charLength: number }
  | { readonly type: 'error'; readonly code: EngineErrorCode };

export interface FaultEngineCall {
  readonly method: 'speak' | 'cancel' | 'pause' | 'resume';
  /** The utterance id for `speak` (0 when it threw). */
  readonly id: number;
}

export class FaultEngine implements SpeechEngine {
  readonly id = 'fault';
  readonly calls: FaultEngineCall[] = [];
  /** Requests that were accepted, by utterance id. */
  readonly requests = new Map<number, SpeakRequest>();
  /** Spoken and neither settled nor cancelled. More than one at a time is a bug of the caller. */
  readonly inFlight = new Set<number>();
  /** The most utterances in flight at once, counted before `speak()` drops the old one. */
  maxInFlight = 0;
  paused = false;
  nextFault: SpeakFault = 'none';

  #lastId = 0;
  readonly #listeners = new Set<EngineListener>();
  #voiceList: readonly EngineVoice[];

  constructor(voices: readonly EngineVoice[] = []) {
    this.#voiceList = voices;
  }

  speak(request: SpeakRequest): number {
    const fault = this.nextFault;
    this.nextFault = 'none';
    if (fault === 'throw') {
      this.calls.push({ method: 'speak', id: 0 });
      throw new Error('FaultEngine: speak() threw');
    }
    const id = ++this.#lastId;
    this.calls.push({ method: 'speak', id });
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight.size + 1);
    // The interface says speak() replaces whatever is speaking; the count above still sees a caller that forgot to cancel.
    this.inFlight.clear();
    this.inFlight.add(id);
    this.paused = false;
    this.requests.set(id, request);
    if (fault === 'sync-start') this.#emit({ type: 'start', utteranceId: id });
    if (fault === 'sync-end') this.#settleAndEmit(id, { type: 'end', utteranceId: id });
    if (fault === 'sync-error') this.#settleAndEmit(id, { type: 'error', utteranceId: id, code: 'synthesis-failed' });
    return id;
  }

  pause(): void {
    this.calls.push({ method: 'pause', id: this.currentId ?? 0 });
    if (this.inFlight.size > 0) this.paused = true;
  }

  resume(): void {
    this.calls.push({ method: 'resume', id: this.currentId ?? 0 });
    this.paused = false;
  }

  cancel(): void {
    this.calls.push({ method: 'cancel', id: this.currentId ?? 0 });
    this.inFlight.clear();
    this.paused = false;
  }

  voices(): readonly EngineVoice[] {
    return this.#voiceList;
  }

  ready(): Promise<readonly EngineVoice[]> {
    return Promise.resolve(this.#voiceList);
  }

  subscribe(listener: EngineListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.cancel();
    this.#listeners.clear();
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  get currentId(): number | null {
    const [id] = this.inFlight;
    return id ?? null;
  }

  /** The newest utterance, whether or not it is still in flight. */
  get lastSpokenId(): number | null {
    return this.#lastId > 0 ? this.#lastId : null;
  }

  setVoices(voices: readonly EngineVoice[]): void {
    this.#voiceList = voices;
    this.#emit({ type: 'voiceschanged' });
  }

  /**
   * Fires `event` for the target utterance; returns false when there is none
   * (nothing in flight for `current`, nothing older for `stale`). `back`
   * picks which older utterance a stale event belongs to.
   */
  fire(target: EventTarget, event: FiredEvent, back = 0): boolean {
    const id = this.#targetId(target, back);
    if (id === null) return false;
    const full: EngineEvent =
      event.type === 'boundary' ? { ...event, name: 'word', utteranceId: id } : { ...event, utteranceId: id };
    if (target === 'current' && (event.type === 'end' || event.type === 'error')) this.#settleAndEmit(id, full);
    else this.#emit(full);
    return true;
  }

  #targetId(target: EventTarget, back: number): number | null {
    const current = this.currentId;
    if (target === 'current') return current;
    if (target === 'late') return this.#lastId > 0 && this.#lastId !== current ? this.#lastId : null;
    const older = this.#lastId - 1;
    return older > 0 ? older - (back % older) : null;
  }

  #settleAndEmit(id: number, event: EngineEvent): void {
    this.inFlight.delete(id);
    this.paused = false;
    this.#emit(event);
  }

  #emit(event: EngineEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}

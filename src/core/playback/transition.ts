/**
 * The playback logic as one pure function: `transition(state, event)` returns
 * the next state and the effects the controller must run. No DOM, no timers,
 * no engine: every rule here is testable without a browser.
 */
import type { EngineErrorCode } from '../speech/engine.ts';
import {
  clampRate,
  isActive,
  paragraphCount,
  type PlaybackEffect,
  type PlaybackEvent,
  type PlaybackState,
  type Transition,
} from './state.ts';

/**
 * Errors after which the same chunk is tried once more before giving up.
 * Not `timeout`: the engine has already spoken it again before reporting one.
 */
const RETRYABLE: ReadonlySet<EngineErrorCode> = new Set(['synthesis-failed']);

function freeze(state: PlaybackState, effects: PlaybackEffect[] = []): Transition {
  return { state: Object.freeze(state), effects };
}

/** Ask the engine for the chunk at the state's position, as a new utterance. */
function speak(state: PlaybackState, retries = 0): Transition {
  const token = state.token + 1;
  const next: PlaybackState = {
    ...state,
    // Moving on while already playing stays "playing": announcing "Starting"
    // between sentences would be noise. From rest, wait for the engine's start.
    status: state.status === 'playing' ? 'playing' : 'starting',
    token,
    inFlight: true,
    retries,
    error: null,
    word: null,
  };
  return freeze(next, [
    {
      type: 'speak',
      token,
      paragraphIndex: state.paragraphIndex,
      utteranceIndex: state.utteranceIndex,
      from: state.from,
      rate: state.rate,
      voiceId: state.voiceId,
    },
  ]);
}

/**
 * Drop the utterance in flight; bumping the token makes its late events
 * stale. The only source of `cancel`: nothing in flight, nothing to cancel.
 * `keepPlace`: the next utterance starts at the word last heard.
 */
function silence(state: PlaybackState, keepPlace = false): { state: PlaybackState; effects: PlaybackEffect[] } {
  if (!state.inFlight) return { state, effects: [] };
  const from = keepPlace ? (state.word?.start ?? state.from) : state.from;
  return {
    state: { ...state, inFlight: false, token: state.token + 1, word: null, from },
    effects: [{ type: 'cancel' }],
  };
}

function moveTo(state: PlaybackState, paragraphIndex: number, play: boolean): Transition {
  const count = paragraphCount(state);
  if (count === 0) return freeze(state);
  const target = Math.min(count - 1, Math.max(0, Math.trunc(paragraphIndex)));
  const silenced = silence(state);
  const moved: PlaybackState = {
    ...silenced.state,
    paragraphIndex: target,
    utteranceIndex: 0,
    from: 0,
    retries: 0,
    word: null,
  };
  if (play) {
    const spoken = speak(moved);
    return freeze(spoken.state, [...silenced.effects, ...spoken.effects]);
  }
  // Not reading: the place moved and is held there, paused, so the paragraph is
  // marked and Play reads from it (ended or an error no longer hold once we move).
  // A "playing" we just silenced is paused too: fast-check found seek(play: false)
  // while playing left "playing" with nothing in flight.
  return freeze({ ...moved, status: 'paused', error: null }, silenced.effects);
}

function play(state: PlaybackState): Transition {
  switch (state.status) {
    case 'starting':
    case 'playing':
      return freeze(state);
    case 'paused':
      if (state.inFlight) {
        // The engine holds the utterance: resume it in place. "Playing" only
        // once the engine confirms with `start` (a resume can be silent).
        return freeze({ ...state, status: 'starting' }, [{ type: 'resume-engine' }]);
      }
      return speak(state);
    case 'ended':
      return moveTo(state, 0, true);
    case 'error':
      if (state.error === 'empty') return freeze(state);
      return speak(silence(state).state);
    case 'idle':
      return paragraphCount(state) === 0 ? freeze(state) : speak(state);
  }
}

function pause(state: PlaybackState): Transition {
  if (state.status === 'playing' && state.inFlight) {
    return freeze({ ...state, status: 'paused' }, [{ type: 'pause-engine' }]);
  }
  if (state.status === 'starting' || state.status === 'playing') {
    // Not confirmed yet: a native pause could be lost, so cancel and re-speak on play.
    const silenced = silence(state, true);
    return freeze({ ...silenced.state, status: 'paused' }, silenced.effects);
  }
  return freeze(state);
}

/** Same position, new settings: a Web Speech utterance cannot change rate or voice mid-way. */
function respeak(state: PlaybackState): Transition {
  if (isActive(state)) {
    const silenced = silence(state);
    const spoken = speak(silenced.state);
    return freeze(spoken.state, [...silenced.effects, ...spoken.effects]);
  }
  if (state.inFlight) {
    const silenced = silence(state);
    return freeze(silenced.state, silenced.effects);
  }
  return freeze(state);
}

/**
 * A new speed keeps the place. While speaking, repeated presses are gathered
 * (the controller debounces `apply-rate-soon` into one `apply-rate`). While
 * the engine holds a paused utterance at the old speed, it is let go, and
 * play speaks on from the word heard last.
 */
function changeRate(state: PlaybackState): Transition {
  if (isActive(state) && state.inFlight) return freeze(state, [{ type: 'apply-rate-soon' }]);
  const silenced = silence(state, true);
  return freeze(silenced.state, silenced.effects);
}

/**
 * Speak on from the current word at the new speed. Without a known word on
 * an engine that reports none, the new speed waits for the next sentence
 * rather than repeating this one from its start.
 */
function applyRate(state: PlaybackState, wordsKnown: boolean): Transition {
  if (!isActive(state) || !state.inFlight) return freeze(state);
  if (state.status === 'playing' && state.word === null && !wordsKnown) return freeze(state);
  const silenced = silence(state, true);
  const spoken = speak(silenced.state);
  return freeze(spoken.state, [...silenced.effects, ...spoken.effects]);
}

function advance(state: PlaybackState): Transition {
  const chunks = state.utteranceCounts[state.paragraphIndex] ?? 0;
  const done: PlaybackState = { ...state, inFlight: false, word: null, retries: 0, from: 0 };
  // An utterance can end just after the listener paused: move on, but stay quiet.
  const go = state.status === 'paused' ? (next: PlaybackState) => freeze(next) : speak;
  if (state.utteranceIndex + 1 < chunks) {
    return go({ ...done, utteranceIndex: state.utteranceIndex + 1 });
  }
  if (state.paragraphIndex + 1 < paragraphCount(state)) {
    return go({ ...done, paragraphIndex: state.paragraphIndex + 1, utteranceIndex: 0 });
  }
  return freeze({ ...done, status: 'ended' });
}

function engineError(state: PlaybackState, code: EngineErrorCode): Transition {
  const failed: PlaybackState = { ...state, inFlight: false, word: null };
  if (code === 'interrupted' || code === 'canceled') {
    // Someone else cancelled our utterance (another tab, the OS): stop, keep the place.
    return freeze({ ...failed, status: 'paused' });
  }
  if (state.status === 'paused') return freeze(failed);
  if (RETRYABLE.has(code) && state.retries < 1) {
    return speak(failed, state.retries + 1);
  }
  return freeze({ ...failed, status: 'error', error: code });
}

export function transition(state: PlaybackState, event: PlaybackEvent): Transition {
  switch (event.type) {
    case 'load': {
      const silenced = silence(state);
      const counts = event.utteranceCounts.map((count) => Math.max(1, Math.trunc(count)));
      const last = Math.max(0, counts.length - 1);
      const paragraphIndex = Math.min(last, Math.max(0, Math.trunc(event.paragraphIndex ?? 0)));
      return freeze(
        {
          ...silenced.state,
          status: counts.length === 0 ? 'error' : 'idle',
          error: counts.length === 0 ? 'empty' : null,
          utteranceCounts: counts,
          paragraphIndex,
          utteranceIndex: 0,
          from: 0,
          retries: 0,
        },
        silenced.effects,
      );
    }
    case 'play':
      return play(state);
    case 'pause':
      return pause(state);
    case 'toggle':
      return isActive(state) ? pause(state) : play(state);
    case 'next':
      if (state.paragraphIndex + 1 >= paragraphCount(state)) return freeze(state);
      return moveTo(state, state.paragraphIndex + 1, isActive(state));
    case 'previous':
      if (state.paragraphIndex === 0 && state.utteranceIndex === 0) return freeze(state);
      return moveTo(state, state.paragraphIndex - 1, isActive(state));
    case 'seek':
      return moveTo(state, event.paragraphIndex, event.play ?? true);
    case 'rate': {
      const rate = clampRate(event.rate);
      if (rate === state.rate) return freeze(state);
      return changeRate({ ...state, rate });
    }
    case 'apply-rate':
      return applyRate(state, event.wordsKnown);
    case 'voice':
      if (event.voiceId === state.voiceId) return freeze(state);
      return respeak({ ...state, voiceId: event.voiceId });
    case 'utterances': {
      const index = state.paragraphIndex;
      if (event.paragraphIndex !== index || index >= paragraphCount(state)) return freeze(state);
      const count = Math.max(1, Math.trunc(event.count) || 1);
      const utteranceCounts = state.utteranceCounts.with(index, count);
      return freeze({
        ...state,
        utteranceCounts,
        utteranceIndex: Math.min(count - 1, Math.max(0, Math.trunc(event.utteranceIndex) || 0)),
      });
    }
    case 'stop': {
      if (!state.inFlight && !isActive(state)) return freeze(state);
      const silenced = silence(state);
      return freeze({ ...silenced.state, status: 'paused' }, silenced.effects);
    }
    case 'engine-start':
      if (event.token !== state.token || !state.inFlight) return freeze(state);
      return state.status === 'starting' ? freeze({ ...state, status: 'playing' }) : freeze(state);
    case 'engine-boundary':
      if (event.token !== state.token || !state.inFlight) return freeze(state);
      return freeze({
        ...state,
        // Some engines send boundaries without a start: a boundary proves speech.
        status: state.status === 'starting' ? 'playing' : state.status,
        word: { start: Math.max(0, event.charIndex), length: Math.max(0, event.charLength) },
      });
    case 'engine-end':
      if (event.token !== state.token || !state.inFlight) return freeze(state);
      return advance(state);
    case 'engine-error':
      if (event.token !== state.token || !state.inFlight) return freeze(state);
      return engineError(state, event.code);
  }
}

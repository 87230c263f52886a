/**
 * Conformance tests for the Web Speech API's synthesis half, written as a
 * page's own code: they use only `window.speechSynthesis` and the five
 * interfaces, whoever provides them. test/browser/polyfill.conformance.test.ts
 * runs them against the polyfill and against a fake of a conforming browser.
 */
import { expect } from '@open-wc/testing';
import { sleep, waitFor } from '../helpers/wait.ts';

/** What the tests see: the page's globals, loosely typed (they may be anyone's). */
interface Api {
  speechSynthesis: SpeechSynthesis;
  SpeechSynthesis: typeof SpeechSynthesis;
  SpeechSynthesisUtterance: typeof SpeechSynthesisUtterance;
  SpeechSynthesisVoice: typeof SpeechSynthesisVoice;
  SpeechSynthesisEvent: typeof SpeechSynthesisEvent;
  SpeechSynthesisErrorEvent: typeof SpeechSynthesisErrorEvent;
}
const api = (): Api => window as unknown as Api;

interface Seen {
  type: string;
  name: string;
  charIndex: number;
  charLength: number;
  elapsedTime: number;
  error?: string;
}

/** Records every event of `utterance`; `finished()` resolves on `end` or `error`. */
function record(utterance: SpeechSynthesisUtterance) {
  const seen: Seen[] = [];
  for (const type of ['start', 'boundary', 'mark', 'pause', 'resume', 'end', 'error'])
    utterance.addEventListener(type, (event) => {
      const { name, charIndex, charLength, elapsedTime } = event as SpeechSynthesisEvent;
      const error = (event as SpeechSynthesisErrorEvent).error;
      seen.push({ type, name, charIndex, charLength, elapsedTime, ...(error ? { error } : {}) });
    });
  const types = () => seen.map((event) => event.type);
  const finished = (timeoutMs = 20_000) =>
    waitFor(() => types().includes('end') || types().includes('error'), 'the utterance finishes', timeoutMs);
  return { seen, types, finished };
}

const TWO_SENTENCES = 'Hello there, listener. This is a test of speech.';
const LONG =
  'Residents of the old city sent their final messages to the world last night, and the world read every one of them.';

export function conformanceSuite(name: string, provide: () => Promise<void>): void {
  describe(`Web Speech synthesis conformance: ${name}`, function () {
    this.timeout(40_000);
    before(provide);
    afterEach(async () => {
      api().speechSynthesis.cancel();
      api().speechSynthesis.resume();
      await sleep(20);
    });

    it('has real interfaces: EventTarget and Event subclasses, branded, not constructible where the IDL says so', () => {
      const { speechSynthesis, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice } = api();
      const { SpeechSynthesisEvent, SpeechSynthesisErrorEvent } = api();
      expect(speechSynthesis).to.be.instanceOf(SpeechSynthesis);
      expect(speechSynthesis).to.be.instanceOf(EventTarget);
      expect(Object.getPrototypeOf(SpeechSynthesis.prototype)).to.equal(EventTarget.prototype);
      expect(Object.getPrototypeOf(SpeechSynthesisUtterance.prototype)).to.equal(EventTarget.prototype);
      expect(Object.getPrototypeOf(SpeechSynthesisEvent.prototype)).to.equal(Event.prototype);
      expect(Object.getPrototypeOf(SpeechSynthesisErrorEvent.prototype)).to.equal(SpeechSynthesisEvent.prototype);
      expect(() => new (SpeechSynthesis as unknown as new () => unknown)()).to.throw(TypeError);
      expect(() => new (SpeechSynthesisVoice as unknown as new () => unknown)()).to.throw(TypeError);
      expect(new SpeechSynthesisUtterance('x')).to.be.instanceOf(EventTarget);
      for (const [value, tag] of [
        [speechSynthesis, 'SpeechSynthesis'],
        [new SpeechSynthesisUtterance(), 'SpeechSynthesisUtterance'],
        [speechSynthesis.getVoices()[0], 'SpeechSynthesisVoice'],
      ] as const)
        expect(Object.prototype.toString.call(value)).to.equal(`[object ${tag}]`);
      expect(SpeechSynthesisUtterance.name).to.equal('SpeechSynthesisUtterance');
      for (const attribute of ['pending', 'speaking', 'paused', 'onvoiceschanged'])
        expect(attribute in SpeechSynthesis.prototype, attribute).to.equal(true);
    });

    it('gives utterances their defaults and converts and clamps attributes as the IDL says', () => {
      const { SpeechSynthesisUtterance } = api();
      const utterance = new SpeechSynthesisUtterance();
      expect([utterance.text, utterance.lang, utterance.voice]).to.deep.equal(['', '', null]);
      expect([utterance.volume, utterance.rate, utterance.pitch]).to.deep.equal([1, 1, 1]);
      expect(new SpeechSynthesisUtterance(null as unknown as string).text).to.equal('null');
      expect(new SpeechSynthesisUtterance(undefined).text).to.equal('');
      expect(new SpeechSynthesisUtterance(42 as unknown as string).text).to.equal('42');
      utterance.rate = 20;
      utterance.pitch = 3;
      utterance.volume = 2;
      expect([utterance.rate, utterance.pitch, utterance.volume]).to.deep.equal([10, 2, 1]);
      utterance.rate = 0;
      utterance.pitch = -1;
      utterance.volume = -1;
      expect([utterance.rate, utterance.pitch, utterance.volume]).to.deep.equal([0.1, 0, 0].map(Math.fround));
      utterance.rate = '2' as unknown as number;
      expect(utterance.rate).to.equal(2);
      utterance.pitch = 1.1;
      expect(utterance.pitch, 'a float, not a double').to.equal(Math.fround(1.1));
      expect(() => (utterance.rate = NaN)).to.throw(TypeError);
      expect(() => (utterance.volume = Infinity)).to.throw(TypeError);
      expect(utterance.rate, 'unchanged by a refused value').to.equal(2);
      expect(() => (utterance.voice = {} as SpeechSynthesisVoice)).to.throw(TypeError);
      utterance.lang = null as unknown as string;
      expect(utterance.lang).to.equal('null');
    });

    it('constructs events from their init dictionaries, with the required members required', () => {
      const { SpeechSynthesisUtterance, SpeechSynthesisEvent, SpeechSynthesisErrorEvent } = api();
      const utterance = new SpeechSynthesisUtterance('x');
      const event = new SpeechSynthesisEvent('boundary', { utterance });
      expect([
        event.type,
        event.utterance,
        event.charIndex,
        event.charLength,
        event.elapsedTime,
        event.name,
      ]).to.deep.equal(['boundary', utterance, 0, 0, 0, '']);
      const full = new SpeechSynthesisEvent('mark', {
        utterance,
        charIndex: 3,
        charLength: 2,
        elapsedTime: 1.5,
        name: 'm',
      });
      expect([full.charIndex, full.charLength, full.elapsedTime, full.name]).to.deep.equal([3, 2, 1.5, 'm']);
      expect(() => new SpeechSynthesisEvent('x', {} as SpeechSynthesisEventInit)).to.throw(TypeError);
      const error = new SpeechSynthesisErrorEvent('error', { utterance, error: 'interrupted' });
      expect(error).to.be.instanceOf(SpeechSynthesisEvent);
      expect(error.error).to.equal('interrupted');
      expect(() => new SpeechSynthesisErrorEvent('error', { utterance } as SpeechSynthesisErrorEventInit)).to.throw(
        TypeError,
      );
      expect(
        () => new SpeechSynthesisErrorEvent('error', { utterance, error: 'oops' as SpeechSynthesisErrorCode }),
      ).to.throw(TypeError);
    });

    it('lists its voices synchronously, as SpeechSynthesisVoice objects with one default', () => {
      const { speechSynthesis, SpeechSynthesisVoice, SpeechSynthesisUtterance } = api();
      const voices = speechSynthesis.getVoices();
      expect(voices.length).to.be.greaterThan(0);
      expect(voices.every((voice) => voice instanceof SpeechSynthesisVoice)).to.equal(true);
      expect(voices.filter((voice) => voice.default).length).to.equal(1);
      for (const voice of voices) {
        expect(voice.name).to.be.a('string').and.not.equal('');
        expect(voice.lang).to.match(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
        expect(typeof voice.localService).to.equal('boolean');
      }
      const utterance = new SpeechSynthesisUtterance('x');
      utterance.voice = voices[0] ?? null;
      expect(utterance.voice).to.equal(voices[0]);
      expect(speechSynthesis.onvoiceschanged).to.equal(null);
    });

    it('has every on… handler attribute, run in its place among the listeners', async () => {
      const { speechSynthesis, SpeechSynthesisUtterance } = api();
      const utterance = new SpeechSynthesisUtterance('Hi.');
      for (const type of ['start', 'end', 'error', 'pause', 'resume', 'mark', 'boundary'])
        expect(utterance[`on${type}` as 'onstart'], `on${type}`).to.equal(null);
      const order: string[] = [];
      utterance.addEventListener('end', () => order.push('first listener'));
      utterance.onend = () => order.push('replaced handler');
      utterance.addEventListener('end', () => order.push('last listener'));
      utterance.onend = (event) => order.push(`handler: ${event.type}`);
      utterance.onstart = () => order.push('start handler');
      utterance.onerror = 'not a function' as unknown as null;
      expect(utterance.onerror).to.equal(null);
      const { finished } = record(utterance);
      speechSynthesis.speak(utterance);
      await finished();
      expect(order).to.deep.equal(['start handler', 'first listener', 'handler: end', 'last listener']);
    });

    it('keeps a queue: pending, speaking and paused follow it, and utterances speak in order', async () => {
      const { speechSynthesis, SpeechSynthesisUtterance } = api();
      expect([speechSynthesis.pending, speechSynthesis.speaking, speechSynthesis.paused]).to.deep.equal([
        false,
        false,
        false,
      ]);
      const first = new SpeechSynthesisUtterance('One two.');
      const second = new SpeechSynthesisUtterance('Three four.');
      const a = record(first);
      const b = record(second);
      const states: string[] = [];
      first.onstart = () =>
        states.push(`first start: pending ${speechSynthesis.pending} speaking ${speechSynthesis.speaking}`);
      second.onstart = () =>
        states.push(`second start: pending ${speechSynthesis.pending} speaking ${speechSynthesis.speaking}`);
      speechSynthesis.speak(first);
      speechSynthesis.speak(second);
      expect(speechSynthesis.pending, 'both wait to start').to.equal(true);
      await b.finished();
      expect(states).to.deep.equal([
        'first start: pending true speaking true',
        'second start: pending false speaking true',
      ]);
      expect(a.types()[0]).to.equal('start');
      expect(a.types().at(-1)).to.equal('end');
      expect(b.types()[0]).to.equal('start');
      expect(b.types().at(-1)).to.equal('end');
      expect([speechSynthesis.pending, speechSynthesis.speaking]).to.deep.equal([false, false]);
    });

    it('reports word and sentence boundaries in order, at the words of the text, in seconds', async () => {
      const { speechSynthesis, SpeechSynthesisUtterance } = api();
      const utterance = new SpeechSynthesisUtterance(TWO_SENTENCES);
      const { seen, finished, types } = record(utterance);
      speechSynthesis.speak(utterance);
      await finished();
      expect(types()[0]).to.equal('start');
      expect(types().at(-1)).to.equal('end');
      const words = seen.filter((event) => event.type === 'boundary' && event.name === 'word');
      const spoken = words.map((event) => TWO_SENTENCES.slice(event.charIndex, event.charIndex + event.charLength));
      expect(spoken).to.deep.equal(['Hello', 'there', 'listener', 'This', 'is', 'a', 'test', 'of', 'speech']);
      const sentences = seen.filter((event) => event.type === 'boundary' && event.name === 'sentence');
      expect(sentences.map((event) => event.charIndex)).to.deep.equal([0, TWO_SENTENCES.indexOf('This')]);
      const times = seen.map((event) => event.elapsedTime);
      expect(times.every((time, index) => index === 0 || time >= (times[index - 1] ?? 0))).to.equal(true);
      // Seconds, not milliseconds: two short sentences last well under 30 s.
      expect(times.at(-1)).to.be.greaterThan(0).and.lessThan(30);
    });

    it('cancel() empties the queue: interrupted for the utterance heard, canceled for the rest', async () => {
      const { speechSynthesis, SpeechSynthesisUtterance } = api();
      const heard = new SpeechSynthesisUtterance(LONG);
      const queued = new SpeechSynthesisUtterance('Never said.');
      const a = record(heard);
      const b = record(queued);
      speechSynthesis.speak(heard);
      speechSynthesis.speak(queued);
      await waitFor(() => a.types().includes('boundary'), 'the first word is heard', 20_000);
      speechSynthesis.cancel();
      expect([speechSynthesis.pending, speechSynthesis.speaking]).to.deep.equal([false, false]);
      await a.finished();
      await b.finished();
      expect(a.seen.at(-1)?.error).to.equal('interrupted');
      expect(b.types()).to.deep.equal(['error']);
      expect(b.seen[0]?.error).to.equal('canceled');
      await sleep(200);
      expect(a.types()).to.not.include('end');
      expect(b.types()).to.deep.equal(['error']);
    });

    it('pause() holds even an empty queue; resume() continues, with pause and resume events', async () => {
      const { speechSynthesis, SpeechSynthesisUtterance } = api();
      speechSynthesis.pause();
      expect(speechSynthesis.paused, 'paused with nothing queued').to.equal(true);
      const utterance = new SpeechSynthesisUtterance(LONG);
      const { types, finished } = record(utterance);
      speechSynthesis.speak(utterance);
      await sleep(400);
      expect(types(), 'nothing starts while paused').to.deep.equal([]);
      expect([speechSynthesis.pending, speechSynthesis.paused]).to.deep.equal([true, true]);
      speechSynthesis.resume();
      expect(speechSynthesis.paused).to.equal(false);
      await waitFor(() => types().includes('boundary'), 'speech starts on resume', 20_000);
      speechSynthesis.pause();
      await waitFor(() => types().includes('pause'), 'the pause event');
      expect([speechSynthesis.speaking, speechSynthesis.paused]).to.deep.equal([true, true]);
      const count = types().length;
      await sleep(400);
      expect(types().length, 'no events while paused').to.equal(count);
      speechSynthesis.resume();
      await finished();
      const sequence = types();
      expect(sequence.indexOf('resume')).to.be.greaterThan(sequence.indexOf('pause'));
      expect(sequence.at(-1)).to.equal('end');
      expect(sequence.slice(sequence.indexOf('resume'))).to.include('boundary');
    });

    it('fires SSML <mark> events before the word that follows them, with offsets into the SSML', async () => {
      const { speechSynthesis, SpeechSynthesisUtterance } = api();
      const ssml = '<speak>Good <mark name="here"/>morning to <mark name="you"/><emphasis>everyone</emphasis>.</speak>';
      const utterance = new SpeechSynthesisUtterance(ssml);
      const { seen, finished } = record(utterance);
      speechSynthesis.speak(utterance);
      await finished();
      expect(seen.at(-1)?.type).to.equal('end');
      const marks = seen.filter((event) => event.type === 'mark');
      expect(marks.map((event) => event.name)).to.deep.equal(['here', 'you']);
      expect(marks[0]?.charIndex).to.equal(ssml.indexOf('<mark name="here"'));
      const order = seen
        .filter((event) => event.type === 'mark' || (event.type === 'boundary' && event.name === 'word'))
        .map((event) =>
          event.type === 'mark' ? `#${event.name}` : ssml.slice(event.charIndex, event.charIndex + event.charLength),
        );
      expect(order).to.deep.equal(['Good', '#here', 'morning', 'to', '#you', 'everyone']);
    });
  });
}

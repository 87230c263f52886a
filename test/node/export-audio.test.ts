/**
 * The download formats (WAV, WebVTT) and the built-in voice list, field by
 * field. The browser end-to-end test checks the files the player produces.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeWav, encodeWebVtt, vttTimestamp } from '../../src/core/speech/builtin/export-audio.ts';
import { synthesisSettings } from '../../src/core/speech/builtin/protocol.ts';
import { BUILT_IN_VOICES, chooseBuiltInVoice, isBuiltInVoiceId } from '../../src/core/speech/builtin/voices.ts';

describe('encodeWav', () => {
  it('writes a canonical 44-byte RIFF/WAVE header for 16-bit mono PCM, then the samples little-endian', () => {
    const wav = encodeWav([Int16Array.from([1, -2]), Int16Array.from([32767, -32768, 0])], 22050);
    const view = new DataView(wav.buffer);
    const ascii = (offset: number) => String.fromCharCode(...wav.subarray(offset, offset + 4));
    assert.equal(wav.byteLength, 44 + 10);
    assert.equal(ascii(0), 'RIFF');
    assert.equal(view.getUint32(4, true), wav.byteLength - 8);
    assert.equal(ascii(8), 'WAVE');
    assert.equal(ascii(12), 'fmt ');
    assert.deepEqual(
      [
        view.getUint32(16, true),
        view.getUint16(20, true),
        view.getUint16(22, true),
        view.getUint32(24, true),
        view.getUint32(28, true),
        view.getUint16(32, true),
        view.getUint16(34, true),
      ],
      [16, 1, 1, 22050, 44100, 2, 16],
    );
    assert.equal(ascii(36), 'data');
    assert.equal(view.getUint32(40, true), 10);
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((index) => view.getInt16(44 + index * 2, true)),
      [1, -2, 32767, -32768, 0],
    );
  });

  it('writes a valid empty file for no audio', () => {
    const wav = encodeWav([], 22050);
    assert.equal(wav.byteLength, 44);
    assert.equal(new DataView(wav.buffer).getUint32(40, true), 0);
  });
});

describe('encodeWebVtt', () => {
  it('formats timestamps as hh:mm:ss.ttt', () => {
    assert.equal(vttTimestamp(0), '00:00:00.000');
    assert.equal(vttTimestamp(3723.4567), '01:02:03.457');
    assert.equal(vttTimestamp(-1), '00:00:00.000');
  });

  it('writes one numbered cue per sentence, escaping markup and keeping each cue on one line', () => {
    const vtt = encodeWebVtt(
      [
        { start: 0, end: 1.5, text: 'First sentence.' },
        { start: 1.5, end: 3.25, text: 'A < B & C --> D\nover two lines.' },
      ],
      'en',
    );
    assert.equal(
      vtt,
      [
        'WEBVTT\nLanguage: en\n',
        '1\n00:00:00.000 --> 00:00:01.500\nFirst sentence.\n',
        '2\n00:00:01.500 --> 00:00:03.250\nA &lt; B &amp; C --&gt; D over two lines.\n',
      ].join('\n'),
    );
  });
});

describe('built-in voices and settings', () => {
  it('lists voices with unique ids, all owned by the built-in engine', () => {
    assert.equal(new Set(BUILT_IN_VOICES.map((voice) => voice.id)).size, BUILT_IN_VOICES.length);
    assert.ok(BUILT_IN_VOICES.every((voice) => voice.engine === 'built-in' && isBuiltInVoiceId(voice.id)));
    assert.equal(isBuiltInVoiceId('com.apple.daniel'), false);
    assert.equal(isBuiltInVoiceId(null), false);
  });

  it('chooses the chosen voice for its language, else the closest by region, else none', () => {
    assert.equal(chooseBuiltInVoice('en-US')?.espeak, 'en-us');
    assert.equal(chooseBuiltInVoice('en')?.espeak, 'en-us');
    assert.equal(chooseBuiltInVoice('en-GB')?.espeak, 'en');
    assert.equal(chooseBuiltInVoice('en_AU')?.espeak, 'en');
    assert.equal(chooseBuiltInVoice('en-GB', 'built-in:en-gb-scotland')?.espeak, 'en-gb-scotland');
    assert.equal(chooseBuiltInVoice('en-US', 'com.apple.daniel')?.espeak, 'en-us');
    assert.equal(chooseBuiltInVoice('ar')?.espeak, 'sem/ar');
    assert.equal(chooseBuiltInVoice('ja'), null);
    assert.equal(chooseBuiltInVoice('fr', 'built-in:en-us'), null);
  });

  it("maps rate and pitch into eSpeak's ranges", () => {
    const request = { text: '', lang: 'en', rate: 1 };
    assert.deepEqual(synthesisSettings(request, 'en-us'), { voice: 'en-us', wordsPerMinute: 170, pitch: 50 });
    assert.equal(synthesisSettings({ ...request, rate: 2 }, 'en').wordsPerMinute, 340);
    assert.equal(synthesisSettings({ ...request, rate: 3 }, 'en').wordsPerMinute, 450);
    assert.equal(synthesisSettings({ ...request, rate: 0.1 }, 'en').wordsPerMinute, 80);
    assert.equal(synthesisSettings({ ...request, rate: Number.NaN, pitch: 2 }, 'en').pitch, 99);
  });
});

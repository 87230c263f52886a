// The voice picker's grouping and order, without a browser.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { EngineVoice } from '../../src/core/speech/engine.ts';
import { compareVoices, groupVoices } from '../../src/core/speech/voice-groups.ts';
import { quirksFor } from '../../src/core/speech/web-speech-quirks.ts';

const voice = (name: string, lang: string, extra: Partial<EngineVoice> = {}): EngineVoice => ({
  id: `${name}|${lang}`,
  name,
  lang,
  isDefault: false,
  engine: 'web-speech',
  ...extra,
});

describe('voice groups', () => {
  it("orders local voices first, the browser's before the built-in ones, then the default, then by name", () => {
    const voices = [
      voice('Zed', 'en-US'),
      voice('Online Amy', 'en-US', { local: false, isDefault: true }),
      voice('Default Dan', 'en-US', { isDefault: true }),
      voice('Anna', 'en-US'),
      voice('Built-in Bea', 'en-US', { engine: 'built-in', isDefault: true }),
      voice('Voice 10', 'en-US'),
      voice('Voice 9', 'en-US'),
    ];
    assert.deepEqual(
      [...voices].sort(compareVoices).map((each) => each.name),
      ['Default Dan', 'Anna', 'Voice 9', 'Voice 10', 'Zed', 'Built-in Bea', 'Online Amy'],
    );
  });

  it("shows the article's language by default, its own region first, and counts the rest", () => {
    const voices = [
      voice('Kate', 'en-GB'),
      voice('Hans', 'de-DE'),
      voice('Alex', 'en-US'),
      voice('Maged', 'ar-SA'),
      voice('Bob', 'en-US'),
    ];
    const groups = groupVoices(voices, 'en-GB', false);
    assert.deepEqual(
      groups.matching.map((group) => [group.lang, group.voices.map((each) => each.name)]),
      [
        ['en-GB', ['Kate']],
        ['en-US', ['Alex', 'Bob']],
      ],
    );
    assert.deepEqual(groups.others, []);
    assert.equal(groups.otherCount, 2);
    const all = groupVoices(voices, 'en-GB', true);
    assert.deepEqual(
      all.others.map((group) => group.lang),
      ['ar-SA', 'de-DE'],
    );
  });

  it('keeps a chosen voice of another language visible', () => {
    const voices = [voice('Kate', 'en-GB'), voice('Hans', 'de-DE')];
    const groups = groupVoices(voices, 'en', false, 'Hans|de-DE');
    assert.deepEqual(
      groups.matching.flatMap((group) => group.voices.map((each) => each.name)),
      ['Hans', 'Kate'],
    );
  });

  it('groups 13,000 voices quickly enough to render on demand', () => {
    const voices = Array.from({ length: 13_362 }, (_, index) =>
      voice(`eSpeak ${index}`, ['en-US', 'en-GB', 'de', 'fr-FR', 'ar', 'fa', 'hi'][index % 7] ?? 'en'),
    );
    const groups = groupVoices(voices, 'en-US', true);
    assert.equal(
      groups.matching.reduce((sum, group) => sum + group.voices.length, 0),
      3818,
    );
    assert.equal(groups.otherCount, 13_362 - 3818);
  });
});

describe('web speech quirks by platform', () => {
  it('cancels rather than pauses on Linux and Android, pauses natively elsewhere', () => {
    const linux = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
    const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/156.0 Mobile Safari/537.36';
    const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/18.0 Safari/605.1.15';
    const chromeOs = 'Mozilla/5.0 (X11; CrOS x86_64 15000.0.0) AppleWebKit/537.36 Chrome/156.0 Safari/537.36';
    assert.deepEqual(quirksFor(linux), { pause: 'cancel', cancelDropsSpeak: true });
    assert.deepEqual(quirksFor(android), { pause: 'cancel', cancelDropsSpeak: false });
    assert.deepEqual(quirksFor(mac), { pause: 'native', cancelDropsSpeak: false });
    assert.deepEqual(quirksFor(chromeOs), { pause: 'native', cancelDropsSpeak: false });
  });
});

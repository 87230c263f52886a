/**
 * Localisation without a browser: every message has an Arabic and a Persian
 * translation, the generated locale modules match the XLIFF files, the
 * per-player scopes answer in their own language, and voices follow the
 * text's language.
 *
 * When a new `msg()` string makes this fail: `npm run i18n:extract`, add a
 * <target> for it in src/core/i18n/xliff/ar.xlf and fa.xlf, then
 * `npm run i18n:build`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extraStrings } from '../../src/core/i18n/extras-strings.ts';
import {
  currentLocale,
  directionOf,
  formatNumber,
  inLocale,
  loadLocale,
  numberLocaleFor,
  uiLocaleFor,
} from '../../src/core/i18n/localize.ts';
import { targetLocales } from '../../src/core/i18n/locale-codes.ts';
import { errors, strings } from '../../src/core/i18n/strings.ts';
import { SHORTCUTS } from '../../src/core/keyboard/shortcuts.ts';
import type { EngineErrorCode, EngineVoice } from '../../src/core/speech/engine.ts';
import { chooseVoice } from '../../src/core/speech/voice-match.ts';

const ENGINE_ERRORS: EngineErrorCode[] = ['unavailable', 'no-voice', 'not-allowed', 'timeout', 'synthesis-failed'];

/** Every message the player can show, produced in the current scope, keyed by where it comes from. */
function allMessages(): Map<string, string> {
  const messages = new Map<string, string>();
  const tables: Record<string, Record<string, (...args: never[]) => string>> = { strings, extraStrings };
  for (const [table, functions] of Object.entries(tables)) {
    for (const [name, produce] of Object.entries(functions)) {
      // Numbers fit every parameter: positions, counts, and text placeholders alike.
      const call = produce as (...args: unknown[]) => string;
      messages.set(`${table}.${name}`, call(3, 7, '«TEXT»'));
    }
  }
  for (const [name, produce] of Object.entries(errors)) {
    if (name === 'engine')
      for (const code of ENGINE_ERRORS) messages.set(`errors.engine(${code})`, errors.engine(code));
    else messages.set(`errors.${name}`, (produce as () => string)());
  }
  for (const shortcut of SHORTCUTS) messages.set(`shortcut.${shortcut.action}`, shortcut.label());
  return messages;
}

/** Names and formats that stay in Latin letters in any language. */
const KEEP_LATIN = /\b(?:WAV|WebVTT|TEXT)\b/g;

describe('translations', () => {
  for (const locale of targetLocales) {
    it(`translates every message into ${locale}, keeping the placeholders`, async () => {
      await loadLocale(locale);
      const english = allMessages();
      const translated = inLocale(locale, () => allMessages());
      assert.ok(english.size >= 50, `found ${english.size} messages`);
      for (const [key, source] of english) {
        const target = translated.get(key) ?? '';
        assert.notEqual(target, source, `${key} is not translated into ${locale}`);
        assert.doesNotMatch(
          target.replace(KEEP_LATIN, ''),
          /[A-Za-z]/,
          `${key} in ${locale} still has English: ${target}`,
        );
        if (source.includes('«TEXT»')) assert.ok(target.includes('«TEXT»'), `${key} lost its text placeholder`);
      }
      // Numbers in messages use the locale's digits.
      const paragraph = inLocale(locale, () => extraStrings.paragraphOf(3, 7, 'x'));
      assert.ok(paragraph.includes(new Intl.NumberFormat(locale).format(3)), paragraph);
    });

    it(`has a target for every XLIFF unit, and a generated ${locale}.ts that matches it`, () => {
      const xliff = readFileSync(new URL(`../../src/core/i18n/xliff/${locale}.xlf`, import.meta.url), 'utf8');
      const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
      assert.ok(units.length >= 50);
      for (const [, id, body] of units) assert.match(body ?? '', /<target>[^<]+/, `unit ${id} has no translation`);
      const module = readFileSync(new URL(`../../src/core/i18n/locales/${locale}.ts`, import.meta.url), 'utf8');
      const generated = [...module.matchAll(/'(s[0-9a-f]{16})':/g)].map((match) => match[1]).sort();
      assert.deepEqual(generated, units.map((unit) => unit[1]).sort(), 'run `npm run i18n:build`');
    });
  }
});

describe('per-player locale scopes', () => {
  it('maps language tags to the UI languages we ship, and to a direction', () => {
    assert.equal(uiLocaleFor('ar'), 'ar');
    assert.equal(uiLocaleFor('ar-EG'), 'ar');
    assert.equal(uiLocaleFor('fa-IR'), 'fa');
    assert.equal(uiLocaleFor('prs'), 'fa');
    assert.equal(uiLocaleFor('de-CH'), 'en');
    assert.equal(uiLocaleFor(''), 'en');
    assert.equal(directionOf('ar'), 'rtl');
    assert.equal(directionOf('fa'), 'rtl');
    assert.equal(directionOf('he-IL'), 'rtl');
    assert.equal(directionOf('en'), 'ltr');
  });

  it('keeps a region tag for numbers when it is in the UI language', () => {
    assert.equal(numberLocaleFor('ar', 'ar-EG'), 'ar-EG');
    assert.equal(numberLocaleFor('ar', 'fa-IR'), 'ar');
    assert.equal(numberLocaleFor('ar', 'not a tag!'), 'ar');
    assert.equal(
      inLocale('ar', () => formatNumber(12), 'ar-EG'),
      new Intl.NumberFormat('ar-EG').format(12),
    );
  });

  it('nests and unwinds scopes, so two players can render in two languages in one turn', async () => {
    await Promise.all([loadLocale('ar'), loadLocale('fa')]);
    const seen = inLocale('ar', () => [
      strings.play(),
      inLocale('fa', () => strings.play()),
      strings.play(),
      currentLocale(),
    ]);
    assert.deepEqual(seen, ['تشغيل', 'پخش', 'تشغيل', 'ar']);
    assert.equal(strings.play(), 'Play', 'outside any scope: English');
    assert.throws(() =>
      inLocale('fa', () => {
        throw new Error('boom');
      }),
    );
    assert.equal(currentLocale(), 'en', 'a throwing scope still unwinds');
  });
});

describe('voice choice follows the language of the text', () => {
  const voice = (id: string, lang: string, isDefault = false): EngineVoice => ({
    id,
    name: id,
    lang,
    isDefault,
    engine: 'web-speech',
  });
  const voices = [voice('en', 'en-US', true), voice('ar-sa', 'ar-SA'), voice('ar-eg', 'ar-EG'), voice('fa', 'fa-IR')];

  it('prefers a voice of the language, and of the region when there is one', () => {
    assert.equal(chooseVoice(voices, 'ar'), 'ar-sa');
    assert.equal(chooseVoice(voices, 'ar-EG'), 'ar-eg');
    assert.equal(chooseVoice(voices, 'fa'), 'fa');
    assert.equal(chooseVoice([voice('fa-af', 'prs-AF')], 'fa'), 'fa-af');
  });

  it('keeps the listener’s voice only when it speaks the language', () => {
    assert.equal(chooseVoice(voices, 'ar', 'ar-eg'), 'ar-eg');
    assert.equal(chooseVoice(voices, 'ar', 'en'), 'ar-sa', 'an English voice must not read Arabic');
    assert.equal(chooseVoice([], 'ar', 'saved'), 'saved', 'before voices load, the saved id is passed on');
  });

  it('names no voice when none speaks the language, so the browser picks by utterance.lang', () => {
    assert.equal(chooseVoice(voices, 'ur'), undefined);
    assert.equal(chooseVoice(voices, 'ur', 'en'), undefined);
  });
});

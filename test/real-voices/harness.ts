/**
 * The real-voice lane's rig: the built page in Chromium (with
 * --enable-speech-dispatcher) or Firefox ESR (over WebDriver BiDi), speaking
 * through speech-dispatcher and eSpeak-NG into PulseAudio's null sink, whose
 * monitor `AudioTap` records. `setup.sh` prepares the machine and writes
 * `.real-voices/env`; each session starts a fresh speech-dispatcher (a
 * daemon left wedged by one test must not silence the next) and one browser
 * (two browsers on one daemon cancel each other's speech).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_FLAGS } from '../helpers/browser.ts';
import { startStaticServer } from '../helpers/static-server.ts';

export type BrowserKind = 'chromium' | 'firefox';

const ENV_FILE = fileURLToPath(new URL('../../.real-voices/env', import.meta.url));

/** Whether setup.sh has run on this machine. */
export const realVoicesReady = (): boolean => existsSync(ENV_FILE);

/** The environment the daemons and browsers share (XDG_RUNTIME_DIR). */
export function laneEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const line of readFileSync(ENV_FILE, 'utf8').split('\n')) {
    const [key, ...value] = line.split('=');
    if (key) env[key.trim()] = value.join('=').trim();
  }
  return env;
}

/** Stops speech-dispatcher (by its pid file); the browser spawns a fresh one on first use. */
export function restartSpeechDispatcher(env: NodeJS.ProcessEnv): void {
  const pidFile = `${env['XDG_RUNTIME_DIR']}/speech-dispatcher/pid/speech-dispatcher.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid);
    for (let tries = 0; tries < 50; tries++) {
      process.kill(pid, 0);
      execFileSync('sleep', ['0.05']);
    }
  } catch {
    // Gone (or was never running): what we wanted.
  }
}

/**
 * Recorded in the page before any script runs: every `speak()` and
 * `cancel()` the player makes, and each utterance's `start` and `end`,
 * with `Date.now()` (the same clock as the audio tap).
 */
const RECORDER = `(() => {
  const log = (window.__voiceLog = []);
  const synth = window.speechSynthesis;
  if (!synth) return;
  const speak = synth.speak.bind(synth);
  const cancel = synth.cancel.bind(synth);
  synth.speak = (utterance) => {
    const text = utterance.text;
    log.push({ at: Date.now(), type: 'speak', text, rate: utterance.rate });
    for (const type of ['start', 'end', 'error'])
      utterance.addEventListener(type, (event) => log.push({ at: Date.now(), type, text, error: event.error }));
    speak(utterance);
  };
  synth.cancel = () => {
    log.push({ at: Date.now(), type: 'cancel' });
    cancel();
  };
})();`;

export interface VoiceLogEntry {
  readonly at: number;
  readonly type: 'speak' | 'start' | 'end' | 'error' | 'cancel';
  readonly text?: string;
  readonly rate?: number;
  readonly error?: string;
}

export interface PlayerView {
  readonly status: string;
  readonly paused: boolean;
  readonly paragraph: number;
  readonly paragraphCount: number;
  readonly rate: number;
  readonly voices: number;
}

export interface Session {
  readonly page: Page;
  readonly browser: Browser;
  view(): Promise<PlayerView>;
  log(): Promise<VoiceLogEntry[]>;
  press(key: string): Promise<number>;
  /** Polls `check` on the player's view until it holds; returns that view. */
  until(check: (view: PlayerView) => boolean, what: string, timeoutMs?: number): Promise<PlayerView>;
  close(): Promise<void>;
}

const VIEW = `(() => {
  const player = document.querySelector('aloud-player');
  const status = player?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '';
  return {
    status,
    paused: player?.paused ?? true,
    paragraph: player?.currentParagraph ?? -1,
    paragraphCount: player?.paragraphCount ?? 0,
    rate: player?.playbackRate ?? 1,
    voices: window.speechSynthesis?.getVoices().length ?? 0,
  };
})()`;

async function launch(kind: BrowserKind, env: NodeJS.ProcessEnv): Promise<Browser> {
  if (kind === 'firefox') {
    return puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, env });
  }
  return puppeteer.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROME_FLAGS, '--enable-speech-dispatcher'],
    env,
  });
}

/** A fresh daemon, a browser and the built page, with the recorder installed. */
export async function openSession(kind: BrowserKind, env: NodeJS.ProcessEnv): Promise<Session> {
  restartSpeechDispatcher(env);
  const server = await startStaticServer({ basePath: '/real/' });
  const browser = await launch(kind, env);
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(RECORDER);
  await page.goto(new URL('index.html', server.url).href, { waitUntil: 'load' });
  const view = () => page.evaluate(VIEW) as Promise<PlayerView>;
  const session: Session = {
    page,
    browser,
    view,
    log: () => page.evaluate('window.__voiceLog ?? []') as Promise<VoiceLogEntry[]>,
    async press(key) {
      const at = Date.now();
      await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
      return at;
    },
    async until(check, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = await view();
        if (check(seen)) return seen;
        if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}: ${JSON.stringify(seen)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      restartSpeechDispatcher(env);
    },
  };
  await session.until((seen) => seen.paragraphCount > 0, 'the player indexes the article');
  return session;
}

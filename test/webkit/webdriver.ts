/**
 * The few W3C WebDriver commands the WebKit suite needs, over plain HTTP
 * (https://www.w3.org/TR/webdriver2/): a session on MiniBrowser, navigation,
 * script, element clicks and real key presses through the actions API. A
 * client library would bring far more than these eight endpoints.
 */
import { MINIBROWSER } from './services.ts';

/** The W3C key code of an element reference in JSON. */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export interface ElementRef {
  readonly [ELEMENT_KEY]: string;
}

export class WebDriverSession {
  readonly #base: string;

  constructor(base: string) {
    this.#base = base;
  }

  /** Opens MiniBrowser in automation mode. */
  static async start(driverUrl: string): Promise<WebDriverSession> {
    const value = await command<{ sessionId: string }>('POST', `${driverUrl}/session`, {
      capabilities: {
        alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } },
      },
    });
    return new WebDriverSession(`${driverUrl}/session/${value.sessionId}`);
  }

  navigate(url: string): Promise<unknown> {
    return command('POST', `${this.#base}/url`, { url });
  }

  /** Runs `script` (a function body; `arguments` holds `args`) in the page and returns its JSON result. */
  execute<T>(script: string, ...args: unknown[]): Promise<T> {
    return command<T>('POST', `${this.#base}/execute/sync`, { script, args });
  }

  /** Finds an element by CSS selector in the document (not inside shadow roots: use `execute` for those). */
  async element(selector: string): Promise<ElementRef> {
    return command<ElementRef>('POST', `${this.#base}/element`, { using: 'css selector', value: selector });
  }

  /** A real click, as trusted as a listener's: it counts as a user gesture. */
  click(element: ElementRef): Promise<unknown> {
    return command('POST', `${this.#base}/element/${element[ELEMENT_KEY]}/click`, {});
  }

  /** A PNG of the viewport as painted, base64. */
  pageScreenshot(): Promise<string> {
    return command<string>('GET', `${this.#base}/screenshot`);
  }

  /** Presses and releases each character of `keys` on the focused element: real, trusted key events. */
  keys(keys: string): Promise<unknown> {
    const actions = [...keys].flatMap((key) => [
      { type: 'keyDown', value: key },
      { type: 'keyUp', value: key },
    ]);
    return command('POST', `${this.#base}/actions`, {
      actions: [{ type: 'key', id: 'keyboard', actions }],
    });
  }

  async close(): Promise<void> {
    await command('DELETE', this.#base).catch(() => undefined);
  }
}

async function command<T>(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as { value: T & { error?: string; message?: string } };
  if (!response.ok) {
    throw new Error(
      `WebDriver ${method} ${new URL(url).pathname}: ${json.value.error ?? response.status} ${json.value.message ?? ''}`,
    );
  }
  return json.value;
}

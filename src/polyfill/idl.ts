/**
 * The few Web IDL conversions the Web Speech interfaces need, done as
 * browsers do them, so that IDL-checking test suites see the same values
 * and the same TypeErrors as from a native implementation.
 */

/** `DOMString`: anything to a string; a Symbol throws a TypeError (a template literal does exactly that). */
export function toDOMString(value: unknown): string {
  return `${value as string}`;
}

/** `float`: a finite number rounded to single precision; NaN and ±Infinity throw a TypeError. */
export function toFloat(value: unknown, what: string): number {
  const number = Number(value);
  if (!Number.isFinite(number)) throw new TypeError(`${what}: the provided float value is non-finite.`);
  return Math.fround(number);
}

/** `unsigned long`: ToNumber, truncated, modulo 2^32 (NaN and ±Infinity become 0). */
export function toUnsignedLong(value: unknown): number {
  const number = Number(value);
  if (!Number.isFinite(number)) return 0;
  const truncated = Math.trunc(number) % 2 ** 32;
  return truncated < 0 ? truncated + 2 ** 32 : truncated + 0;
}

/** `float` clamped to the range the specification gives an attribute. */
export function clampFloat(value: unknown, min: number, max: number, what: string): number {
  return Math.fround(Math.min(max, Math.max(min, toFloat(value, what))));
}

type Handler = ((event: Event) => unknown) | object;

interface Installed {
  handler: Handler;
  readonly listener: (event: Event) => void;
}

/**
 * HTML's event handler attributes (`onstart`, …) as accessors on `prototype`.
 * As in browsers, the handler's listener takes its place among the
 * `addEventListener` listeners when it is first set and keeps it when the
 * handler is replaced; null (or any value that is not an object) removes it.
 */
export function defineEventHandlers(prototype: EventTarget, types: readonly string[]): void {
  const installed = new WeakMap<EventTarget, Map<string, Installed>>();
  for (const type of types) {
    Object.defineProperty(prototype, `on${type}`, {
      configurable: true,
      enumerable: true,
      get(this: EventTarget): Handler | null {
        return installed.get(this)?.get(type)?.handler ?? null;
      },
      set(this: EventTarget, value: unknown) {
        let own = installed.get(this);
        if (!own) installed.set(this, (own = new Map()));
        const existing = own.get(type);
        if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) {
          if (existing) this.removeEventListener(type, existing.listener);
          own.delete(type);
          return;
        }
        if (existing) {
          existing.handler = value;
          return;
        }
        const entry: Installed = {
          handler: value,
          listener: (event) => {
            if (typeof entry.handler === 'function') (entry.handler as (event: Event) => unknown).call(this, event);
          },
        };
        own.set(type, entry);
        this.addEventListener(type, entry.listener);
      },
    });
  }
}

/** Used as a constructor argument to tell our own construction from a page's `new X()`. */
export const CONSTRUCTING: unique symbol = Symbol('constructing');

export function illegalConstructor(): TypeError {
  return new TypeError('Illegal constructor');
}

/**
 * The interface's name as `Class.name` and in `Object.prototype.toString`,
 * as for native interfaces; a minifier would otherwise rename the class.
 */
export function brand(constructor: abstract new (...args: never[]) => unknown, name: string): void {
  Object.defineProperty(constructor, 'name', { value: name, configurable: true });
  Object.defineProperty(constructor.prototype, Symbol.toStringTag, { value: name, configurable: true });
}

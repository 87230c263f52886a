/**
 * The listener set every engine keeps. One broken listener must not stop the
 * others, nor leave an engine half-way through a state change.
 */
import type { EngineEvent, EngineListener } from './engine.ts';

export class EngineListeners {
  readonly #listeners = new Set<EngineListener>();

  subscribe(listener: EngineListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit(event: EngineEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error(error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}

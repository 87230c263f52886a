/**
 * Types for what the built-in engine imports but nobody publishes types for:
 * the eSpeak-NG Emscripten package (only the members we call) and the two
 * build-time modules that Vite provides (see src/pipeline/vite-plugin-espeak.ts).
 */

declare module '@echogarden/espeak-ng-emscripten' {
  export interface EspeakEvent {
    readonly type: string;
    /** 1-based, in Unicode code points of the string passed to `synthesize`, markup included. */
    readonly text_position: number;
    readonly word_length: number;
    /** Milliseconds from the start of this `synthesize` call. */
    readonly audio_position: number;
    /** Word/sentence number, or the `name` of a `<mark>`. */
    readonly id?: number | string;
  }

  export interface EspeakVoiceInfo {
    readonly name: string;
    readonly identifier: string;
    readonly languages: ReadonlyArray<{ readonly priority: number; readonly name: string }>;
  }

  export interface ESpeakNGWorker {
    /** 0 on success. */
    set_voice(name: string): number;
    /** Words per minute, 80–450. */
    set_rate(wordsPerMinute: number): void;
    /** 0–99, 50 is the voice's own. */
    set_pitch(pitch: number): void;
    /** 0–200, 100 is normal. */
    set_volume(volume: number): void;
    get_samplerate(): number;
    list_voices(): EspeakVoiceInfo[];
    /** Calls back synchronously with 16-bit mono PCM; returning true aborts. */
    synthesize(text: string, callback: (pcm: Int16Array, events: EspeakEvent[]) => boolean): void;
  }

  export interface EspeakModule {
    readonly eSpeakNGWorker: new () => ESpeakNGWorker;
    /** Emscripten's in-memory file system, where the data package's files live. */
    readonly FS: {
      mkdirTree(path: string): void;
      writeFile(path: string, data: Uint8Array): void;
    };
  }

  export interface EspeakInitOptions {
    /** Synchronous: the data must already be fetched. */
    getPreloadedPackage?: (name: string, size: number) => ArrayBuffer;
    print?: (text: string) => void;
    printErr?: (text: string) => void;
  }

  const init: (options?: EspeakInitOptions) => Promise<EspeakModule>;
  export default init;
}

declare module 'virtual:aloud-espeak-data' {
  const data: {
    readonly url: string;
    readonly bytes: number;
    /** On-demand languages: a data file each, and where each eSpeak file lies in it. */
    readonly languages: Readonly<
      Record<
        string,
        {
          readonly url: string;
          readonly bytes: number;
          readonly files: ReadonlyArray<{ readonly filename: string; readonly start: number; readonly end: number }>;
        }
      >
    >;
  };
  export default data;
}

declare module '*?worker&url' {
  const url: string;
  export default url;
}

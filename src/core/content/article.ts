/**
 * The Article model: what the build-time content pipeline produces from
 * `content/*.md` and what `article.json` carries. Plain data, no DOM.
 */

/** A figure from the front matter. The seed has no photos, so `image` is optional. */
export interface ArticleFigure {
  /** Stable id, referenced from the body with a `[[figure:ID]]` paragraph. */
  readonly id: string;
  /** Caption as plain text (never HTML). */
  readonly caption: string;
  /** A real image when the publisher has one; `alt` is required with it. */
  readonly image?: {
    readonly src: string;
    readonly alt: string;
    readonly width?: number;
    readonly height?: number;
  };
}

/** One block of the body, in document order. */
export type ArticleBlock =
  | {
      readonly kind: 'paragraph';
      /** Plain text, exactly as written (what is spoken). */
      readonly text: string;
      /** Sanitised inline HTML (emphasis, links) for display. */
      readonly html: string;
    }
  | { readonly kind: 'figure'; readonly figureId: string };

export interface Article {
  /** File name without extension, e.g. `aleppo-final-messages`. */
  readonly slug: string;
  readonly headline: string;
  readonly author: { readonly name: string; readonly bio: string };
  /** Dateline as an ISO date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly source: { readonly name: string; readonly url?: string };
  /** BCP 47 language tag of the article, e.g. `en`. */
  readonly language: string;
  readonly figures: readonly ArticleFigure[];
  readonly body: readonly ArticleBlock[];
  /**
   * How words are said, written form → spoken form (`"RFE/RL": "R F E R L"`);
   * only what the engine hears changes. Absent when the article has none.
   */
  readonly pronunciations?: Readonly<Record<string, string>>;
}

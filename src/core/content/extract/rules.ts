/**
 * What on a publisher's page is not story text, decided from an element's
 * tag, role, classes, id and attributes alone. Pure (no DOM), so the rules are
 * tested as a table; the DOM side (visibility) is in visibility.ts.
 *
 * Class and id names are split into words at `-`, `_`, spaces and camelCase
 * humps and matched as whole words, so `ad-slot` and `shareBar` match while
 * `heading`, `loaded` and `shared-story` do not.
 */

/** The parts of an element the rules look at. */
export interface ElementTraits {
  /** Upper-case tag name, as `Element.tagName` gives it for HTML. */
  readonly tag: string;
  readonly id?: string;
  readonly className?: string;
  readonly role?: string | null;
  /** Attributes that matter here, by name (`hidden`, `aria-hidden`, `inert`, `data-aloud-skip`, …); absent means unset. */
  readonly attributes?: Readonly<Record<string, string | null>>;
  /** The element's whole text is one link (a footnote marker when it is a `<sup>`). */
  readonly onlyLink?: boolean;
  /** The publisher marked it as text to read (`data-aloud-read`, `data-speakable`, a schema.org speakable selector). */
  readonly included?: boolean;
}

/** Elements that never hold story text to be spoken. */
const NEVER_READ_TAGS = new Set([
  'NAV',
  'ASIDE',
  'FOOTER',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'OPTION',
  'LABEL',
  'FORM',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MAP',
  'DIALOG',
  'MENU',
  'ALOUD-PLAYER',
]);

/** ARIA roles of page furniture: navigation, sidebars, site header and footer, controls. */
const NEVER_READ_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'search',
  'form',
  'dialog',
  'alertdialog',
  'toolbar',
  'menu',
  'menubar',
  'button',
  'tablist',
  'doc-noteref',
  'doc-backlink',
]);

/**
 * Words in class names and ids that publishers use for what is around the
 * story rather than in it. Each is a whole word of the name.
 */
const FURNITURE_WORDS = new Set([
  // sharing and tools
  'share',
  'sharing',
  'social',
  'sharebar',
  'toolbar',
  'tools',
  'print',
  // who and when
  'byline',
  'dateline',
  'author',
  'authors',
  'contributor',
  'timestamp',
  'published',
  'updated',
  'meta',
  'credit',
  'credits',
  // elsewhere on the site
  'related',
  'recommended',
  'recommendations',
  'more',
  'readmore',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'promo',
  'promotion',
  'sponsor',
  'sponsored',
  'outbrain',
  'taboola',
  'paywall',
  'footer',
  'breadcrumb',
  'breadcrumbs',
  'tags',
  'topics',
  // advertising
  'ad',
  'ads',
  'advert',
  'advertisement',
  'adslot',
  'dfp',
  // reader comments
  'comment',
  'comments',
  'disqus',
  'replies',
  // stand-ins shown until the story renders
  'skeleton',
  'placeholder',
  'spinner',
  'loader',
  'loading',
  // text meant for screen readers only, not seen
  'sr',
  'visually',
  'screenreader',
]);

const PAGE_LEVEL = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** A few names that contain a furniture word but are the story itself. */
const STORY_NAMES = /(^|[\s_-])(article|story|entry|post)[-_]?(body|content|text)($|[\s_-])/i;

/**
 * Answers for names already seen: a story's paragraphs share a handful of
 * class names (`<p class="article-paragraph">` ten thousand times), so each
 * name is split once. Emptied when it grows past `REMEMBERED_NAMES`.
 */
const wordsOfName = new Map<string, readonly string[]>();
const furnitureOfNames = new Map<string, string | null>();
const REMEMBERED_NAMES = 2000;

function remember<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= REMEMBERED_NAMES) map.clear();
  map.set(key, value);
  return value;
}

/** Splits `shareBar ad-slot story_body` into lower-case words. */
export function nameWords(name: string): readonly string[] {
  return (
    wordsOfName.get(name) ??
    remember(
      wordsOfName,
      name,
      name
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean),
    )
  );
}

/** The furniture word in the element's class or id, if any ("share", "byline", …). */
export function furnitureWord(traits: ElementTraits): string | null {
  // Most elements have neither: nothing to split.
  if (!traits.className && !traits.id) return null;
  const names = `${traits.className ?? ''} ${traits.id ?? ''}`;
  const known = furnitureOfNames.get(names);
  if (known !== undefined) return known;
  let found: string | null = null;
  if (!STORY_NAMES.test(names)) found = nameWords(names).find((word) => FURNITURE_WORDS.has(word)) ?? null;
  return remember(furnitureOfNames, names, found);
}

/** Why an element with this tag (upper case) is never read, or null: all `skipReason` can say of an element without attributes. */
export function tagReason(tag: string): string | null {
  return NEVER_READ_TAGS.has(tag) ? `<${tag.toLowerCase()}>` : null;
}

/** Why the element (and all inside it) is left unread, or null when it may hold story text. */
export function skipReason(traits: ElementTraits): string | null {
  const attributes = traits.attributes ?? {};
  const has = (name: string) => attributes[name] !== undefined && attributes[name] !== null;
  const byTag = tagReason(traits.tag);
  if (byTag) return byTag;
  if (has('data-aloud-skip')) return 'data-aloud-skip';
  if (has('hidden')) return 'hidden';
  if (attributes['aria-hidden'] === 'true') return 'aria-hidden';
  if (has('inert')) return 'inert';
  // The publisher says this is story text: their word beats our guesses from names.
  if (traits.included || has('data-aloud-read') || has('data-speakable') || attributes['itemprop'] === 'articleBody')
    return null;
  const role = traits.role?.trim().split(/\s+/)[0];
  if (role && NEVER_READ_ROLES.has(role)) return `role=${role}`;
  // Footnote markers: a superscript link ("plentiful.¹") is a pointer, not a word.
  if (traits.tag === 'SUP' && traits.onlyLink) return 'footnote marker';
  // Page-level containers carry site-wide classes (`<body class="ad-free">`): names say nothing about them.
  if (PAGE_LEVEL.has(traits.tag)) return null;
  const word = furnitureWord(traits);
  return word ? `class ${word}` : null;
}

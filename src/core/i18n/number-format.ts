/**
 * `Intl.NumberFormat`s, made once per locale and options: making one costs
 * far more than formatting with it, and a render formats a dozen numbers
 * (the speed list, the time left). Throws `RangeError` for a malformed
 * locale tag, as the constructor does.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

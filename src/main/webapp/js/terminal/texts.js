// Texts and figures on the terminal pages. The page carries its texts in its own language (data-
// attributes rendered from the messages); this fills in their {0}, {1} and formats the numbers.
const language = () => document.documentElement.lang || undefined;

/** Fills a message's {0}, {1}… with the arguments (the page gets the messages unformatted). */
export function format(pattern, ...args) {
  return pattern.replace(/\{(\d+)\}/g, (placeholder, i) => (i < args.length ? String(args[i]) : placeholder));
}

export const integer = (n) => new Intl.NumberFormat(language(), { maximumFractionDigits: 0 }).format(n);

/** A fraction (0..1) as a whole percentage, never rounded up to 100 % before it is whole. */
export const percent = (fraction) =>
  new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 })
    .format(Math.floor(Math.max(0, Math.min(1, fraction)) * 100 + 1e-9) / 100);

const units = ['B', 'KiB', 'MiB', 'GiB'];

/** Bytes in the largest binary unit that keeps the figure at 1 or more. */
export function size(bytes) {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return `${new Intl.NumberFormat(language(), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** A transfer speed in KiB/s, or MiB/s from 1 MiB/s on. */
export function speed(bytesPerSecond) {
  const mib = bytesPerSecond >= 1024 * 1024;
  const value = bytesPerSecond / (mib ? 1024 * 1024 : 1024);
  return `${new Intl.NumberFormat(language(), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value)} ${mib ? 'MiB/s' : 'KiB/s'}`;
}

/** An amount of yen with the page's pattern ({0} yen, {0} 円), as the center writes it. */
export const yen = (pattern, amount) => format(pattern, integer(amount));

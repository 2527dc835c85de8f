/** Light or dark, from a background colour such as Office's `officeTheme.bodyBackgroundColor` ("#1F1F1F"). */
export function themeFromBackground(color: string | undefined | null): "light" | "dark" {
  const m = color ? /^#?([0-9a-f]{6})$/i.exec(color.trim()) : null;
  if (!m) return "light";
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  // Relative luminance (sRGB weights), 0..255.
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 128 ? "dark" : "light";
}

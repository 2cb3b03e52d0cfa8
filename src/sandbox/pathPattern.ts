// Fault-rule path patterns: plain text with `*` for any run, `^`/`$` anchors and `\` escapes. Matching
// is a few indexOf calls, so no pattern, however written, can stall the server the way a regular
// expression with nested quantifiers can.

export const MAX_PATTERN_LENGTH = 500;

export type PathMatcher = (path: string) => boolean;

export function compilePathPattern(pattern: string): PathMatcher {
  let text = pattern;
  const anchoredStart = text.startsWith('^');
  if (anchoredStart) text = text.slice(1);
  let anchoredEnd = false;
  const pieces: string[] = [''];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) pieces[pieces.length - 1] += text[++i];
    else if (char === '*') pieces.push('');
    else if (char === '$' && i === text.length - 1) anchoredEnd = true;
    else pieces[pieces.length - 1] += char;
  }
  return (path) => {
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      const last = i === pieces.length - 1;
      if (i === 0 && anchoredStart) {
        if (!path.startsWith(piece)) return false;
        at = piece.length;
        if (last && anchoredEnd) return path.length === piece.length;
        continue;
      }
      if (last && anchoredEnd) return path.length - piece.length >= at && path.endsWith(piece);
      const found = path.indexOf(piece, at);
      if (found < 0) return false;
      at = found + piece.length;
    }
    return true;
  };
}

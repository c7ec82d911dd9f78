/**
 * Where each value of a JSON text starts, by its path (`events[3].on` → line 14), so the playground can
 * show a validation issue at the line of the field it names. A small scanner over the text as typed; it
 * gives up quietly (an empty map) on text that is not JSON, which the page reports by itself.
 */
export function linesByPath(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  let line = 1;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const string = (): string => {
    let s = '';
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        s += text[i + 1] ?? '';
        i += 2;
      } else {
        if (text[i] === '\n') line++;
        s += text[i++];
      }
    }
    i++;
    return s;
  };
  const key = (path: string, k: string) => (path === '' ? k : `${path}.${k}`);
  const value = (path: string, depth: number): void => {
    if (depth > 200) throw new Error('too deep');
    ws();
    out.set(path, line);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Error('key');
        const k = string();
        ws();
        if (text[i] !== ':') throw new Error('colon');
        i++;
        value(key(path, k), depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        throw new Error('object');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        throw new Error('array');
      }
    }
    if (c === '"') {
      string();
      return;
    }
    while (i < text.length && /[^,\]}\s]/.test(text[i]!)) i++;
  };
  try {
    value('', 0);
  } catch {
    return new Map();
  }
  return out;
}

/** The line of the nearest enclosing value a path names (an issue about a missing key points at its object). */
export function lineOf(lines: ReadonlyMap<string, number>, path: string): number | undefined {
  let p = path;
  for (;;) {
    const hit = lines.get(p);
    if (hit !== undefined) return hit;
    if (p === '') return undefined;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut <= 0 ? '' : p.slice(0, cut);
  }
}

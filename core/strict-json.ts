/**
 * JSON.parse keeps the last of two members with one name and says nothing: a file with two
 * `"content"` members verifies the one a reader may not look at (issue 12: 「a duplicate
 * `"content"` member is accepted (the last one wins)」). A signed result file is RFC 8785
 * canonical JSON, which has each name once (RFC 8785 §3.2.3 sorts them; I-JSON, RFC 7493 §2.3,
 * which it builds on, forbids duplicates), so a duplicate anywhere makes the file malformed.
 *
 * Counting members after a canonical re-serialisation cannot find them (the parse already lost
 * one), so this walks the text itself: only after JSON.parse accepted it, hence a valid JSON
 * text, which lets the walk skip strings and scalars without checking them.
 */

type Frame = { keys: Set<string> | null; key: string; index: number };

/** The path of the first member named twice in one object (`content.contests[2].name`), or null. */
export function firstDuplicateMember(text: string): string | null {
  const stack: Frame[] = [];
  let expectKey = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // The closing quote: the next one not escaped by an odd run of backslashes.
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        let b = j - 1;
        while (text.charCodeAt(b) === 0x5c) b--;
        if ((j - 1 - b) % 2 === 0) break;
        j++;
      }
      if (expectKey) {
        const raw = text.slice(i + 1, j);
        // "\u0063ontent" is "content": escapes are decoded before names are compared.
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, j + 1)) as string) : raw;
        const top = stack[stack.length - 1]!;
        if (top.keys!.has(key)) return pathOf(stack, key);
        top.keys!.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === 0x7b) {
      stack.push({ keys: new Set(), key: '', index: 0 });
      expectKey = true;
    } else if (c === 0x5b) {
      stack.push({ keys: null, key: '', index: 0 });
      expectKey = false;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1]!;
      if (top.keys) expectKey = true;
      else top.index++;
    }
    i++;
  }
  return null;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function pathOf(stack: readonly Frame[], duplicate: string): string {
  let path = '';
  const member = (name: string) => (IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);
  for (let k = 0; k < stack.length - 1; k++) {
    const frame = stack[k]!;
    path += frame.keys ? member(frame.key) : `[${frame.index}]`;
  }
  path += member(duplicate);
  return path.startsWith('.') ? path.slice(1) : path;
}

// Secrets the matrix handed to the suite, and a scan of every log line for them: as sent, and in
// the encodings a careless log line would use (base64, base64url, URL encoding, JSON escaping,
// card numbers grouped with spaces or dashes).

export interface Secret {
  /** What it is, for the report (never the value itself). */
  name: string;
  value: string;
}

/** The forms in which `value` could show up in a log line. */
export function encodings(value: string): string[] {
  const forms = new Set<string>([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
  // base64 of the value on its own and at the three alignments it can take inside a longer string.
  for (const prefix of ['', 'x', 'xx']) {
    const b64 = Buffer.from(prefix + value).toString('base64');
    // Drop the first group (mixed with the prefix) and the last (it depends on what follows).
    const skip = prefix ? 4 : 0;
    const core = b64.slice(skip, Math.max(skip, b64.length - 4));
    if (core.length >= 12) {
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  if (/^\d{13,19}$/.test(value)) {
    forms.add(value.replace(/(\d{4})(?=\d)/g, '$1 '));
    forms.add(value.replace(/(\d{4})(?=\d)/g, '$1-'));
  }
  return [...forms].filter((f) => f.length >= 8);
}

export interface Leak {
  secret: string;
  form: string;
  line: string;
}

/** Every log line that carries a secret in any of its forms, once per line and secret (shortened around it). */
export function findLeaks(lines: readonly string[], secrets: readonly Secret[]): Leak[] {
  const leaks: Leak[] = [];
  const needles = secrets.flatMap((s) => encodings(s.value).map((form) => ({ secret: s.name, form, raw: form === s.value })));
  for (const line of lines) {
    const found = new Set<string>();
    for (const n of needles) {
      const at = found.has(n.secret) ? -1 : line.indexOf(n.form);
      if (at < 0) continue;
      found.add(n.secret);
      leaks.push({ secret: n.secret, form: n.raw ? 'as sent' : 'encoded', line: line.slice(Math.max(0, at - 120), at + n.form.length + 40).replace(n.form, '<SECRET>') });
    }
  }
  return leaks;
}

/** Patterns no line may match whatever the value: a CVC field with digits, a PEM private key. */
export const FORBIDDEN_PATTERNS: Array<{ name: string; pattern: RegExp }> = [
  { name: 'a CVC value', pattern: /["']?(card_)?cvc["']?\s*[:=]\s*["']?\d{3,4}/i },
  { name: 'a PEM private key', pattern: /PRIVATE KEY/ },
];

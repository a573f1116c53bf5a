/** checkin.search: the desk's search box on a 3,000-delegate roster, keystroke by keystroke. */
import { pinyinKeys } from '../core/pinyin.js';
import { buildSearchIndex, searchDelegates } from '../core/search.js';
import { prng, syntheticRoster } from '../tests/fixtures/synthetic-roster.js';
import { percentile, type Reporter } from './report.js';

export async function benchSearch(report: Reporter, size: number): Promise<void> {
  const delegates = syntheticRoster(size).map((d) => ({ badge: d.badge, name: d.name, ...pinyinKeys(d.name) }));
  const rnd = prng(7);
  const any = () => delegates[Math.floor(rnd() * delegates.length)]!;
  // What the clerk types, as the box sees it: every prefix of every query is a search.
  const kinds: Record<string, () => string> = {
    badge: () => any().badge,
    name: () => any().name,
    surname: () => any().name.slice(0, 1),
    initials: () => any().initials,
    pinyin: () => any().pinyin,
  };
  const queries: string[] = [];
  for (let i = 0; i < 1000; i++) {
    for (const make of Object.values(kinds)) {
      const q = make();
      for (let k = 1; k <= q.length; k++) queries.push(q.slice(0, k));
    }
  }

  const t0 = performance.now();
  buildSearchIndex(delegates);
  const indexMs = performance.now() - t0;

  for (const q of queries.slice(0, 2000)) searchDelegates(delegates, q);
  const samples: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    searchDelegates(delegates, q);
    samples.push(performance.now() - start);
  }
  const note = `${samples.length} keystrokes: badges, names, surnames, initials, pinyin`;
  report.add({ bench: 'checkin.search.p50', value: percentile(samples, 50), unit: 'ms', budget: 2, note });
  report.add({ bench: 'checkin.search.p99', value: percentile(samples, 99), unit: 'ms', budget: 2, note });
  report.add({ bench: 'checkin.search.index', value: indexMs, unit: 'ms', note: `build once per roster of ${size}` });
}

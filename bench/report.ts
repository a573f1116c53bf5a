/**
 * One reporter for every bench module: a readable table for people, and one JSON line
 * per figure (DESIGN.md) so that runs can be compared by a script.
 */
export interface Figure {
  bench: string;
  value: number;
  unit: 'ms' | 's' | 'ratio' | 'ops/s' | 'keys';
  /** The limit the figure must stay under, when it has one. */
  budget?: number;
  /** Extra context for the table only (sample size, what was measured). */
  note?: string;
}

export class Reporter {
  readonly figures: Figure[] = [];

  add(figure: Figure): void {
    this.figures.push({ ...figure, value: round(figure.value) });
  }

  print(): void {
    const rows = this.figures.map((f) => [
      f.bench,
      `${f.value} ${f.unit}`,
      f.budget === undefined ? '' : `${f.budget} ${f.unit}`,
      f.budget === undefined ? '' : f.value <= f.budget ? 'ok' : 'OVER',
      f.note ?? '',
    ]);
    const head = ['figure', 'value', 'budget', '', 'note'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    console.log(line(head));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) console.log(line(r));
    console.log();
    for (const f of this.figures) {
      const { note: _note, ...json } = f;
      console.log(JSON.stringify(json));
    }
  }

  get overBudget(): Figure[] {
    return this.figures.filter((f) => f.budget !== undefined && f.value > f.budget);
  }
}

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v * 10) / 10 : Math.round(v * 1000) / 1000);

/** Nearest-rank percentile of samples (ms). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

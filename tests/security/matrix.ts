// The tally of the security matrix: every check lands in a cell (row: a service or a route group;
// column: one of the five cases, or an extra one), and every failure keeps the exact request that
// got the wrong answer, so a report names what to reproduce.

export const CASES = ['no token', 'expired', 'wrong signature', 'other user', 'non-admin on admin'] as const;
/** Checks beyond the five cases, shown as extra columns. */
export const EXTRA = ['forged/malformed', 'allowed (control)', 'CSRF'] as const;
export type Column = (typeof CASES)[number] | (typeof EXTRA)[number];

interface Cell {
  checked: number;
  failed: number;
}

export class Matrix {
  private readonly cells = new Map<string, Map<Column, Cell>>();
  readonly failures: string[] = [];

  /** Records one check; `failure` is undefined when it passed. */
  record(row: string, column: Column, failure: string | undefined): void {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    const c = r.get(column) ?? { checked: 0, failed: 0 };
    c.checked++;
    if (failure !== undefined) {
      c.failed++;
      this.failures.push(`[${row} / ${column}] ${failure}`);
    }
    r.set(column, c);
  }

  get total(): { checked: number; failed: number } {
    let checked = 0;
    let failed = 0;
    for (const r of this.cells.values()) for (const c of r.values()) ((checked += c.checked), (failed += c.failed));
    return { checked, failed };
  }

  /** A fixed-width table: cells "checked/failed", "-" where nothing applies. */
  table(): string {
    const columns: Column[] = [...CASES, ...EXTRA];
    const rows = [...this.cells.keys()];
    const body = rows.map((row) => [row, ...columns.map((col) => {
      const c = this.cells.get(row)!.get(col);
      return c ? `${c.checked}/${c.failed}` : '-';
    })]);
    const totals = columns.map((col) => {
      let checked = 0;
      let failed = 0;
      for (const r of this.cells.values()) {
        const c = r.get(col);
        if (c) ((checked += c.checked), (failed += c.failed));
      }
      return checked ? `${checked}/${failed}` : '-';
    });
    const all = [['row', ...columns], ...body, ['total', ...totals]];
    const widths = all[0]!.map((_, i) => Math.max(...all.map((line) => line[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    const rule = widths.map((w) => '-'.repeat(w)).join('  ');
    const { checked, failed } = this.total;
    return [`security matrix (cells: checked/failed): ${checked} checks, ${failed} failed`, line(all[0]!), rule, ...body.map(line), rule, line(all[all.length - 1]!)].join('\n');
  }
}

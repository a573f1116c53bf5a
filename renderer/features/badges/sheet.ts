/**
 * The 代表证 sheets and the 签到表, as pure functions: which delegates a print asks for, in
 * which order, how they fall on A4 sheets, where each badge stands on its sheet (mm from the
 * sheet's top-left, the same numbers the CSS and the e2e test's crop use), and how large a
 * name may be printed to stay whole on one line.
 */
import { normalizeBadge } from '../../../core/badge.js';
import { DELEGATE_CATEGORIES, type DelegateCategory } from '../../../core/domain.js';

/** A4 portrait, in mm. */
export const SHEET = { width: 210, height: 297 } as const;

/**
 * 2 × 4 badges of 90 × 60 mm (the size of a lanyard pocket) with 10 mm between them, centred:
 * the marks of two neighbours lie on one line (their edges are level), and the gap keeps them
 * 2 mm apart (each 1 to 4 mm outside its corner), so a cut on one badge's mark never nicks the next.
 */
export const BADGE = { width: 90, height: 60, columns: 2, rows: 4, gap: 10 } as const;
export const BADGES_PER_SHEET = BADGE.columns * BADGE.rows;

/** Where the cutting marks stand: from `CUT_MARK.offset` to `offset + length` mm outside a corner. */
export const CUT_MARK = { offset: 1, length: 3 } as const;

const gridWidth = BADGE.columns * BADGE.width + (BADGE.columns - 1) * BADGE.gap;
const gridHeight = BADGE.rows * BADGE.height + (BADGE.rows - 1) * BADGE.gap;
const left = (SHEET.width - gridWidth) / 2;
const top = (SHEET.height - gridHeight) / 2;

export interface BadgeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The badge at `slot` (0-based, row by row) of a sheet, in mm from the sheet's top-left. */
export function badgeBox(slot: number): BadgeBox {
  const column = slot % BADGE.columns;
  const row = Math.floor(slot / BADGE.columns);
  return {
    x: left + column * (BADGE.width + BADGE.gap),
    y: top + row * (BADGE.height + BADGE.gap),
    width: BADGE.width,
    height: BADGE.height,
  };
}

/**
 * Inside a badge (mm from its top-left): the Code 128 box under the name on the left, the QR on
 * the right. A USB scanner at the desk reads the bars; a phone or a 2D scanner the QR.
 */
export const BADGE_PARTS = {
  barcode: { x: 4, y: 38.5, width: 58, height: 10 },
  qr: { x: 65, y: 33.5, width: 21, height: 21 },
} as const;

export interface BadgeDelegate {
  id: number;
  badge: string;
  name: string;
  delegation: string | null;
  category: DelegateCategory;
}

/** What `#/print/badges` was asked for: `?delegates=all` or `?ids=1,2,3`, and `?category=`. */
export interface BadgeRequest {
  ids: number[] | 'all';
  category: DelegateCategory | null;
}

/** Reads the route's query; an unknown category or a bad id list asks for nobody rather than everybody. */
export function badgeRequest(query: Readonly<Record<string, string | undefined>>): BadgeRequest {
  const raw = query.category;
  const category = raw && (DELEGATE_CATEGORIES as readonly string[]).includes(raw) ? (raw as DelegateCategory) : null;
  if (raw && !category) return { ids: [], category: null };
  if (query.delegates === 'all') return { ids: 'all', category };
  const ids = (query.ids ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return { ids: [...new Set(ids)], category };
}

/**
 * The delegates a print asks for, in roster order (the roster as given: badge order), whatever
 * order the ids came in, each once; `missing` the ids that are not (or no longer) on the roster.
 */
export function badgeDelegates<D extends BadgeDelegate>(
  roster: readonly D[],
  request: BadgeRequest,
): { delegates: D[]; missing: number[] } {
  const wanted = request.ids === 'all' ? null : new Set(request.ids);
  const delegates = roster.filter(
    (d) => (wanted === null || wanted.has(d.id)) && (request.category === null || d.category === request.category),
  );
  const onRoster = new Set(roster.map((d) => d.id));
  const missing = request.ids === 'all' ? [] : request.ids.filter((id) => !onRoster.has(id));
  return { delegates, missing };
}

/** The badges sheet by sheet: `perSheet` to a sheet, in order, the last sheet as full as it comes. */
export function badgeSheets<D>(delegates: readonly D[], perSheet: number = BADGES_PER_SHEET): D[][] {
  const sheets: D[][] = [];
  for (let i = 0; i < delegates.length; i += perSheet) sheets.push(delegates.slice(i, i + perSheet));
  return sheets;
}

/**
 * What the bars and the QR say: the badge number exactly as core/badge.ts keeps and matches it,
 * so the desk's search finds the delegate from what the scanner types.
 */
export const badgeCodeText = (badge: string): string => normalizeBadge(badge);

/** Code 128 carries ASCII only (printable, 32–126); another badge number gets its QR and its text. */
export const fitsCode128 = (text: string): boolean => text.length > 0 && /^[\x20-\x7e]+$/.test(text);

/** How wide a character of a name prints, in em: CJK and full-width ones one em, Latin about 0.6. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x1100) return ch === ' ' || ch === '·' || ch === '.' ? 0.35 : 0.62;
  // The middle dot of a transliterated name (阿卜杜·热合曼) is narrow in the CJK fonts too.
  if (ch === '·' || ch === '・') return 0.5;
  return 1;
}

/** A name's printed width in em at any size. */
export const nameWidthEm = (name: string): number => [...name].reduce((sum, ch) => sum + charWidth(ch), 0);

/** The name's largest size on a badge, in mm: 11 mm for a name of up to six characters. */
export const NAME_SIZE = { max: 11, min: 3.2 } as const;

/** The letter spacing the CSS gives a name, in em a character. */
export const NAME_SPACING = 0.06;

/**
 * The type size (mm) at which `text` stays whole on one line of `widthMm`, at most `max`, never
 * under `min`: large for 张三, smaller for a long ethnic name (阿卜杜热合曼·买买提明), never
 * wrapped nor cut. `spacing` is the letter spacing the CSS adds, in em a character.
 */
export function fitSize(text: string, widthMm: number, size: { max: number; min: number }, spacing = 0): number {
  const em = nameWidthEm(text) + spacing * [...text].length;
  if (em === 0) return size.max;
  const fit = Math.floor((widthMm / em) * 10) / 10;
  return Math.max(size.min, Math.min(size.max, fit));
}

/** The name's size on a badge (mm), to stay whole on one line of `widthMm`. */
export const nameSize = (name: string, widthMm: number): number => fitSize(name, widthMm, NAME_SIZE, NAME_SPACING);

/** One delegation of the 签到表: its heading and its delegates in roster order, numbered on. */
export interface SigninGroup<D> {
  /** Null: delegates the roster gives no delegation. */
  delegation: string | null;
  rows: { no: number; delegate: D }[];
}

/**
 * The 签到表 by delegation: the delegations in the order the roster first names them (a roster
 * sent by delegation keeps its order), those with none last; the delegates of each in roster
 * order; 序号 running on through the whole sheet. At a plenary (`memberIds`) only its members.
 */
export function signinGroups<D extends BadgeDelegate>(
  roster: readonly D[],
  memberIds: readonly number[] | null,
): SigninGroup<D>[] {
  const members = memberIds ? new Set(memberIds) : null;
  const groups = new Map<string | null, D[]>();
  for (const d of roster) {
    if (members && !members.has(d.id)) continue;
    const key = d.delegation && d.delegation.trim() !== '' ? d.delegation : null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(d);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(a === null) - Number(b === null));
  let no = 0;
  return ordered.map(([delegation, people]) => ({
    delegation,
    rows: people.map((delegate) => ({ no: ++no, delegate })),
  }));
}

/** How many of a delegation's first rows go with its heading, so a heading never ends a page. */
export const ROWS_WITH_HEADING = 3;

// The pairing engine's drafts: the seam over the generated Pairing bindings (see programs.ts).
// Every function rejects with ApiError; its field names what the problem concerns ("mode",
// "objective", "in", "members", "wishes", "avoid", "wishBonus" …). Go's nil slices become arrays,
// and a program without an open draft reads as null.
import * as PairingGo from '../../wailsjs/go/app/Pairing';
import { app } from '../../wailsjs/go/models';
import { arr } from './arrays';
import { call } from './errors';
import type { Data } from './types';

export type Draft = Data<app.Draft>;
export type DraftItem = Data<app.DraftItem>;
export type DraftMember = Data<app.DraftMember>;
export type Unmatched = Data<app.Unmatched>;
export type DraftTotals = Data<app.DraftTotals>;
export type RunInfo = Data<app.RunInfo>;
export type RunInput = Data<app.RunInput>;
export type SwapInput = Data<app.SwapInput>;
export type ManualInput = Data<app.ManualInput>;
export type PairCheck = Data<app.PairCheck>;
export type ApproveResult = Data<app.ApproveResult>;
export type PairingOptions = Data<app.PairingOptions>;
export type Preferences = Data<app.Preferences>;
export type PreferencePerson = Data<app.PreferencePerson>;
export type ForbiddenPair = Data<app.ForbiddenPair>;

/** PairingMode is what a run pairs: mentees with mentors, peers in pairs, or circles. */
export type PairingMode = 'mentoring' | 'peers' | 'groups';
/** Objective: the highest total score, or the most people matched. */
export type Objective = 'max_weight' | 'max_cardinality';
/** WishPairs: pairs made from wishes wait for the admin's OK ('review') or not ('auto'). */
export type WishPairs = 'review' | 'auto';

const emptyTotals: DraftTotals = {
  people: 0, matched: 0, matchedPercent: 0, items: 0, averageScore: 0, lowestScore: 0, wishes: 0, wishesGranted: 0, alreadyPaired: 0,
};
const emptyRun: RunInfo = { pruned: false, candidateK: 0, pairs: 0, millis: 0, boundPercent: 0, ranAt: '' };

function item(i: DraftItem): DraftItem {
  return { ...i, members: arr(i.members), reasons: arr(i.reasons), warnings: arr(i.warnings) };
}

/** draft normalises a draft from Go: arrays for nil slices, zero totals and run when missing. */
export function draft(d: Draft): Draft {
  return {
    ...d,
    items: arr(d.items).map(item),
    unmatched: arr(d.unmatched),
    totals: { ...emptyTotals, ...(d.totals ?? {}) },
    run: { ...emptyRun, ...(d.run ?? {}) },
    needsOk: d.needsOk ?? 0,
  };
}

function check(c: PairCheck): PairCheck {
  return { ...c, reasons: arr(c.reasons), warnings: arr(c.warnings) };
}

function prefs(p: Preferences): Preferences {
  return { ...p, wishes: arr(p.wishes), avoid: arr(p.avoid) };
}

const draftOf = async (p: Promise<app.Draft>): Promise<Draft> => draft(await p);

export const pairing = {
  /** get returns the program's open draft, or null when there is none. */
  get: (programId: number): Promise<Draft | null> =>
    call(async () => {
      const d = await PairingGo.Get(programId);
      return d ? draft(d) : null;
    }),
  /** run runs the engine: locked pairs stay, the rest of the draft is replaced. */
  run: (input: RunInput): Promise<Draft> => call(() => draftOf(PairingGo.Run(app.RunInput.createFrom(input)))),
  lock: (itemId: number, locked: boolean): Promise<Draft> => call(() => draftOf(PairingGo.Lock(itemId, locked))),
  /** remove takes a pair out of the draft; its people are left out until the next run. */
  remove: (itemId: number): Promise<Draft> => call(() => draftOf(PairingGo.Remove(itemId))),
  /** swap replaces one person of a pair; with someone of another unlocked pair, the two trade places. */
  swap: (input: SwapInput): Promise<Draft> => call(() => draftOf(PairingGo.Swap(app.SwapInput.createFrom(input)))),
  /** check scores a hand-made pair before it is added: its reasons, and warnings for the rules it breaks. */
  check: (input: ManualInput): Promise<PairCheck> => call(async () => check(await PairingGo.Check(app.ManualInput.createFrom(input)))),
  /** add puts a hand-made pair or group into the draft, locked. */
  add: (input: ManualInput): Promise<Draft> => call(() => draftOf(PairingGo.Add(app.ManualInput.createFrom(input)))),
  /** approve turns the draft into relationships and queues one introduction email per person. */
  approve: (draftId: number): Promise<ApproveResult> => call(() => PairingGo.Approve(draftId)),
  /** discard drops the draft: nothing is created and nothing is sent. */
  discard: (draftId: number): Promise<void> => call(() => PairingGo.Discard(draftId)),
  options: (programId: number): Promise<PairingOptions> => call(() => PairingGo.Options(programId)),
  saveOptions: (programId: number, o: PairingOptions): Promise<PairingOptions> =>
    call(() => PairingGo.SaveOptions(programId, app.PairingOptions.createFrom(o))),
  /** preferences are a participant's ranked wishes and the people they would rather not meet. */
  preferences: (participantId: number): Promise<Preferences> => call(async () => prefs(await PairingGo.Preferences(participantId))),
  savePreferences: (p: Preferences): Promise<Preferences> =>
    call(async () => prefs(await PairingGo.SavePreferences(app.Preferences.createFrom(p)))),
  /** forbid keeps two participants from ever being paired (or, with false, allows it again). */
  forbid: (a: number, b: number, forbidden: boolean): Promise<void> => call(() => PairingGo.Forbid(a, b, forbidden)),
  forbidden: (programId: number): Promise<ForbiddenPair[]> => call(async () => arr(await PairingGo.Forbidden(programId))),
};

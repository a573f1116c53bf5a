/**
 * The scene most specs start from: the demo congress open on screen under an operator's name,
 * and some of its 110 voting delegates checked in at the current meeting through the API.
 */
import type { Page } from '@playwright/test';
import type { CallContext, Output } from '../../core/contract.js';
import type { Role } from '../../core/roles.js';
import { addCandidates, type CandidateFacts, call, enterBallots, type Paper, refused } from './api.js';
import { expect, type TestHost } from './fixtures.js';
import { AppFrame } from './pages/app.js';

type OpenApp = (p?: Page) => Promise<Page>;

/** The app opened in `page`, the operator's name given, the demo congress open at the desk. */
export async function openDemoAs(page: Page, openApp: OpenApp, operator: string): Promise<void> {
  await openApp(page);
  const app = new AppFrame(page);
  await app.signIn(operator);
  await app.openDemo();
}

/**
 * The demo congress on screen and its first `present` voting delegates checked in (89 of 110
 * is just past four fifths: the quorum holds). Returns the voting delegates and the meeting.
 */
export async function demoWithVoters(
  page: Page,
  openApp: OpenApp,
  host: TestHost,
  { operator, present = 89 }: { operator: string; present?: number },
) {
  await openDemoAs(page, openApp, operator);
  const voting = await votingDelegates(host);
  const meetingId = await currentMeetingId(host);
  await checkInThroughApi(host, meetingId, voting.slice(0, present));
  return { voting, meetingId };
}

type Delegate = Output<'delegates.list'>[number];

/** The voting delegates of the roster, in roster order. */
export async function votingDelegates(host: TestHost, ctx?: CallContext): Promise<Delegate[]> {
  return (await call(host, 'delegates.list', {}, ctx)).filter((d) => d.category === 'voting');
}

export async function currentMeetingId(host: TestHost): Promise<number> {
  return (await call(host, 'congress.get', {})).congress.currentMeetingId!;
}

/** Checks `people` in at a meeting through the API. */
export async function checkInThroughApi(
  host: TestHost,
  meetingId: number,
  people: readonly { id: number }[],
  ctx?: CallContext,
): Promise<void> {
  for (const d of people) await call(host, 'attendance.checkIn', { meetingId, delegateId: d.id }, ctx);
}

export interface ContestScene {
  meetingId: number;
  title: string;
  /** Its candidates, in this order: delegates of the roster, or people from outside it. */
  people: readonly (Delegate | CandidateFacts)[];
  seats?: number;
  marginPercent?: number;
  kind?: 'election' | 'prevote';
  doubleEntry?: boolean;
  paperGroup?: string | null;
  /** Approve the candidates' order as given (default true). */
  approve?: boolean;
  ctx?: CallContext;
}

/** A contest (2 seats, margin 20 % unless told) of `people`; its first round's id. */
export async function contestOf(host: TestHost, scene: ContestScene) {
  const contest = await call(
    host,
    'contests.create',
    {
      meetingId: scene.meetingId,
      title: scene.title,
      kind: scene.kind ?? 'election',
      seats: scene.seats ?? 2,
      marginPercent: scene.marginPercent ?? 20,
      doubleEntry: scene.doubleEntry ?? false,
      paperGroup: scene.paperGroup ?? null,
    },
    scene.ctx,
  );
  const candidateIds = await addCandidates(host, contest.id, scene.people, scene.ctx);
  if (scene.approve ?? true) {
    await call(host, 'candidates.approveOrder', { contestId: contest.id, candidateIds }, scene.ctx);
  }
  const roundId = (await call(host, 'contests.get', { contestId: contest.id }, scene.ctx)).rounds[0]!.id;
  return { contestId: contest.id, roundId, candidateIds, names: scene.people.map((d) => d.name) };
}

export interface CountScene {
  /** Papers issued (default: as many as `papers`). */
  issued?: number;
  /** Printed beyond those issued, voided as spare (default 0). */
  spare?: number;
  /** Papers collected (default: as many as `papers`). */
  collected?: number;
  papers?: readonly Paper[];
  close?: boolean;
  ctx?: CallContext;
}

/** Distributes, collects and keys a round through the API; closes it when asked, with its result. */
export async function countThroughApi(host: TestHost, roundId: number, scene: CountScene) {
  const list = scene.papers ?? [];
  const issued = scene.issued ?? list.length;
  const spare = scene.spare ?? 0;
  await call(
    host,
    'rounds.distribute',
    { roundId, ballotsPrinted: issued + spare, issued, spareVoided: spare },
    scene.ctx,
  );
  await call(host, 'rounds.collect', { roundId, collected: scene.collected ?? list.length }, scene.ctx);
  await enterBallots(host, roundId, list, scene.ctx);
  return scene.close ? call(host, 'rounds.close', { roundId }, scene.ctx) : null;
}

/** A station's context after signing in through the API. */
export async function signedIn(host: TestHost, operatorId: number, pin: string, station: string): Promise<CallContext> {
  const { token } = await call(host, 'station.signIn', { operatorId, pin }, { operator: '', station });
  return { operator: '', station, session: token };
}

export interface OperatorSpec {
  role: Role;
  name: string;
  pin: string;
}

/** The congress's operators, one of each role, the secretariat first (it adds the others). */
export const OPERATORS: readonly OperatorSpec[] = [
  { role: 'secretariat', name: '秘书 王敏', pin: '111111' },
  { role: 'clerk', name: '报到员 李华', pin: '222222' },
  { role: 'counter', name: '计票人 张强', pin: '333333' },
  { role: 'scrutineer', name: '监票人 赵芳', pin: '444444' },
  { role: 'chief_scrutineer', name: '总监票人 陈刚', pin: '555555' },
];

/**
 * The demo congress with operators: the first (the secretariat) added while the congress is
 * still open to anyone, the others by the secretariat signed in. Returns them by role. Once
 * there are operators, a write without a sign-in is refused.
 */
export async function congressWithOperators(host: TestHost, operators: readonly OperatorSpec[]) {
  await call(host, 'congress.openDemo', {});
  const ops = {} as Record<Role, { id: number; name: string; pin: string }>;
  let secretariat: CallContext | undefined;
  for (const o of operators) {
    const added = await call(host, 'operators.add', o, secretariat);
    ops[o.role] = { id: added.id, name: o.name, pin: o.pin };
    secretariat ??= await signedIn(host, added.id, o.pin, '秘书处');
  }
  expect((await refused(host, 'meetings.create', { name: '未登录', date: '2026-03-20' })).code).toBe('locked');
  return { ops, secretariat: secretariat!, meetingId: await currentMeetingId(host) };
}

/**
 * A congress with `operators`; the secretariat checks in 89 of its 110 voting delegates, sets up
 * a contest of the first three (2 seats), issues a paper to each present and collects `collected`
 * papers. No paper keyed yet.
 */
export async function roundWithOperators(
  host: TestHost,
  operators: readonly OperatorSpec[],
  round: { title: string; collected: number },
) {
  const scene = await congressWithOperators(host, operators);
  const { secretariat, meetingId } = scene;
  // Once there are operators, reading the roster needs a station signed in too (issue 12).
  const voting = await votingDelegates(host, secretariat);
  await checkInThroughApi(host, meetingId, voting.slice(0, 89), secretariat);
  const contest = await contestOf(host, {
    meetingId,
    title: round.title,
    people: voting.slice(0, 3),
    ctx: secretariat,
  });
  await countThroughApi(host, contest.roundId, { issued: 89, collected: round.collected, ctx: secretariat });
  return { ...scene, ...contest, voting };
}

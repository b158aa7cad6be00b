import { decideVerdict, type VerdictLevel } from '../../../../core/verdict';
import { createResolver, listsVouch, memoryCache, type EndpointClient, type ListInfo, type ListMatch, type LocalLists } from '../../../../core/sources';
import { listInfo, sampleStatus, USCC } from './fixtures';

const T0 = Date.parse('2026-11-21T08:00:00Z');
const PAST = '2026-11-14T00:00:00+08:00';
const FUTURE = '2036-12-31T23:59:59+08:00';

const list = (id: string, kind: ListInfo['kind'], expires: string): ListInfo => ({ ...listInfo(id, kind, 1), expires });
const line = { uscc: USCC, name: '示例科技有限公司', reason: '示例原因', authority: '示例市市场监督管理局', since: '2026-03-01' };

/** Local lists holding `lists` in force; the shop is on those named in `on`. */
function localLists(lists: ListInfo[], on: string[] = []): LocalLists {
  const matches: ListMatch[] = lists.filter((l) => on.includes(l.id)).map((l) => ({ list: l, line }));
  return { byUscc: async (u) => matches.filter((m) => m.line.uscc === u), byName: async () => [], lists: async () => lists };
}

const notFound: EndpointClient = { base: 'https://credit.example.cn', get: async () => ({ found: false }), batch: async () => [] };
const knows: EndpointClient = { base: 'https://credit.example.cn', get: async () => ({ found: true, status: sampleStatus(USCC, new Date(T0).toISOString()) }), batch: async () => [] };

interface Case {
  name: string;
  lists: ListInfo[];
  on?: string[];
  endpoint?: EndpointClient;
  checked: boolean;
  state: string;
  expired?: string[];
  /** The verdict for a shop with a genuine signed mark, and its reason codes. */
  level: VerdictLevel;
  codes: string[];
}

const cases: Case[] = [
  { name: 'black list in force, shop on no list: clean lists, genuine mark → good', lists: [list('demo-black', 'black', FUTURE)],
    checked: true, state: 'fresh', level: 'good', codes: ['mark.genuine'] },
  { name: 'the only black list expired: lists not checked, never good', lists: [list('demo-black', 'black', PAST)],
    checked: false, state: 'stale', expired: ['demo-black'], level: 'neutral', codes: ['lists.unchecked', 'mark.genuine'] },
  { name: 'every warning list expired (black and abnormal)', lists: [list('demo-black', 'black', PAST), list('demo-abnormal', 'abnormal', PAST), list('demo-red', 'red', FUTURE)],
    checked: false, state: 'stale', expired: ['demo-black', 'demo-abnormal'], level: 'neutral', codes: ['lists.unchecked', 'mark.genuine'] },
  { name: 'black expired but abnormal in force: checked', lists: [list('demo-black', 'black', PAST), list('demo-abnormal', 'abnormal', FUTURE)],
    checked: true, state: 'fresh', expired: ['demo-black'], level: 'good', codes: ['mark.genuine'] },
  { name: 'a list expiring exactly now has expired', lists: [list('demo-black', 'black', new Date(T0).toISOString())],
    checked: false, state: 'stale', expired: ['demo-black'], level: 'neutral', codes: ['lists.unchecked', 'mark.genuine'] },
  { name: 'only red and credit-level lists cannot show a shop is clean', lists: [list('demo-red', 'red', FUTURE), list('demo-levels', 'credit-level', FUTURE)],
    checked: false, state: 'failed', level: 'neutral', codes: ['lists.unchecked', 'mark.genuine'] },
  { name: 'no lists at all', lists: [],
    checked: false, state: 'failed', level: 'neutral', codes: ['lists.unchecked', 'mark.genuine'] },
  { name: 'shop on an expired black list: still danger, saying the list expired', lists: [list('demo-black', 'black', PAST)], on: ['demo-black'],
    checked: false, state: 'stale', expired: ['demo-black'], level: 'danger', codes: ['list.black', 'list.expired', 'lists.unchecked', 'mark.genuine'] },
  { name: 'shop on an expired black list while another black list is in force', lists: [list('demo-black', 'black', PAST), list('city-black', 'black', FUTURE)], on: ['demo-black'],
    checked: true, state: 'fresh', expired: ['demo-black'], level: 'danger', codes: ['list.black', 'list.expired', 'mark.genuine'] },
  { name: 'shop on an expired red list: the red list does not vouch', lists: [list('demo-red', 'red', PAST), list('demo-black', 'black', FUTURE)], on: ['demo-red'],
    checked: true, state: 'fresh', expired: ['demo-red'], level: 'good', codes: ['mark.genuine', 'status.clean'] },
  { name: 'shop on a red list in force', lists: [list('demo-red', 'red', FUTURE), list('demo-black', 'black', FUTURE)], on: ['demo-red'],
    checked: true, state: 'fresh', level: 'good', codes: ['mark.genuine', 'list.red', 'status.clean'] },
  { name: 'lists expired but an endpoint answered: checked', lists: [list('demo-black', 'black', PAST)], endpoint: notFound,
    checked: true, state: 'stale', expired: ['demo-black'], level: 'good', codes: ['mark.genuine'] },
  { name: 'lists expired, endpoint knows the shop: clean through the endpoint', lists: [list('demo-black', 'black', PAST)], endpoint: knows,
    checked: true, state: 'stale', expired: ['demo-black'], level: 'good', codes: ['mark.genuine', 'status.clean'] },
];

describe('expired lists in the resolver', () => {
  it.each(cases)('$name', async (c) => {
    const r = await createResolver({ lists: localLists(c.lists, c.on), endpoints: c.endpoint ? [c.endpoint] : [], cache: memoryCache(), now: () => T0 }).resolve(USCC);
    expect(r.listsChecked).toBe(c.checked);
    const report = r.sources.find((s) => s.source === 'lists')!;
    expect(report.state).toBe(c.state);
    expect(report.expired?.map((e) => e.id)).toEqual(c.expired);
    const v = decideVerdict({ status: r.status, mark: 'genuine', listsChecked: r.listsChecked, now: T0 });
    expect(v.level).toBe(c.level);
    expect(v.reasons.map((x) => x.code)).toEqual(c.codes);
  });

  it('an entry of an expired list shows the expiry in its provenance', async () => {
    const r = await createResolver({ lists: localLists([list('demo-black', 'black', PAST)], ['demo-black']), cache: memoryCache(), now: () => T0 }).resolve(USCC);
    expect(r.status!.listEntries[0]!.provenance).toEqual({
      source: 'list:demo-black@v1', sourceName: '示例市信用办（名单已于 2026-11-14 过期 / list expired 2026-11-14）',
      retrievedAt: '2026-11-02T03:04:05Z', issued: '2026-11-01T00:00:00Z', expires: PAST,
    });
    const reason = decideVerdict({ status: r.status, listsChecked: r.listsChecked, now: T0 }).reasons.find((x) => x.code === 'list.expired')!;
    expect(reason.zh).toContain('demo-black@v1 于 2026-11-14 过期');
    expect(reason.en).toContain('demo-black@v1 expired 2026-11-14');
  });

  it('an entry of a list in force names its expiry without calling it expired', async () => {
    const r = await createResolver({ lists: localLists([list('demo-black', 'black', FUTURE)], ['demo-black']), cache: memoryCache(), now: () => T0 }).resolve(USCC);
    expect(r.status!.listEntries[0]!.provenance).toMatchObject({ sourceName: '示例市信用办', expires: FUTURE });
  });
});

describe('listsVouch (also used for name lookups in the extension)', () => {
  it.each([
    ['a black list in force', [list('b', 'black', FUTURE)], true],
    ['an abnormal list in force', [list('a', 'abnormal', FUTURE)], true],
    ['only an expired black list', [list('b', 'black', PAST)], false],
    ['only a red list and credit levels', [list('r', 'red', FUTURE), list('c', 'credit-level', FUTURE)], false],
    ['no lists at all', [], false],
    ['an expired black list beside one in force', [list('b', 'black', PAST), list('d', 'seriously-dishonest', FUTURE)], true],
  ] as const)('%s → %s', (_, lists, expected) => {
    expect(listsVouch(lists, T0)).toBe(expected);
  });
});

import type { CreditStatus } from '../../../../core/model';
import type { ListInfo, ListMatch, LocalLists } from '../../../../core/sources';

export const USCC = '91330106673959654P';
export const USCC2 = '91330201MA284E2D7K';

/** A fictional status as an endpoint would serve it. */
export function sampleStatus(uscc = USCC, asOf = '2026-11-21T08:00:00Z'): CreditStatus {
  const provenance = { source: 'endpoint:https://credit.example.cn', sourceName: '示例信用平台', retrievedAt: asOf };
  return {
    subject: { uscc, name: '示例科技有限公司', kind: 'company', provenance },
    licence: { uscc, name: '示例科技有限公司', status: '存续', authority: '示例市市场监督管理局', provenance },
    creditLevels: [{ scheme: 'tax', schemeName: '纳税信用等级', level: 'A', issuer: '示例市税务局', date: '2026-04-01', provenance }],
    listEntries: [],
    records: [],
    commitments: [],
    asOf,
  };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const errorBody = (code: string, message = code) => ({ error: { code, message } });

export function listInfo(id: string, kind: ListInfo['kind'], version = 3): ListInfo {
  return {
    id, name: `示例${id}`, kind, publisher: { id: 'demo-credit-office', name: '示例市信用办' }, version,
    issued: '2026-11-01T00:00:00Z', expires: '2026-12-01T00:00:00Z', importedAt: '2026-11-02T03:04:05Z', count: 1,
  };
}

/** An in-memory LocalLists over a fixed set of matches, keyed by USCC. */
export function memoryLists(matches: ListMatch[]): LocalLists & { calls: number } {
  const lists = {
    calls: 0,
    async byUscc(uscc: string) {
      lists.calls++;
      return matches.filter((m) => m.line.uscc === uscc);
    },
    async byName(name: string) {
      return matches.filter((m) => m.line.name === name);
    },
    async lists() {
      return [...new Map(matches.map((m) => [m.list.id, m.list])).values()];
    },
  };
  return lists;
}

export const blackMatch = (uscc = USCC): ListMatch => ({
  list: listInfo('demo-black', 'black'),
  line: { uscc, name: '示例科技有限公司', reason: '虚假宣传，情节严重', authority: '示例市市场监督管理局', since: '2026-03-01', until: '2029-03-01' },
});
export const levelMatch = (uscc = USCC): ListMatch => ({
  list: listInfo('demo-tax-levels', 'credit-level', 7),
  line: { uscc, name: '示例科技有限公司', scheme: 'tax', schemeName: '纳税信用等级', level: 'A', issuer: '示例市税务局', date: '2026-04-01' },
});

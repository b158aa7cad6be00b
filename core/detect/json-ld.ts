const ORG_TYPES = /^(Organization|Corporation|LocalBusiness|Store|OnlineStore|OnlineBusiness)$/;
const MAX_NODES = 200;

/** Organizations named in a JSON-LD block: tax id / identifier (the USCC) and legal or plain name. */
export function jsonLdOrganizations(text: string): { code: string | null; name: string | null }[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const out: { code: string | null; name: string | null }[] = [];
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const node = queue[i];
    if (Array.isArray(node)) queue.push(...node.slice(0, MAX_NODES));
    if (!node || typeof node !== 'object' || Array.isArray(node)) continue;
    const o = node as Record<string, unknown>;
    const types = ([] as unknown[]).concat(o['@type']);
    if (types.some((t) => typeof t === 'string' && ORG_TYPES.test(t))) {
      const code = [o.taxID, o.vatID, o.identifier, o.leiCode].find((v): v is string => typeof v === 'string') ?? null;
      const name = [o.legalName, o.name].find((v): v is string => typeof v === 'string') ?? null;
      if (code || name) out.push({ code, name });
    }
    for (const key of ['@graph', 'publisher', 'seller', 'brand', 'provider', 'parentOrganization', 'offers']) {
      if (o[key] && typeof o[key] === 'object') queue.push(o[key]);
    }
  }
  return out;
}

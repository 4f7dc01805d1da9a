// Calls a Kerberus catalog with Backstage's own @backstage/catalog-client and prints what came back as
// JSON, for CatalogClientCompatIT to check. Usage: node client-check.mjs BASE_URL TOKEN
import { CatalogClient } from '@backstage/catalog-client';

const [, , baseUrl, token] = process.argv;
const client = new CatalogClient({ discoveryApi: { getBaseUrl: async () => `${baseUrl}/api/catalog` } });
const options = { token };
const out = {};
const names = (entities) => entities.map((e) => e?.metadata?.name ?? null);

const all = await client.getEntities({ filter: { kind: 'component' }, fields: ['metadata.name', 'kind'],
  order: { field: 'metadata.name', order: 'asc' } }, options);
out.getEntities = names(all.items);

out.getEntityByRef = (await client.getEntityByRef('component:default/checkout', options))?.metadata?.name ?? null;
out.getEntityByRefMissing = (await client.getEntityByRef('component:default/nope', options)) ?? 'undefined';
out.getEntitiesByRefs = names((await client.getEntitiesByRefs({ entityRefs: ['component:default/checkout', 'component:default/nope'] }, options)).items);

const first = await client.queryEntities({ filter: { kind: 'component' }, limit: 2, orderFields: { field: 'metadata.name', order: 'asc' } }, options);
const second = await client.queryEntities({ cursor: first.pageInfo.nextCursor, limit: 2 }, options);
out.queryEntities = { first: names(first.items), total: first.totalItems, second: names(second.items), hasPrev: Boolean(second.pageInfo.prevCursor) };

const facets = await client.getEntityFacets({ facets: ['spec.type'], filter: { kind: 'component' } }, options);
out.getEntityFacets = facets.facets['spec.type'];

out.getLocations = (await client.getLocations({}, options)).items.length;
out.queryLocations = (await client.queryLocations({ limit: 10 }, options)).items.length;
const predicate = await client.queryEntities({ query: { kind: 'component', 'spec.type': { $in: ['service', 'website'] } }, orderFields: { field: 'metadata.name', order: 'asc' } }, options);
out.predicateQuery = names(predicate.items);
out.predicateFacets = (await client.getEntityFacets({ facets: ['kind'], query: { 'metadata.tags': { $exists: true } } }, options)).facets.kind;
const ancestry = await client.getEntityAncestors({ entityRef: 'component:default/checkout' }, options);
out.getEntityAncestors = { root: ancestry.rootEntityRef, kinds: ancestry.items.map((i) => i.entity.kind) };
out.getLocationByEntity = (await client.getLocationByEntity('component:default/checkout', options))?.type ?? null;
out.validateEntity = await client.validateEntity({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'Bad Name' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' } }, 'url:https://example.com/catalog-info.yaml', options);
await client.refreshEntity('component:default/checkout', options);
out.refreshEntity = 'ok';
try {
  await client.getEntityByRef('component:default/checkout', { token: 'wrong-token' });
  out.unauthorized = 'no error';
} catch (e) {
  out.unauthorized = e.name;
}
console.log(JSON.stringify(out));

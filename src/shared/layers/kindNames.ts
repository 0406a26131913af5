/**
 * The node kinds, one entry per descriptor file in kinds/: each file adds its own name here
 * (`declare module '../kindNames'`), so adding a kind is that one file, and a kind without a
 * descriptor cannot exist. The runtime list is the registry's (registry.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface NodeKinds {}

export type NodeKindName = keyof NodeKinds & string;

import { analyzeGraph } from '../../../shared/compiler';
import { overBudget } from '../../../shared/compiler/budget';
import { fail, type Result } from '../../../shared/contract/result';
import { importLayersModel } from '../../../shared/export/importModel';
import type { GraphDocument } from '../../../shared/graph/document';

/**
 * E_TOO_LARGE when a design is over the budget (shared/compiler/budget.ts), else null. Pure
 * arithmetic on shapes: call it before anything builds a model or reads weights.
 */
export function refuseOverBudget(
  doc: GraphDocument,
  diagnostics = analyzeGraph(doc).diagnostics,
): Result<never> | null {
  const found = overBudget(diagnostics);
  return found ? fail('E_TOO_LARGE', found.message, [found]) : null;
}

/**
 * E_TOO_LARGE when a model.json's topology is a design over the budget, judged before any weight
 * file is read. A topology the app cannot open is left to the import to explain.
 */
export function refuseImportOverBudget(json: unknown): Result<never> | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  // The topology alone: the weights manifest is the import's to check, after this.
  const topology = importLayersModel({ ...json, weightsManifest: undefined }, null);
  return topology.ok ? refuseOverBudget(topology.value.graph) : null;
}

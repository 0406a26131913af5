/**
 * What each Keras layer class becomes in a PyTorch script: its module, the expression of its
 * output, its extra loss terms, its weights (and how the app's layout maps to torch's) and its
 * initializers. Each kind's descriptor writes its own (src/shared/layers/kinds); a class without
 * one is a named failure, never a dropped layer.
 */
import type { Result } from '../../contract/result';
import { descriptorOfClass } from '../../layers/registry';
import { torchUnsupported } from '../../layers/scriptHelpers';
import type { TorchLayerArgs, TorchLayerCode } from '../../layers/types';

export type { TorchLayerArgs, TorchLayerCode, TorchWeight } from '../../layers/types';

/** The code of one layer, or a failure naming it when its class has no PyTorch form. */
export function torchLayer(a: TorchLayerArgs): Result<TorchLayerCode> {
  const binding = descriptorOfClass(a.layer.class_name)?.kerasClass;
  if (!binding) return torchUnsupported(a.layer, 'PyTorch export does not know this kind of layer');
  return binding.torch(a);
}

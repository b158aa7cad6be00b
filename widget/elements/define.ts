import { XinbiaoMark } from './mark';
import { XinbiaoQuery } from './query';

/** Defines both elements once; a second copy of the script finds them defined and does nothing. */
export function define(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('xinbiao-mark')) registry.define('xinbiao-mark', XinbiaoMark);
  if (!registry.get('xinbiao-query')) registry.define('xinbiao-query', XinbiaoQuery);
}

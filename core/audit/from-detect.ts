import type { DetectResult } from '../detect/types';
import type { DetectionLike } from './facts';
import { cssPath } from './selector';

/** The shop subjects of a core/detect result as plain data (the platform's own licence is left out). */
export function fromDetect(result: Pick<DetectResult, 'subjects'>): DetectionLike {
  return {
    subjects: result.subjects.filter((s) => s.role !== 'platform').map((s) => ({
      ...(s.uscc ? { uscc: s.uscc } : {}),
      ...(s.name ? { name: s.name } : {}),
      source: s.source,
      sources: [...s.sources],
      confidence: s.confidence,
      ...(s.element ? { selector: cssPath(s.element) } : {}),
    })),
  };
}

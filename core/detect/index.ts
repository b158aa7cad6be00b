export { detect, CONFIDENCE } from './detect';
export { detectionToJson, elementPath, type DetectJson } from './serialise';
export { classifyLink, samrLink } from './links';
export { CODE_LABELS, NAME_LABELS, STOP_LABELS, TEXT_CUES, type CueKind } from './labels';
export { WALK_WHAT_TO_SHOW } from './dom';
export * from './types';

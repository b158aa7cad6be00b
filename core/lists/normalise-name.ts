// Names are normalised in one place, core/identifiers; list modules import it from here as before.
export { normaliseName, sameName } from '../identifiers/normalise';

// Tests, benchmarks and the audit command launch the same browser the same way.
export * from '../../cli/chromium';

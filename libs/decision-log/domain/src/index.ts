export * from './masking/mask-rule';
export * from './masking/decision-masker';
export * from './windows/window.state';
export * from './windows/window.aggregator';
export * from './windows/window.closer';
export * from './windows/window-delta';
export * from './windows/watermark';

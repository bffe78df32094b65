import './lib/styles/tokens.css';
import './lib/styles/base.css';
import './lib/styles/components.css';

export * from './lib/language/language-context';
export * from './lib/language/language-switcher';
export * from './lib/app-shell/app-shell';
export * from './lib/button/button';
export * from './lib/text-field/text-field';
export * from './lib/status-banner/status-banner';
export * from './lib/connection-badge/connection-badge';
export * from './lib/api/api-error';
export * from './lib/api/api-client';
export * from './lib/api/describe-error';
export * from './lib/api/use-query';
export * from './lib/forms/field-errors';
export * from './lib/routing/router';
export * from './lib/hooks/use-online';
export * from './lib/progress-bar/progress-bar';

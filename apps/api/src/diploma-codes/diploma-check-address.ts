import { routes } from '@olympiad/contracts';
import { formatDiplomaCode } from './diploma-code';

/** Where a diploma's QR code leads: this server's public address and the code as printed. */
export function diplomaCheckAddress(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${routes.public.diplomaCheck.path.replace(':code', formatDiplomaCode(code))}`;
}

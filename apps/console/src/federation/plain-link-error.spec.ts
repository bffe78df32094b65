import { plainLinkError } from './plain-link-error';

describe('plainLinkError', () => {
  it('says the republic cannot be reached for a refused or unknown address', () => {
    expect(plainLinkError('fetch failed (ECONNREFUSED)').key).toBe(
      'console.federation.error.unreachable',
    );
    expect(plainLinkError('fetch failed (ENOTFOUND)').key).toBe(
      'console.federation.error.unreachable',
    );
  });

  it('says the link is too slow for a timeout', () => {
    expect(plainLinkError('The operation was aborted due to timeout').key).toBe(
      'console.federation.error.timeout',
    );
    expect(plainLinkError('fetch failed (UND_ERR_CONNECT_TIMEOUT)').key).toBe(
      'console.federation.error.timeout',
    );
  });

  it("uses the republic's own error key when it sent one, keeping the raw text as detail", () => {
    const answer = '403 federation.notLinked This stage is not linked';
    expect(plainLinkError(answer)).toEqual({ key: 'federation.notLinked', detail: answer });
  });

  it('tells a fault of the republic server from a refusal', () => {
    expect(plainLinkError('500 Internal server error').key).toBe(
      'console.federation.error.republicFault',
    );
    expect(plainLinkError('The republic server answered without acknowledgements').key).toBe(
      'console.federation.error.other',
    );
  });
});

import { AddressRefused, checkAddress, parseFetchAllow, resolveAllowed, FetchAllowList } from './address-policy';

const allowList = (raw: string): FetchAllowList => {
  const parsed = parseFetchAllow(raw);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

describe('checkAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'], ['::1', 'loopback'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'], ['fe80::1', 'linkLocal'],
    ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'], ['0.1.2.3', 'unspecified'], ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'], ['100.64.0.1', 'carrierGradeNat'], ['fd00::1', 'uniqueLocal'],
    ['192.0.2.1', 'reserved'], ['2001:db8::1', 'reserved'],
  ])('refuses %s (%s)', (ip, range) => {
    expect(checkAddress(ip)).toBe(`${ip} is a ${range} address`);
  });

  it.each([
    ['::ffff:127.0.0.1'], ['::ffff:7f00:1'], ['::ffff:10.0.0.1'], ['64:ff9b::7f00:1'], ['2002:7f00:1::1'], ['2002:a9fe:a9fe::1'],
  ])('judges the IPv4 address inside %s', (ip) => {
    expect(checkAddress(ip)).toMatch(/is a (loopback|private|linkLocal) address/);
  });

  it.each([['93.184.216.34'], ['2606:2800:220:1:248:1893:25c8:1946'], ['::ffff:93.184.216.34']])('lets the global address %s through', (ip) => {
    expect(checkAddress(ip)).toBeNull();
  });

  it('lets a listed address or network through, IPv4-mapped forms included', () => {
    const allow = allowList('127.0.0.2,10.0.0.0/8,fd00::/8');
    expect(checkAddress('127.0.0.2', allow)).toBeNull();
    expect(checkAddress('::ffff:127.0.0.2', allow)).toBeNull();
    expect(checkAddress('10.200.1.1', allow)).toBeNull();
    expect(checkAddress('fd12::1', allow)).toBeNull();
    expect(checkAddress('127.0.0.1', allow)).not.toBeNull();
    expect(checkAddress('192.168.0.1', allow)).not.toBeNull();
  });

  it('refuses what is not an address', () => {
    expect(checkAddress('example.com')).toBe('example.com is not an IP address');
  });
});

describe('parseFetchAllow', () => {
  it('reads hosts, addresses and networks, and nothing from an empty value', () => {
    expect(parseFetchAllow(undefined)).toEqual({ hosts: [], networks: [] });
    const allow = allowList(' Pages.Test , 127.0.0.1, 10.0.0.0/8 ,::1');
    expect(allow.hosts).toEqual(['pages.test']);
    expect(allow.networks.map(([address, bits]) => `${address.toString()}/${bits}`)).toEqual(['127.0.0.1/32', '10.0.0.0/8', '::1/128']);
  });

  it.each([['10.0.0.0/33'], ['10.0.0.0/x'], ['http://pages.test'], ['a b'], ['']])('names a bad entry: %p', (entry) => {
    expect(parseFetchAllow(`127.0.0.1,${entry}`)).toEqual(expect.stringContaining(`"${entry}"`));
  });
});

describe('resolveAllowed', () => {
  const resolver = (answers: Record<string, string[]>) => async (host: string) =>
    (answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a name when any one of its addresses is refused', async () => {
    const resolve = resolver({ 'mixed.test': ['93.184.216.34', '10.0.0.5'] });
    await expect(resolveAllowed('mixed.test', undefined, resolve)).rejects.toThrow(new AddressRefused('mixed.test resolves to 10.0.0.5, which the desk may not fetch from (10.0.0.5 is a private address)'));
  });

  it('answers every address of a name whose addresses are all global', async () => {
    const resolve = resolver({ 'public.test': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'] });
    await expect(resolveAllowed('public.test', undefined, resolve)).resolves.toHaveLength(2);
  });

  it('checks a literal address without resolving it, brackets and all', async () => {
    const resolve = jest.fn();
    await expect(resolveAllowed('[::1]', undefined, resolve)).rejects.toThrow(AddressRefused);
    await expect(resolveAllowed('169.254.169.254', undefined, resolve)).rejects.toThrow('the desk may not fetch from 169.254.169.254 is a linkLocal address');
    expect(resolve).not.toHaveBeenCalled();
  });

  it('lets a listed host through whatever it resolves to, and localhost only when listed', async () => {
    await expect(resolveAllowed('localhost')).rejects.toThrow(AddressRefused);
    await expect(resolveAllowed('localhost', allowList('localhost'))).resolves.not.toHaveLength(0);
  });
});
